#include "forecast/model_command.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "forecast/model_evaluation.hpp"
#include "forecast/model_file.hpp"
#include "forecast/report_json.hpp"
#include "forecast/table.hpp"
#include "forecast/win_model.hpp"

namespace buyalign::forecast {
namespace {

// The exit codes of src/cli/commands.hpp (kept in step by hand: forecast sits below cli).
constexpr int kExitBadInput = 2;
constexpr int kExitFailure = 1;

[[noreturn]] void Exit(const core::Error& error) {
  std::cerr << "buyalign: " << core::Describe(error) << "\n";
  const bool bad_input =
      error.code == core::ErrorCode::kInvalidArgument || error.code == core::ErrorCode::kNotFound;
  throw CLI::RuntimeError(bad_input ? kExitBadInput : kExitFailure);
}

template <class T>
T Check(core::Result<T> result) {
  if (!result) Exit(result.error());
  return std::move(*result);
}

struct Args {
  std::string csv, test, target, positive, id, out, model, use;
  std::vector<std::string> drop;
  uint64_t seed = 1;
  int folds = 5;
};

TrainOptions ToTrainOptions(const Args& args) {
  TrainOptions options;
  options.target = args.target;
  options.positive = args.positive;
  options.id = args.id;
  options.drop = args.drop;
  options.seed = args.seed;
  return options;
}

// RFC 4180 quoting for an id cell.
std::string CsvCell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void Train(const Args& args) {
  const Table table = Check(ReadCsvTable(args.csv));
  const WinModel model = Check(WinModel::Train(table, ToTrainOptions(args)));
  if (auto saved = SaveModel(model, args.out); !saved) Exit(saved.error());
  std::cout << TrainSummaryJson(model) << "\n";
}

void Predict(const Args& args) {
  const WinModel model = Check(LoadModel(args.model));
  const Table table = Check(ReadCsvTable(args.csv));
  ModelKind kind = model.parts().chosen;
  if (!args.use.empty() && !ParseModelKind(args.use, kind)) {
    Exit(core::Error::Invalid("--use must be gradient_boosting or logistic", "use"));
  }
  const std::vector<double> p = Check(model.Predict(table, kind));
  // Rows are named by the model's id column when the file has it, else by their 1-based number.
  const std::vector<std::string>* ids = nullptr;
  if (!model.parts().id.empty()) {
    if (const auto column = table.Find(model.parts().id)) ids = &table.columns[*column];
  }
  std::ofstream out(args.out, std::ios::trunc);
  out << (ids != nullptr ? CsvCell(model.parts().id) : std::string("row")) << ",probability\n";
  char number[32];
  for (size_t row = 0; row < table.rows(); ++row) {
    std::snprintf(number, sizeof number, "%.6f", p[row]);
    out << (ids != nullptr ? CsvCell((*ids)[row]) : std::to_string(row + 1)) << "," << number
        << "\n";
  }
  out.close();
  if (!out) Exit(core::Error::Internal("cannot write " + args.out));
}

void Evaluate(const Args& args) {
  const Table table = Check(ReadCsvTable(args.csv));
  EvaluationReport report;
  if (args.test.empty()) {
    report = Check(CrossValidate(table, ToTrainOptions(args), args.folds));
  } else {
    const Table test = Check(ReadCsvTable(args.test));
    report = Check(EvaluateOnTest(table, test, ToTrainOptions(args)));
  }
  std::cout << EvaluationJson(report) << "\n";
}

void AddTrainingOptions(CLI::App* cmd, Args& args) {
  cmd->add_option("--csv", args.csv, "CSV file of past deals with a header row")->required();
  cmd->add_option("--target", args.target, "column holding the outcome")->required();
  cmd->add_option("--positive", args.positive, "the outcome value that counts as a win")
      ->required();
  cmd->add_option("--id", args.id, "identifier column (never a feature)");
  cmd->add_option("--drop", args.drop, "columns to leave out (repeatable)");
  cmd->add_option("--seed", args.seed, "seed of every random choice");
}

}  // namespace

void AddModelCommand(CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* model = app.add_subcommand("model", "Train, apply and evaluate win-probability models");
  model->require_subcommand(1);

  auto* train = model->add_subcommand("train", "Learn a win model from a CSV of closed deals");
  AddTrainingOptions(train, *args);
  train->add_option("--out", args->out, "model file to write")->required();
  train->callback([args] { Train(*args); });

  auto* predict = model->add_subcommand("predict", "Score a CSV with a trained model");
  predict->add_option("--model", args->model, "model file from `model train`")->required();
  predict->add_option("--csv", args->csv, "CSV file to score")->required();
  predict->add_option("--out", args->out, "CSV to write: id and probability per row")->required();
  predict->add_option("--use", args->use, "gradient_boosting or logistic (default: the chosen)");
  predict->callback([args] { Predict(*args); });

  auto* evaluate = model->add_subcommand("evaluate", "Cross-validate both models, print metrics");
  AddTrainingOptions(evaluate, *args);
  evaluate->add_option("--folds", args->folds, "number of folds")->check(CLI::Range(2, 100));
  evaluate->add_option("--test", args->test, "score this CSV instead of cross-validating");
  evaluate->callback([args] { Evaluate(*args); });
}

}  // namespace buyalign::forecast
