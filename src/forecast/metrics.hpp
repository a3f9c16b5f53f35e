#pragma once

#include <span>
#include <vector>

namespace buyalign::forecast {

// Quality measures of predicted probabilities `p` against 0/1 `labels` (same length). Pure
// functions.

// Area under the ROC curve: the probability that a random positive scores above a random
// negative, ties counting one half (Mann-Whitney with average ranks). 0.5 when a class is absent.
double Auc(std::span<const double> p, std::span<const float> labels);
// Mean squared error of the probabilities.
double Brier(std::span<const double> p, std::span<const float> labels);
// Mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15] as scikit-learn does.
double LogLoss(std::span<const double> p, std::span<const float> labels);

// One bin of a reliability diagram.
struct CalibrationBin {
  double lower = 0.0, upper = 0.0;  // the bin's probability range [lower, upper)
  size_t count = 0;
  double mean_predicted = 0.0;  // 0 for an empty bin
  double observed_rate = 0.0;   // share of positives; 0 for an empty bin
};
// `bins` equal-width bins over [0, 1]; a probability of exactly 1 falls in the last bin.
std::vector<CalibrationBin> CalibrationBins(std::span<const double> p,
                                            std::span<const float> labels, int bins = 10);
// Expected calibration error: sum over the bins of (count / n) x |mean predicted - observed|.
double Ece(std::span<const double> p, std::span<const float> labels, int bins = 10);

struct Metrics {
  double auc = 0.5, brier = 0.0, log_loss = 0.0, ece = 0.0;
  size_t n = 0;
};
Metrics Evaluate(std::span<const double> p, std::span<const float> labels);

}  // namespace buyalign::forecast
