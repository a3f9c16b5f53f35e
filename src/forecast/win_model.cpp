#include "forecast/win_model.hpp"

#include <chrono>

#include "forecast/binary_target.hpp"
#include "forecast/stratified_split.hpp"

namespace buyalign::forecast {
namespace {

using core::Error;
using core::Fail;

std::vector<float> Gather(std::span<const float> labels, std::span<const size_t> rows) {
  std::vector<float> out(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) out[i] = labels[rows[i]];
  return out;
}

// Log loss of calibrated probabilities with the calibrator cross-fitted on two halves of the
// holdout: each half is scored by a calibrator fitted on the other half only.
double CrossFittedLogLoss(std::span<const double> raw, std::span<const float> labels,
                          uint64_t seed) {
  std::vector<size_t> positions(raw.size());
  for (size_t i = 0; i < positions.size(); ++i) positions[i] = i;
  const std::vector<int> half = StratifiedFolds(labels, positions, 2, seed);
  std::vector<double> calibrated(raw.size());
  for (int h = 0; h < 2; ++h) {
    std::vector<double> fit_p;
    std::vector<float> fit_y;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (half[i] != h) {
        fit_p.push_back(raw[i]);
        fit_y.push_back(labels[i]);
      }
    }
    const Calibrator calibrator = Calibrator::Fit(fit_p, fit_y);
    for (size_t i = 0; i < raw.size(); ++i) {
      if (half[i] == h) calibrated[i] = calibrator.Apply(raw[i]);
    }
  }
  return LogLoss(calibrated, labels);
}

CandidateSummary Summarise(ModelKind kind, std::span<const double> raw,
                           std::span<const float> labels, const Calibrator& calibrator,
                           uint64_t seed) {
  CandidateSummary summary;
  summary.kind = kind;
  summary.selection_log_loss = CrossFittedLogLoss(raw, labels, seed);
  summary.holdout = Evaluate(calibrator.Apply(raw), labels);
  summary.calibration = calibrator.method();
  return summary;
}

}  // namespace

std::string_view ModelKindName(ModelKind kind) {
  return kind == ModelKind::kBoosted ? "gradient_boosting" : "logistic";
}

bool ParseModelKind(std::string_view name, ModelKind& kind) {
  if (name == "gradient_boosting") {
    kind = ModelKind::kBoosted;
  } else if (name == "logistic") {
    kind = ModelKind::kLogistic;
  } else {
    return false;
  }
  return true;
}

core::Result<WinModel> WinModel::Train(const Table& table, const TrainOptions& options) {
  auto labels = BinaryLabels(table, options.target, options.positive);
  if (!labels) return Fail(labels.error());
  return Train(table, *labels, AllRows(table), options);
}

core::Result<WinModel> WinModel::Train(const Table& table, std::span<const float> labels,
                                       std::span<const size_t> rows, const TrainOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  size_t positives = 0;
  for (size_t row : rows) positives += labels[row] > 0.5f ? 1 : 0;
  if (positives < 2 || rows.size() - positives < 2) {
    return Fail(Error::Invalid("training needs at least two rows of each class of \"" +
                                   options.target + "\" (it has " + std::to_string(positives) +
                                   " positive and " + std::to_string(rows.size() - positives) +
                                   " other)",
                               options.target));
  }
  const HoldoutSplit split = StratifiedHoldout(labels, rows, options.holdout_share, options.seed);
  const std::vector<float> train_y = Gather(labels, split.train);
  const std::vector<float> holdout_y = Gather(labels, split.holdout);

  PipelineOptions pipeline_options{options.target, options.id, options.drop, options.categories};
  pipeline_options.categories.seed = options.seed;
  FeatureMatrix train_x;
  auto pipeline = FeaturePipeline::Fit(table, split.train, labels, pipeline_options, train_x);
  if (!pipeline) return Fail(pipeline.error());
  auto holdout_x = pipeline->Transform(table, split.holdout);
  if (!holdout_x) return Fail(holdout_x.error());

  BoostedModel::Options boosting = options.boosting;
  boosting.seed = options.seed;
  auto boosted = BoostedModel::Fit(train_x, train_y, *holdout_x, holdout_y, boosting);
  if (!boosted) return Fail(boosted.error());
  auto logistic = LogisticModel::Fit(train_x, train_y, options.logistic);
  if (!logistic) return Fail(logistic.error());

  auto boosted_raw = boosted->Predict(*holdout_x);
  if (!boosted_raw) return Fail(boosted_raw.error());
  const std::vector<double> logistic_raw = logistic->Predict(*holdout_x);

  Parts parts;
  parts.target = options.target;
  parts.positive = options.positive;
  parts.id = options.id;
  parts.pipeline = std::move(*pipeline);
  parts.logistic = std::move(*logistic);
  parts.boosted_calibration = Calibrator::Fit(*boosted_raw, holdout_y);
  parts.logistic_calibration = Calibrator::Fit(logistic_raw, holdout_y);
  TrainSummary& summary = parts.summary;
  summary.rows = rows.size();
  summary.train_rows = split.train.size();
  summary.holdout_rows = split.holdout.size();
  summary.features = train_x.cols;
  summary.candidates.push_back(Summarise(ModelKind::kBoosted, *boosted_raw, holdout_y,
                                         parts.boosted_calibration, options.seed));
  summary.candidates.back().rounds = boosted->rounds();
  summary.candidates.push_back(Summarise(ModelKind::kLogistic, logistic_raw, holdout_y,
                                         parts.logistic_calibration, options.seed));
  parts.boosted = std::move(*boosted);
  parts.chosen =
      summary.candidates[0].selection_log_loss <= summary.candidates[1].selection_log_loss
          ? ModelKind::kBoosted
          : ModelKind::kLogistic;
  summary.chosen = parts.chosen;
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return WinModel(std::move(parts));
}

core::Result<std::vector<double>> WinModel::Predict(const Table& table) const {
  return Predict(table, parts_.chosen);
}

core::Result<std::vector<double>> WinModel::Predict(const Table& table, ModelKind kind) const {
  return Predict(table, AllRows(table), kind);
}

core::Result<std::vector<double>> WinModel::Predict(const Table& table,
                                                    std::span<const size_t> rows,
                                                    ModelKind kind) const {
  auto features = parts_.pipeline.Transform(table, rows);
  if (!features) return Fail(features.error());
  return Predict(*features, kind);
}

core::Result<std::vector<double>> WinModel::Predict(const FeatureMatrix& features,
                                                    ModelKind kind) const {
  if (features.cols != parts_.pipeline.feature_names().size()) {
    return Fail(Error::Invalid("the feature matrix does not match the model's pipeline"));
  }
  if (kind == ModelKind::kLogistic) {
    return parts_.logistic_calibration.Apply(parts_.logistic.Predict(features));
  }
  if (!parts_.boosted) return Fail(Error::Internal("the model has no boosted trees"));
  auto raw = parts_.boosted->Predict(features);
  if (!raw) return Fail(raw.error());
  return parts_.boosted_calibration.Apply(*raw);
}

core::Result<std::vector<double>> WinModel::Contributions(const FeatureMatrix& features,
                                                          ModelKind kind) const {
  if (features.cols != parts_.pipeline.feature_names().size()) {
    return Fail(Error::Invalid("the feature matrix does not match the model's pipeline"));
  }
  if (kind == ModelKind::kLogistic) return parts_.logistic.Contributions(features);
  if (!parts_.boosted) return Fail(Error::Internal("the model has no boosted trees"));
  return parts_.boosted->Contributions(features);
}

}  // namespace buyalign::forecast
