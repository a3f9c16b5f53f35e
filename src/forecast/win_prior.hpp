#pragma once

#include <utility>
#include <vector>

#include "forecast/deal_features.hpp"

namespace buyalign::forecast {

// The win probability Buyalign starts from before it has closed deals to learn from: a fixed
// logistic curve over how far the DMU is towards the purchase and how aligned it is
// (docs/forecasting.md, "Priors", gives the reasoning for each number).
//
//   log-odds = kBase + kReadiness x (progress - 0.5) + kAlignment x (alignment - 0.6)
//
// progress is the DMU's stage over the purchase stage, clamped to 0..1 (a DMU at or past the
// purchase counts 1); a deal without DMU members counts progress 0 and alignment 0.6.
struct WinPrior {
  static constexpr double kBase = -0.7;      // a deal half-way, typically aligned: 33%
  static constexpr double kReadiness = 3.4;  // start of the cycle 8%, at the purchase 73%
  static constexpr double kAlignment = 2.0;  // fully aligned x2.2 odds, split DMU /2.2

  struct Score {
    double probability = 0;
    // Each feature's push on the log-odds against the reference deal (half-way, alignment 0.6).
    std::vector<std::pair<Feature, double>> terms;
  };

  static Score Of(const DealFeatures& features, int purchase_stage);
};

}  // namespace buyalign::forecast
