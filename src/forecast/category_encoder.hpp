#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace buyalign::forecast {

// Turns one categorical column into numbers, in one of two ways decided at fit time:
//
// - Few levels (at most `max_one_hot_levels` distinct values): one 0/1 feature per level seen at
//   least `min_level_count` times; rarer and unseen levels encode as all zeros.
// - Many levels: two features. The level's frequency (share of training rows) and its smoothed
//   win rate, (positives + m x prior) / (count + m). On the training rows the win rate is computed
//   out of fold: a row's encoding uses only the other folds' labels, so a level that appears once
//   (an identifier) gets the prior, not its own label, and the model cannot memorise the target
//   through it. Rows seen later (prediction, validation) use the rates over all training rows.
//
// A missing cell is its own level (the empty string). Immutable after Fit; safe to share.
class CategoryEncoder {
 public:
  struct Options {
    size_t max_one_hot_levels = 16;
    size_t min_level_count = 5;
    double smoothing = 10.0;  // m, in pseudo-rows of the prior
    int folds = 5;            // for the out-of-fold win rates
    uint64_t seed = 1;
  };
  struct LevelStats {
    double count = 0.0;
    double positives = 0.0;
  };

  // Fits on `levels` (one normalised level per training row) and `labels` (0/1, same length).
  // `encoded` receives the training rows' features, levels.size() x Width(), row-major.
  static CategoryEncoder Fit(std::span<const std::string> levels, std::span<const float> labels,
                             const Options& options, std::vector<float>& encoded);

  bool one_hot() const { return one_hot_; }
  size_t Width() const { return one_hot_ ? one_hot_levels_.size() : 2; }
  std::vector<std::string> FeatureNames(std::string_view column) const;
  // Writes Width() features of a row outside the training rows.
  void Encode(std::string_view level, float* out) const;

  // Serialisation access: the fitted state, and a constructor from it.
  const std::vector<std::string>& one_hot_levels() const { return one_hot_levels_; }
  const std::unordered_map<std::string, LevelStats>& stats() const { return stats_; }
  double rows() const { return rows_; }
  double prior() const { return prior_; }
  double smoothing() const { return smoothing_; }
  static CategoryEncoder FromOneHot(std::vector<std::string> levels);
  static CategoryEncoder FromStats(std::unordered_map<std::string, LevelStats> stats, double rows,
                                   double prior, double smoothing);

 private:
  double Rate(double count, double positives) const {
    return (positives + smoothing_ * prior_) / (count + smoothing_);
  }

  bool one_hot_ = true;
  std::vector<std::string> one_hot_levels_;
  std::unordered_map<std::string, LevelStats> stats_;
  double rows_ = 0.0;
  double prior_ = 0.0;
  double smoothing_ = 10.0;
};

}  // namespace buyalign::forecast
