#include "forecast/calibrator.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "forecast/metrics.hpp"
#include "forecast/xoshiro.hpp"

namespace buyalign::forecast {
namespace {

// An overconfident model: true probability q, reported as sigmoid(3 logit(q)).
struct Sample {
  std::vector<double> reported;
  std::vector<float> labels;
};
Sample Overconfident(size_t n, uint64_t seed) {
  Xoshiro256 rng(seed);
  Sample s;
  for (size_t i = 0; i < n; ++i) {
    const double q = 0.1 + 0.8 * rng.Unit();
    const double logit = std::log(q / (1 - q));
    s.reported.push_back(1.0 / (1.0 + std::exp(-3.0 * logit)));
    s.labels.push_back(rng.Unit() < q ? 1.0f : 0.0f);
  }
  return s;
}

TEST(Calibrator, PlattAndIsotonicLowerTheEceOfAnOverconfidentModel) {
  const Sample fit = Overconfident(5000, 1), check = Overconfident(5000, 2);
  const double before = Ece(check.reported, check.labels);
  const Calibrator platt = Calibrator::FitPlatt(fit.reported, fit.labels);
  const Calibrator isotonic = Calibrator::FitIsotonic(fit.reported, fit.labels);
  const double after_platt = Ece(platt.Apply(check.reported), check.labels);
  const double after_isotonic = Ece(isotonic.Apply(check.reported), check.labels);
  EXPECT_GT(before, 0.08);
  EXPECT_LT(after_platt, 0.03);
  EXPECT_LT(after_isotonic, 0.03);
  // Platt recovers the distortion: a is about 1/3.
  EXPECT_NEAR(platt.platt_a(), 1.0 / 3.0, 0.05);
  EXPECT_LT(LogLoss(platt.Apply(check.reported), check.labels),
            LogLoss(check.reported, check.labels));
}

TEST(Calibrator, IsotonicIsMonotoneAndBounded) {
  const Sample fit = Overconfident(2000, 3);
  const Calibrator isotonic = Calibrator::FitIsotonic(fit.reported, fit.labels);
  double previous = 0.0;
  for (double p = 0.0; p <= 1.0; p += 0.01) {
    const double q = isotonic.Apply(p);
    EXPECT_GE(q, previous);
    EXPECT_GE(q, 0.001);
    EXPECT_LE(q, 0.999);
    previous = q;
  }
}

TEST(Calibrator, FitPicksByRowsAndFallsBackToIdentityOnOneClass) {
  const Sample small = Overconfident(200, 4), large = Overconfident(1500, 5);
  EXPECT_EQ(Calibrator::Fit(small.reported, small.labels).method(), CalibrationMethod::kPlatt);
  EXPECT_EQ(Calibrator::Fit(large.reported, large.labels).method(), CalibrationMethod::kIsotonic);
  const std::vector<double> p{0.2, 0.7};
  const std::vector<float> y{1, 1};
  const Calibrator identity = Calibrator::Fit(p, y);
  EXPECT_EQ(identity.method(), CalibrationMethod::kIdentity);
  EXPECT_EQ(identity.Apply(0.7), 0.7);
}

}  // namespace
}  // namespace buyalign::forecast
