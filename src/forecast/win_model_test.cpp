#include "forecast/win_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "forecast/binary_target.hpp"
#include "forecast/metrics.hpp"
#include "forecast/model_evaluation.hpp"
#include "forecast/model_file.hpp"
#include "forecast/synthetic_deals.hpp"
#include "forecast/xoshiro.hpp"

namespace buyalign::forecast {
namespace {

Table Slice(const Table& table, size_t begin, size_t end) {
  Table out;
  out.source = table.source;
  out.names = table.names;
  out.columns.resize(table.names.size());
  for (size_t c = 0; c < table.names.size(); ++c) {
    out.columns[c].assign(table.columns[c].begin() + static_cast<std::ptrdiff_t>(begin),
                          table.columns[c].begin() + static_cast<std::ptrdiff_t>(end));
  }
  out.lines.assign(table.lines.begin() + static_cast<std::ptrdiff_t>(begin),
                   table.lines.begin() + static_cast<std::ptrdiff_t>(end));
  return out;
}

TrainOptions Options() {
  TrainOptions options;
  options.target = "outcome";
  options.positive = "won";
  options.id = "deal_id";
  options.boosting.threads = 2;
  return options;
}

std::vector<float> Labels(const Table& table) { return *BinaryLabels(table, "outcome", "won"); }

// One data set shared by the tests: 4000 rows to train, 2000 to test.
const SyntheticDeals& Data() {
  static const SyntheticDeals data = MakeSyntheticDeals(6000, 2024);
  return data;
}

TEST(WinModel, LearnsASyntheticSignal) {
  const Table train = Slice(Data().table, 0, 4000), test = Slice(Data().table, 4000, 6000);
  auto model = WinModel::Train(train, Options());
  ASSERT_TRUE(model.has_value()) << model.error().message;
  const std::vector<float> y = Labels(test);
  const std::vector<double> truth(Data().true_probability.begin() + 4000,
                                  Data().true_probability.end());
  for (ModelKind kind : {ModelKind::kBoosted, ModelKind::kLogistic}) {
    auto p = model->Predict(test, kind);
    ASSERT_TRUE(p.has_value()) << p.error().message;
    EXPECT_GT(Auc(*p, y), 0.75) << ModelKindName(kind);
    EXPECT_LT(Ece(*p, y), 0.06) << ModelKindName(kind);
  }
  // The trees see the interaction and the curvature the linear baseline cannot.
  const auto boosted = *model->Predict(test, ModelKind::kBoosted);
  EXPECT_GT(Auc(boosted, y), 0.8) << "the generating model reaches " << Auc(truth, y);
  EXPECT_GT(Auc(boosted, y), Auc(*model->Predict(test, ModelKind::kLogistic), y));
  EXPECT_LT(Auc(boosted, y), Auc(truth, y) + 0.02);  // cannot beat the generating model much
}

TEST(WinModel, ReportsColumnKindsAndDateGap) {
  auto model = WinModel::Train(Slice(Data().table, 0, 1500), Options());
  ASSERT_TRUE(model.has_value()) << model.error().message;
  const FeaturePipeline& pipeline = model->parts().pipeline;
  const auto& ignored = pipeline.ignored();
  ASSERT_EQ(ignored.size(), 1u);
  EXPECT_EQ(ignored[0], std::make_pair(std::string("notes"), ColumnKind::kText));
  const auto& names = pipeline.feature_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "expected_close-created:days"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "agent:win_rate"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "region=region-3"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "deal_id"), names.end());
}

TEST(WinModel, NoiseIdentifierColumnGetsNoImportanceAndNoHeldOutSkill) {
  // Add a pure-noise account code with ~3 rows per level.
  Table table = Slice(Data().table, 0, 4000);
  Xoshiro256 rng(9);
  table.names.push_back("account_code");
  table.columns.emplace_back();
  for (size_t i = 0; i < table.rows(); ++i) {
    table.columns.back().push_back("acct-" + std::to_string(rng.Below(1300)));
  }
  auto model = WinModel::Train(table, Options());
  ASSERT_TRUE(model.has_value()) << model.error().message;
  const auto& names = model->parts().pipeline.feature_names();
  auto gain = model->parts().boosted->FeatureGain(names.size());
  ASSERT_TRUE(gain.has_value());
  const auto index = [&](const std::string& name) {
    return static_cast<size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  EXPECT_LT((*gain)[index("account_code:win_rate")], 0.1 * (*gain)[index("x1")]);

  // A model that has only the noise column cannot rank held-out deals.
  TrainOptions only_noise = Options();
  for (const std::string& name : table.names) {
    if (name != "account_code" && name != "outcome" && name != "deal_id") {
      only_noise.drop.push_back(name);
    }
  }
  auto noise_model = WinModel::Train(Slice(table, 0, 3000), only_noise);
  ASSERT_TRUE(noise_model.has_value()) << noise_model.error().message;
  const Table held = Slice(table, 3000, 4000);
  for (ModelKind kind : {ModelKind::kBoosted, ModelKind::kLogistic}) {
    EXPECT_NEAR(Auc(*noise_model->Predict(held, kind), Labels(held)), 0.5, 0.06);
  }
}

TEST(WinModel, SaveAndLoadGiveIdenticalPredictions) {
  const Table train = Slice(Data().table, 0, 2000), test = Slice(Data().table, 5000, 6000);
  auto model = WinModel::Train(train, Options());
  ASSERT_TRUE(model.has_value());
  auto json = WriteModelJson(*model);
  ASSERT_TRUE(json.has_value()) << json.error().message;
  auto loaded = ReadModelJson(*json, "model.json");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  EXPECT_EQ(loaded->parts().chosen, model->parts().chosen);
  for (ModelKind kind : {ModelKind::kBoosted, ModelKind::kLogistic}) {
    auto before = model->Predict(test, kind);
    auto after = loaded->Predict(test, kind);
    ASSERT_TRUE(before && after);
    EXPECT_EQ(*before, *after) << ModelKindName(kind);
  }
  EXPECT_EQ(*WriteModelJson(*loaded), *json) << "a loaded model writes the same bytes";
}

TEST(WinModel, CorruptModelFileNamesTheField) {
  auto model = WinModel::Train(Slice(Data().table, 0, 800), Options());
  ASSERT_TRUE(model.has_value());
  std::string json = *WriteModelJson(*model);
  const std::string kind = "\"kind\":\"number\"";
  json.replace(json.find(kind), kind.size(), "\"kind\":\"blob\"");
  auto loaded = ReadModelJson(json, "m.json");
  ASSERT_FALSE(loaded.has_value());
  EXPECT_NE(loaded.error().message.find("pipeline.columns["), std::string::npos)
      << loaded.error().message;
  EXPECT_FALSE(ReadModelJson("{\"format\":\"other\"}", "m.json").has_value());
}

TEST(WinModel, SameSeedSameModel) {
  const Table train = Slice(Data().table, 0, 1000);
  auto a = WinModel::Train(train, Options());
  auto b = WinModel::Train(train, Options());
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a->Predict(train), *b->Predict(train));
}

TEST(WinModel, BadInputErrorsNameTheColumn) {
  const Table table = Slice(Data().table, 0, 300);
  TrainOptions options = Options();
  options.target = "stage";
  auto missing = WinModel::Train(table, options);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().field, "stage");
  EXPECT_NE(missing.error().message.find("\"stage\" is not in"), std::string::npos);

  options = Options();
  options.positive = "maybe";
  auto absent = WinModel::Train(table, options);
  ASSERT_FALSE(absent.has_value());
  EXPECT_NE(absent.error().message.find("never occurs"), std::string::npos);

  Table single = table;
  auto& outcome = single.columns[*single.Find("outcome")];
  std::fill(outcome.begin(), outcome.end(), "won");
  auto one_value = WinModel::Train(single, Options());
  ASSERT_FALSE(one_value.has_value());
  EXPECT_NE(one_value.error().message.find("single value"), std::string::npos);

  Table empty_column = table;
  empty_column.names.push_back("budget");
  empty_column.columns.emplace_back(table.rows(), "");
  auto all_missing = WinModel::Train(empty_column, Options());
  ASSERT_FALSE(all_missing.has_value());
  EXPECT_EQ(all_missing.error().field, "budget");
  options = Options();
  options.drop = {"budget"};
  EXPECT_TRUE(WinModel::Train(empty_column, options).has_value()) << "dropping it fixes it";
}

TEST(WinModel, ThreeValuedTargetIsAnErrorNamingTheValuesAndLine) {
  Table table = Slice(Data().table, 0, 600);
  auto& outcome = table.columns[*table.Find("outcome")];
  for (size_t i = 0; i < outcome.size(); i += 3) {
    if (outcome[i] == "lost") outcome[i] = "no decision";
  }
  // The row where a third distinct value first shows.
  size_t third = 0;
  for (std::set<std::string> seen; third < outcome.size(); ++third) {
    seen.insert(outcome[third]);
    if (seen.size() == 3) break;
  }
  ASSERT_LT(third, outcome.size());
  auto labels = BinaryLabels(table, "outcome", "won");
  ASSERT_FALSE(labels.has_value());
  EXPECT_EQ(labels.error().field, "outcome");
  EXPECT_NE(labels.error().message.find("\"no decision\""), std::string::npos)
      << labels.error().message;
  EXPECT_NE(labels.error().message.find("more than two values"), std::string::npos);
  EXPECT_EQ(labels.error().line, table.lines[third]);
  auto trained = WinModel::Train(table, Options());
  ASSERT_FALSE(trained.has_value());
  EXPECT_EQ(trained.error().field, "outcome");
}

TEST(WinModel, ContributionsOfEachModelSumToItsRawLogOdds) {
  auto model = WinModel::Train(Slice(Data().table, 0, 1500), Options());
  ASSERT_TRUE(model.has_value()) << model.error().message;
  const Table rows = Slice(Data().table, 5000, 5050);
  auto x = model->parts().pipeline.Transform(rows);
  ASSERT_TRUE(x.has_value());
  const auto logit = [](double p) { return std::log(p / (1 - p)); };
  const std::vector<double> logistic_raw = model->parts().logistic.Predict(*x);
  const std::vector<double> boosted_raw = *model->parts().boosted->Predict(*x);
  for (ModelKind kind : {ModelKind::kBoosted, ModelKind::kLogistic}) {
    auto contributions = model->Contributions(*x, kind);
    ASSERT_TRUE(contributions.has_value()) << contributions.error().message;
    ASSERT_EQ(contributions->size(), x->rows * (x->cols + 1));
    const std::vector<double>& raw = kind == ModelKind::kBoosted ? boosted_raw : logistic_raw;
    double spread = 0;
    for (size_t i = 0; i < x->rows; ++i) {
      double sum = 0;
      for (size_t j = 0; j <= x->cols; ++j) sum += (*contributions)[i * (x->cols + 1) + j];
      EXPECT_NEAR(sum, logit(raw[i]), 1e-3) << ModelKindName(kind) << " row " << i;
      spread += std::abs(sum - logit(raw[0]));
    }
    EXPECT_GT(spread, 0.1) << "rows differ, so their explanations must";
  }
}

TEST(WinModel, PredictNeedsTheModelsColumns) {
  auto model = WinModel::Train(Slice(Data().table, 0, 500), Options());
  ASSERT_TRUE(model.has_value());
  Table other = Slice(Data().table, 500, 600);
  const size_t region = *other.Find("region");
  other.names.erase(other.names.begin() + static_cast<std::ptrdiff_t>(region));
  other.columns.erase(other.columns.begin() + static_cast<std::ptrdiff_t>(region));
  auto p = model->Predict(other);
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().field, "region");
}

TEST(ModelEvaluation, CrossValidationScoresEveryRowOnceWithBothModels) {
  const Table table = Slice(Data().table, 0, 1500);
  auto report = CrossValidate(table, Options(), 3);
  ASSERT_TRUE(report.has_value()) << report.error().message;
  EXPECT_EQ(report->n, 1500u);
  ASSERT_EQ(report->models.size(), 2u);
  for (const ModelEvaluation& model : report->models) {
    EXPECT_GT(model.metrics.auc, 0.7) << ModelKindName(model.kind);
    size_t binned = 0;
    for (const CalibrationBin& bin : model.bins) binned += bin.count;
    EXPECT_EQ(binned, 1500u);
  }
  EXPECT_FALSE(CrossValidate(table, Options(), 1).has_value());
}

}  // namespace
}  // namespace buyalign::forecast
