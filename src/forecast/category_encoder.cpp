#include "forecast/category_encoder.hpp"

#include <algorithm>

#include "forecast/xoshiro.hpp"

namespace buyalign::forecast {

CategoryEncoder CategoryEncoder::Fit(std::span<const std::string> levels,
                                     std::span<const float> labels, const Options& options,
                                     std::vector<float>& encoded) {
  CategoryEncoder encoder;
  encoder.smoothing_ = options.smoothing;
  encoder.rows_ = static_cast<double>(levels.size());
  double positives = 0.0;
  for (size_t i = 0; i < levels.size(); ++i) {
    LevelStats& stats = encoder.stats_[levels[i]];
    stats.count += 1.0;
    stats.positives += labels[i];
    positives += labels[i];
  }
  encoder.prior_ = levels.empty() ? 0.0 : positives / encoder.rows_;

  if (encoder.stats_.size() <= options.max_one_hot_levels) {
    for (const auto& [level, stats] : encoder.stats_) {
      if (stats.count >= static_cast<double>(options.min_level_count)) {
        encoder.one_hot_levels_.push_back(level);
      }
    }
    // Sorted so the feature order (and the model file) does not depend on hash order.
    std::sort(encoder.one_hot_levels_.begin(), encoder.one_hot_levels_.end());
    encoder.stats_.clear();
    encoded.assign(levels.size() * encoder.Width(), 0.0f);
    for (size_t i = 0; i < levels.size(); ++i) {
      encoder.Encode(levels[i], encoded.data() + i * encoder.Width());
    }
    return encoder;
  }

  encoder.one_hot_ = false;
  // Out-of-fold win rates: per fold, the level's statistics without that fold's rows.
  const int folds = std::max(2, options.folds);
  std::vector<int> fold_of(levels.size());
  Xoshiro256 rng(options.seed);
  for (int& fold : fold_of) fold = static_cast<int>(rng.Below(static_cast<uint64_t>(folds)));
  std::vector<std::unordered_map<std::string_view, LevelStats>> in_fold(folds);
  std::vector<double> fold_rows(folds, 0.0), fold_positives(folds, 0.0);
  for (size_t i = 0; i < levels.size(); ++i) {
    LevelStats& stats = in_fold[fold_of[i]][levels[i]];
    stats.count += 1.0;
    stats.positives += labels[i];
    fold_rows[fold_of[i]] += 1.0;
    fold_positives[fold_of[i]] += labels[i];
  }
  encoded.assign(levels.size() * 2, 0.0f);
  for (size_t i = 0; i < levels.size(); ++i) {
    const int fold = fold_of[i];
    const LevelStats& all = encoder.stats_.at(levels[i]);
    const LevelStats& own = in_fold[fold].at(levels[i]);
    const double rows_out = encoder.rows_ - fold_rows[fold];
    const double prior_out =
        rows_out > 0.0 ? (positives - fold_positives[fold]) / rows_out : encoder.prior_;
    const double count_out = all.count - own.count;
    const double positives_out = all.positives - own.positives;
    encoded[2 * i] = static_cast<float>(all.count / encoder.rows_);
    encoded[2 * i + 1] = static_cast<float>((positives_out + encoder.smoothing_ * prior_out) /
                                            (count_out + encoder.smoothing_));
  }
  return encoder;
}

std::vector<std::string> CategoryEncoder::FeatureNames(std::string_view column) const {
  std::vector<std::string> names;
  if (one_hot_) {
    for (const std::string& level : one_hot_levels_) {
      names.push_back(std::string(column) + "=" + (level.empty() ? "(missing)" : level));
    }
  } else {
    names.push_back(std::string(column) + ":frequency");
    names.push_back(std::string(column) + ":win_rate");
  }
  return names;
}

void CategoryEncoder::Encode(std::string_view level, float* out) const {
  if (one_hot_) {
    for (size_t i = 0; i < one_hot_levels_.size(); ++i) {
      out[i] = one_hot_levels_[i] == level ? 1.0f : 0.0f;
    }
    return;
  }
  const auto it = stats_.find(std::string(level));
  const double count = it == stats_.end() ? 0.0 : it->second.count;
  const double positives = it == stats_.end() ? 0.0 : it->second.positives;
  out[0] = static_cast<float>(rows_ > 0.0 ? count / rows_ : 0.0);
  out[1] = static_cast<float>(Rate(count, positives));
}

CategoryEncoder CategoryEncoder::FromOneHot(std::vector<std::string> levels) {
  CategoryEncoder encoder;
  encoder.one_hot_levels_ = std::move(levels);
  return encoder;
}

CategoryEncoder CategoryEncoder::FromStats(std::unordered_map<std::string, LevelStats> stats,
                                           double rows, double prior, double smoothing) {
  CategoryEncoder encoder;
  encoder.one_hot_ = false;
  encoder.stats_ = std::move(stats);
  encoder.rows_ = rows;
  encoder.prior_ = prior;
  encoder.smoothing_ = smoothing;
  return encoder;
}

}  // namespace buyalign::forecast
