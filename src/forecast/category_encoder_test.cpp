#include "forecast/category_encoder.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "forecast/metrics.hpp"
#include "forecast/xoshiro.hpp"

namespace buyalign::forecast {
namespace {

// A pure-noise column with 1000 levels of about two rows each, and labels independent of it.
struct NoiseColumn {
  std::vector<std::string> levels;
  std::vector<float> labels;
};
NoiseColumn MakeNoise(size_t rows, uint64_t seed) {
  Xoshiro256 rng(seed);
  NoiseColumn noise;
  for (size_t i = 0; i < rows; ++i) {
    noise.levels.push_back("account-" + std::to_string(rng.Below(rows / 2)));
    noise.labels.push_back(rng.Unit() < 0.5 ? 1.0f : 0.0f);
  }
  return noise;
}

TEST(CategoryEncoder, OutOfFoldWinRateDoesNotLeakTheTarget) {
  const NoiseColumn noise = MakeNoise(2000, 42);
  std::vector<float> encoded;
  const CategoryEncoder encoder = CategoryEncoder::Fit(noise.levels, noise.labels, {}, encoded);
  ASSERT_FALSE(encoder.one_hot());
  std::vector<double> out_of_fold, in_sample;
  for (size_t i = 0; i < noise.levels.size(); ++i) {
    out_of_fold.push_back(encoded[2 * i + 1]);
    float features[2];
    encoder.Encode(noise.levels[i], features);  // every label, its own included
    in_sample.push_back(features[1]);
  }
  // The naive encoding "predicts" noise on its own training rows; the out-of-fold one cannot.
  EXPECT_GT(Auc(in_sample, noise.labels), 0.7);
  EXPECT_NEAR(Auc(out_of_fold, noise.labels), 0.5, 0.05);
}

TEST(CategoryEncoder, FewLevelsAreOneHotAndRareLevelsEncodeAsZeros) {
  std::vector<std::string> levels;
  std::vector<float> labels;
  for (int i = 0; i < 30; ++i) {
    levels.push_back(i % 2 ? "East" : "West");
    labels.push_back(static_cast<float>(i % 2));
  }
  levels.push_back("North");  // seen once: below min_level_count
  labels.push_back(1.0f);
  std::vector<float> encoded;
  const CategoryEncoder encoder = CategoryEncoder::Fit(levels, labels, {}, encoded);
  ASSERT_TRUE(encoder.one_hot());
  EXPECT_EQ(encoder.FeatureNames("office"),
            (std::vector<std::string>{"office=East", "office=West"}));
  float row[2];
  encoder.Encode("North", row);
  EXPECT_EQ(row[0], 0.0f);
  EXPECT_EQ(row[1], 0.0f);
  encoder.Encode("West", row);
  EXPECT_EQ(row[1], 1.0f);
}

TEST(CategoryEncoder, UnseenLevelGetsThePriorAndNoFrequency) {
  const NoiseColumn noise = MakeNoise(400, 7);
  std::vector<float> encoded;
  const CategoryEncoder encoder = CategoryEncoder::Fit(noise.levels, noise.labels, {}, encoded);
  float row[2];
  encoder.Encode("never-seen", row);
  EXPECT_EQ(row[0], 0.0f);
  EXPECT_FLOAT_EQ(row[1], static_cast<float>(encoder.prior()));
}

}  // namespace
}  // namespace buyalign::forecast
