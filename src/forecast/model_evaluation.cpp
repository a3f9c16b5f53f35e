#include "forecast/model_evaluation.hpp"

#include <algorithm>

#include "forecast/binary_target.hpp"
#include "forecast/stratified_split.hpp"

namespace buyalign::forecast {
namespace {

using core::Error;
using core::Fail;

constexpr ModelKind kKinds[] = {ModelKind::kBoosted, ModelKind::kLogistic};

void Finish(EvaluationReport& report, const std::vector<std::vector<double>>& scores,
            std::span<const float> labels) {
  report.n = labels.size();
  double positives = 0.0;
  for (float y : labels) positives += y;
  report.positive_rate = labels.empty() ? 0.0 : positives / static_cast<double>(labels.size());
  for (size_t k = 0; k < 2; ++k) {
    report.models.push_back(
        {kKinds[k], Evaluate(scores[k], labels), CalibrationBins(scores[k], labels, 10)});
  }
  report.best = report.models[0].metrics.log_loss <= report.models[1].metrics.log_loss
                    ? ModelKind::kBoosted
                    : ModelKind::kLogistic;
}

}  // namespace

core::Result<EvaluationReport> CrossValidate(const Table& table, const TrainOptions& options,
                                             int folds) {
  auto labels = BinaryLabels(table, options.target, options.positive);
  if (!labels) return Fail(labels.error());
  const size_t positives = static_cast<size_t>(std::count(labels->begin(), labels->end(), 1.0f));
  const size_t rarer = std::min(positives, labels->size() - positives);
  if (folds < 2 || static_cast<size_t>(folds) > rarer) {
    return Fail(Error::Invalid(
        "folds must be between 2 and the rarer class's " + std::to_string(rarer) + " rows",
        "folds"));
  }
  const std::vector<size_t> rows = AllRows(table);
  const std::vector<int> fold_of = StratifiedFolds(*labels, rows, folds, options.seed);
  std::vector<std::vector<double>> scores(2, std::vector<double>(rows.size()));
  EvaluationReport report;
  report.method = "cross_validation";
  report.folds = folds;
  report.seed = options.seed;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<size_t> train, held;
    for (size_t i = 0; i < rows.size(); ++i) (fold_of[i] == fold ? held : train).push_back(i);
    TrainOptions fold_options = options;
    fold_options.seed = options.seed + static_cast<uint64_t>(fold) + 1;
    auto model = WinModel::Train(table, *labels, train, fold_options);
    if (!model) return Fail(model.error());
    report.train_seconds += model->parts().summary.seconds / folds;
    for (size_t k = 0; k < 2; ++k) {
      auto p = model->Predict(table, held, kKinds[k]);
      if (!p) return Fail(p.error());
      for (size_t i = 0; i < held.size(); ++i) scores[k][held[i]] = (*p)[i];
    }
  }
  Finish(report, scores, *labels);
  return report;
}

core::Result<EvaluationReport> EvaluateOnTest(const Table& train, const Table& test,
                                              const TrainOptions& options) {
  auto test_labels = BinaryLabels(test, options.target, options.positive);
  if (!test_labels) return Fail(test_labels.error());
  auto model = WinModel::Train(train, options);
  if (!model) return Fail(model.error());
  EvaluationReport report;
  report.method = "holdout_file";
  report.seed = options.seed;
  report.train_seconds = model->parts().summary.seconds;
  std::vector<std::vector<double>> scores;
  for (ModelKind kind : kKinds) {
    auto p = model->Predict(test, kind);
    if (!p) return Fail(p.error());
    scores.push_back(std::move(*p));
  }
  Finish(report, scores, *test_labels);
  return report;
}

}  // namespace buyalign::forecast
