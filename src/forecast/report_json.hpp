#pragma once

#include <string>

#include "forecast/model_evaluation.hpp"
#include "forecast/win_model.hpp"

namespace buyalign::forecast {

// The JSON the `model` commands print. Evaluation: {"method", "n", "folds", "seed",
// "positive_rate", "best", the best model's "auc", "brier", "log_loss", "ece" at the top level,
// and "models": {"gradient_boosting": {...metrics, "calibration": [[lower, upper, count,
// mean_predicted, observed_rate], ...]}, "logistic": {...}}}. Training: the summary, the ignored
// columns and both candidates.
std::string EvaluationJson(const EvaluationReport& report);
std::string TrainSummaryJson(const WinModel& model);

}  // namespace buyalign::forecast
