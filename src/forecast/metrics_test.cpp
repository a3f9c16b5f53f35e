#include "forecast/metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace buyalign::forecast {
namespace {

TEST(Metrics, AucOfAKnownRanking) {
  // Positives at 0.8 and 0.4; negatives at 0.6, 0.2, 0.1. Of the 6 pairs the positive wins 5
  // (0.4 loses to 0.6): AUC = 5/6.
  const std::vector<double> p{0.8, 0.6, 0.4, 0.2, 0.1};
  const std::vector<float> y{1, 0, 1, 0, 0};
  EXPECT_NEAR(Auc(p, y), 5.0 / 6.0, 1e-12);
}

TEST(Metrics, AucCountsTiesAsHalf) {
  const std::vector<double> p{0.5, 0.5, 0.5, 0.9};
  const std::vector<float> y{1, 0, 0, 1};
  // Pairs: (0.5+, 0.5-) x2 ties = 1; (0.9+, 0.5-) x2 = 2. AUC = 3/4.
  EXPECT_NEAR(Auc(p, y), 0.75, 1e-12);
  EXPECT_EQ(Auc(p, std::vector<float>{1, 1, 1, 1}), 0.5);
}

TEST(Metrics, BrierAndLogLossByHand) {
  const std::vector<double> p{0.9, 0.2, 0.6};
  const std::vector<float> y{1, 0, 0};
  EXPECT_NEAR(Brier(p, y), (0.01 + 0.04 + 0.36) / 3.0, 1e-12);
  EXPECT_NEAR(LogLoss(p, y), -(std::log(0.9) + std::log(0.8) + std::log(0.4)) / 3.0, 1e-12);
  // A certain and wrong prediction is clipped, not infinite.
  EXPECT_TRUE(std::isfinite(LogLoss(std::vector<double>{0.0}, std::vector<float>{1})));
}

TEST(Metrics, EceOfTwoBins) {
  // Bin [0.1, 0.2): two predictions of 0.15, one positive: |0.15 - 0.5| = 0.35.
  // Bin [0.9, 1.0]: two of 0.95 (one exactly 1.0 lands in the last bin), both positive.
  const std::vector<double> p{0.15, 0.15, 0.9, 1.0};
  const std::vector<float> y{1, 0, 1, 1};
  // (2 x 0.35 + 2 x |0.95 - 1|) / 4 = 0.2
  EXPECT_NEAR(Ece(p, y), 0.2, 1e-12);
  const auto bins = CalibrationBins(p, y);
  ASSERT_EQ(bins.size(), 10u);
  EXPECT_EQ(bins[1].count, 2u);
  EXPECT_EQ(bins[9].count, 2u);
  EXPECT_NEAR(bins[9].mean_predicted, 0.95, 1e-12);
}

}  // namespace
}  // namespace buyalign::forecast
