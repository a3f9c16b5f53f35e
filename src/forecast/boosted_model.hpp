#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "forecast/feature_matrix.hpp"

namespace buyalign::forecast {

// Gradient-boosted trees through XGBoost's C API (binary:logistic, tree_method hist), trained
// with early stopping on a validation matrix: boosting stops when the validation log loss has
// not improved for `early_stopping_rounds`, and the model is cut back to its best round.
//
// Owns its XGBoost booster. Movable, not copyable. Predict is const but XGBoost's booster caches
// prediction state internally, so a BoostedModel is NOT safe for concurrent use; give each thread
// its own copy (Load from the saved JSON).
class BoostedModel {
 public:
  static constexpr size_t kParallelRows = 50'000;

  struct Options {
    int max_rounds = 1000;
    int early_stopping_rounds = 50;
    double learning_rate = 0.1;
    int max_depth = 4;
    double min_child_weight = 5.0;
    double subsample = 0.8;
    double colsample_bytree = 0.8;
    double l2 = 1.0;  // XGBoost's lambda
    int max_bin = 256;
    // 0: one thread under kParallelRows training rows, else XGBoost's default (all cores). On
    // small data OpenMP's synchronisation costs more than the split search, and on a busy machine
    // its spinning threads can make training ten times slower.
    int threads = 0;
    uint64_t seed = 1;
  };

  BoostedModel(BoostedModel&&) noexcept;
  BoostedModel& operator=(BoostedModel&&) noexcept;
  ~BoostedModel();

  // Fails with kInvalidArgument on empty input and kInternal when XGBoost reports an error
  // (its message included).
  static core::Result<BoostedModel> Fit(const FeatureMatrix& train, std::span<const float> labels,
                                        const FeatureMatrix& valid,
                                        std::span<const float> valid_labels,
                                        const Options& options);

  core::Result<std::vector<double>> Predict(const FeatureMatrix& x) const;
  // Per row of `x`, each feature's SHAP contribution to the log-odds (XGBoost's pred_contribs)
  // and then the bias: x.rows x (x.cols + 1), row-major; a row sums to the raw log-odds.
  core::Result<std::vector<double>> Contributions(const FeatureMatrix& x) const;

  // The booster in XGBoost's own JSON model format, and back.
  core::Result<std::string> SaveJson() const;
  static core::Result<BoostedModel> LoadJson(std::string_view json);

  int rounds() const { return rounds_; }
  double best_valid_log_loss() const { return best_valid_log_loss_; }
  // Total gain per feature index (0 for features never split on), for reports and tests.
  core::Result<std::vector<double>> FeatureGain(size_t features) const;

 private:
  struct Handle;
  explicit BoostedModel(std::unique_ptr<Handle> handle);

  std::unique_ptr<Handle> handle_;
  int rounds_ = 0;
  double best_valid_log_loss_ = 0.0;
};

}  // namespace buyalign::forecast
