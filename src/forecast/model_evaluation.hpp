#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "forecast/metrics.hpp"
#include "forecast/table.hpp"
#include "forecast/win_model.hpp"

namespace buyalign::forecast {

struct ModelEvaluation {
  ModelKind kind = ModelKind::kBoosted;
  Metrics metrics;
  std::vector<CalibrationBin> bins;  // 10 bins, the reliability diagram's data
};

struct EvaluationReport {
  std::string method;  // "cross_validation" or "holdout_file"
  size_t n = 0;        // rows scored
  int folds = 0;       // 0 for a test file
  uint64_t seed = 0;
  double positive_rate = 0.0;
  std::vector<ModelEvaluation> models;   // gradient boosting, then logistic
  ModelKind best = ModelKind::kBoosted;  // by log loss
  double train_seconds = 0.0;            // mean wall time of one WinModel::Train
};

// k-fold cross-validation (stratified, seeded): for each fold the whole training procedure
// (pipeline, both models, calibration) runs on the other folds and scores the fold, so every
// row's probability comes from a model that never saw it. Metrics are over the pooled scores.
// Fails as WinModel::Train, or with kInvalidArgument for folds < 2 or more folds than rows of
// the rarer class.
core::Result<EvaluationReport> CrossValidate(const Table& table, const TrainOptions& options,
                                             int folds);

// Trains on `train` and scores `test` (which must have the target column): the out-of-time
// evaluation used for the Maven comparison.
core::Result<EvaluationReport> EvaluateOnTest(const Table& train, const Table& test,
                                              const TrainOptions& options);

}  // namespace buyalign::forecast
