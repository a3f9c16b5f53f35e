#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "forecast/boosted_model.hpp"
#include "forecast/calibrator.hpp"
#include "forecast/feature_pipeline.hpp"
#include "forecast/logistic_model.hpp"
#include "forecast/metrics.hpp"
#include "forecast/table.hpp"

namespace buyalign::forecast {

enum class ModelKind { kBoosted, kLogistic };
std::string_view ModelKindName(ModelKind kind);  // "gradient_boosting", "logistic"
bool ParseModelKind(std::string_view name, ModelKind& kind);

struct TrainOptions {
  std::string target;
  std::string positive;
  std::string id;
  std::vector<std::string> drop;
  uint64_t seed = 1;
  // The share of rows held out (stratified) for early stopping, calibration and model choice.
  double holdout_share = 0.2;
  BoostedModel::Options boosting;
  LogisticModel::Options logistic;
  CategoryEncoder::Options categories;
};

// What training saw and decided, for the command's report and the model file.
struct CandidateSummary {
  ModelKind kind = ModelKind::kBoosted;
  // Log loss on the holdout of the calibrated probabilities, the calibrator cross-fitted on the
  // holdout's two halves so no row is scored by a calibrator that saw it: the choice criterion.
  double selection_log_loss = 0.0;
  Metrics holdout;  // metrics of the calibrated probabilities (in-sample for the calibrator)
  CalibrationMethod calibration = CalibrationMethod::kIdentity;
  int rounds = 0;  // boosting rounds kept (0 for the logistic model)
};
struct TrainSummary {
  size_t rows = 0, train_rows = 0, holdout_rows = 0, features = 0;
  std::vector<CandidateSummary> candidates;
  ModelKind chosen = ModelKind::kBoosted;
  double seconds = 0.0;
};

// A trained win model: the feature pipeline, two calibrated candidates (boosted trees and
// logistic regression) and which of them answers by default. Both candidates are kept so
// `evaluate` can report both and a caller can ask for either.
//
// Training: rows are split (stratified, seeded) into a training part and a holdout. The pipeline
// and both models learn on the training part; the boosted model early-stops on the holdout; each
// model gets a calibrator fitted on its holdout predictions; the candidate with the lower
// cross-fitted calibrated holdout log loss is chosen. Same input and seed, same model.
//
// Movable, not copyable. Not safe for concurrent Predict calls (see BoostedModel).
class WinModel {
 public:
  struct Parts {
    std::string target, positive, id;
    FeaturePipeline pipeline;
    std::optional<BoostedModel> boosted;
    LogisticModel logistic;
    Calibrator boosted_calibration, logistic_calibration;
    ModelKind chosen = ModelKind::kBoosted;
    TrainSummary summary;
  };

  // Trains on every row of `table`; labels from options.target / options.positive.
  static core::Result<WinModel> Train(const Table& table, const TrainOptions& options);
  // Trains on `rows` of `table` with precomputed `labels` (one per table row).
  static core::Result<WinModel> Train(const Table& table, std::span<const float> labels,
                                      std::span<const size_t> rows, const TrainOptions& options);

  // Calibrated win probabilities per row of `table`, from the chosen model or the named one.
  core::Result<std::vector<double>> Predict(const Table& table) const;
  core::Result<std::vector<double>> Predict(const Table& table, ModelKind kind) const;
  core::Result<std::vector<double>> Predict(const Table& table, std::span<const size_t> rows,
                                            ModelKind kind) const;
  core::Result<std::vector<double>> Predict(const FeatureMatrix& features, ModelKind kind) const;
  // Why: per row, each feature's contribution to the named model's log-odds before calibration
  // (SHAP values for the trees, weight x standardised value for the logistic model), then the
  // bias; features.rows x (features.cols + 1), row-major.
  core::Result<std::vector<double>> Contributions(const FeatureMatrix& features,
                                                  ModelKind kind) const;

  const Parts& parts() const { return parts_; }
  static WinModel FromParts(Parts parts) { return WinModel(std::move(parts)); }

 private:
  explicit WinModel(Parts parts) : parts_(std::move(parts)) {}

  Parts parts_;
};

}  // namespace buyalign::forecast
