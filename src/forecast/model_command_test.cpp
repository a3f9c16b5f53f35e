#include "forecast/model_command.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "forecast/synthetic_deals.hpp"
#include "forecast/table.hpp"

namespace buyalign::forecast {
namespace {

namespace fs = std::filesystem;

class ModelCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("forecast_cli_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string WriteCsv(const std::string& name, const Table& table) {
    std::ofstream out(dir_ / name);
    for (size_t c = 0; c < table.names.size(); ++c) out << (c ? "," : "") << table.names[c];
    out << "\r\n";
    for (size_t r = 0; r < table.rows(); ++r) {
      for (size_t c = 0; c < table.names.size(); ++c) {
        out << (c ? "," : "") << '"' << table.columns[c][r] << '"';
      }
      out << "\r\n";
    }
    return (dir_ / name).string();
  }
  std::string WriteText(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }

  // Runs `buyalign <args>` and returns the exit code; stdout lands in output_.
  int Run(std::vector<std::string> args) {
    CLI::App app;
    AddModelCommand(app);
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first
    std::stringstream captured;
    auto* previous = std::cout.rdbuf(captured.rdbuf());
    int code = 0;
    try {
      app.parse(args);
    } catch (const CLI::ParseError& e) {
      code = e.get_exit_code();
    }
    std::cout.rdbuf(previous);
    output_ = captured.str();
    return code;
  }

  fs::path dir_;
  std::string output_;
};

TEST_F(ModelCommand, TrainPredictEvaluateRoundTrip) {
  const SyntheticDeals data = MakeSyntheticDeals(1200, 77);
  const std::string csv = WriteCsv("deals.csv", data.table);
  const std::string model = (dir_ / "model.json").string();
  ASSERT_EQ(Run({"model", "train", "--csv", csv, "--target", "outcome", "--positive", "won", "--id",
                 "deal_id", "--drop", "noise_flag", "--out", model}),
            0);
  EXPECT_NE(output_.find("\"chosen\""), std::string::npos);
  EXPECT_NE(output_.find("\"notes\": \"text/ignored\""), std::string::npos) << output_;

  const std::string predictions = (dir_ / "pred.csv").string();
  ASSERT_EQ(Run({"model", "predict", "--model", model, "--csv", csv, "--out", predictions}), 0);
  auto table = ReadCsvTable(predictions);
  ASSERT_TRUE(table.has_value()) << table.error().message;
  EXPECT_EQ(table->names, (std::vector<std::string>{"deal_id", "probability"}));
  ASSERT_EQ(table->rows(), 1200u);
  EXPECT_EQ(table->columns[0][0], "D100000");
  const double p = std::stod(table->columns[1][0]);
  EXPECT_GT(p, 0.0);
  EXPECT_LT(p, 1.0);

  ASSERT_EQ(Run({"model", "evaluate", "--csv", csv, "--target", "outcome", "--positive", "won",
                 "--id", "deal_id", "--folds", "3", "--seed", "4"}),
            0);
  for (const char* key : {"\"auc\"", "\"brier\"", "\"log_loss\"", "\"ece\"", "\"n\": 1200",
                          "\"gradient_boosting\"", "\"logistic\""}) {
    EXPECT_NE(output_.find(key), std::string::npos) << key << " in " << output_;
  }
}

TEST_F(ModelCommand, BadInputExitsWithTwo) {
  const std::string empty = WriteText("empty.csv", "");
  EXPECT_EQ(Run({"model", "train", "--csv", empty, "--target", "t", "--positive", "y", "--out",
                 (dir_ / "m.json").string()}),
            2);
  const std::string header_only = WriteText("header.csv", "a,b,t\r\n");
  EXPECT_EQ(Run({"model", "evaluate", "--csv", header_only, "--target", "t", "--positive", "y"}),
            2);
  EXPECT_EQ(Run({"model", "predict", "--model", (dir_ / "missing.json").string(), "--csv",
                 header_only, "--out", (dir_ / "p.csv").string()}),
            2);
  const std::string three =
      WriteText("three.csv", "amount,stage\r\n1,Won\r\n2,Lost\r\n3,Won\r\n4,Open\r\n5,Lost\r\n");
  for (const char* command : {"train", "evaluate"}) {
    std::vector<std::string> args{"model",    command, "--csv",      three,
                                  "--target", "stage", "--positive", "Won"};
    if (std::string(command) == "train")
      args.insert(args.end(), {"--out", (dir_ / "m.json").string()});
    EXPECT_EQ(Run(args), 2) << command << ": a third target value is bad input";
  }
}

TEST(ReadCsvTable, EmptyAndHeaderOnlyFilesAreRefusedByName) {
  const fs::path dir = fs::temp_directory_path();
  std::ofstream(dir / "forecast_empty.csv") << "";
  std::ofstream(dir / "forecast_header.csv") << "stage,amount\n";
  auto empty = ReadCsvTable(dir / "forecast_empty.csv");
  ASSERT_FALSE(empty.has_value());
  EXPECT_NE(empty.error().message.find("forecast_empty.csv: the file is empty"), std::string::npos);
  auto header = ReadCsvTable(dir / "forecast_header.csv");
  ASSERT_FALSE(header.has_value());
  EXPECT_NE(header.error().message.find("no data rows"), std::string::npos);
  fs::remove(dir / "forecast_empty.csv");
  fs::remove(dir / "forecast_header.csv");
}

}  // namespace
}  // namespace buyalign::forecast
