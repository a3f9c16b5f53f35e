#pragma once

#include <span>
#include <vector>

#include "core/result.hpp"
#include "forecast/feature_matrix.hpp"

namespace buyalign::forecast {

// L2-regularised logistic regression, the baseline next to the boosted trees.
//
// Each feature is standardised with its training mean and standard deviation; a missing value
// becomes the mean (0 after standardising) and, for a feature that had missing values in
// training, an extra 0/1 "was missing" input lets the model price the absence. The loss is the
// summed log loss plus (l2 / 2) x |w|^2 (the intercept is not penalised; l2 = 1 matches
// scikit-learn's default C = 1), minimised by Newton's method with step halving: the problem is
// small (tens of inputs) and convex, so Newton converges in a handful of iterations.
//
// Immutable after Fit; safe to share.
class LogisticModel {
 public:
  struct Options {
    double l2 = 1.0;
    int max_iterations = 50;
    double tolerance = 1e-8;  // stop when the largest Newton step is below this
  };

  // Fails with kInvalidArgument on an empty matrix or labels of the wrong length.
  static core::Result<LogisticModel> Fit(const FeatureMatrix& x, std::span<const float> labels,
                                         const Options& options);

  // P(positive) per row of `x`, which must have the training's number of columns.
  std::vector<double> Predict(const FeatureMatrix& x) const;
  // Per row of `x`, each feature's term of the log-odds (its weight times its standardised value,
  // plus its "was missing" term) and then the intercept: x.rows x (x.cols + 1), row-major. A
  // row's entries sum to the log-odds Predict turns into a probability.
  std::vector<double> Contributions(const FeatureMatrix& x) const;

  // The fitted state, for the model file.
  struct State {
    std::vector<double> means, scales;
    std::vector<char> missing_indicator;  // per feature: has an extra "was missing" input
    std::vector<double> weights;          // features, then one per missing indicator
    double intercept = 0.0;
    int iterations = 0;
  };
  const State& state() const { return state_; }
  static LogisticModel FromState(State state);

 private:
  // The standardised inputs of one row (features, then the missing indicators).
  void Inputs(const float* row, std::vector<double>& z) const;

  State state_;
};

}  // namespace buyalign::forecast
