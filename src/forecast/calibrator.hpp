#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace buyalign::forecast {

enum class CalibrationMethod { kIdentity, kPlatt, kIsotonic };
std::string_view CalibrationMethodName(CalibrationMethod method);

// Maps a model's raw probability to a calibrated one, learned on predictions for rows the model
// did not train on.
//
// - Platt: sigmoid(a x logit(p) + b), two parameters, fitted by Newton's method on Platt's
//   smoothed targets ((N+ + 1) / (N+ + 2) and 1 / (N- + 2)) so it never predicts exactly 0 or 1.
//   Robust on few rows; can only fix a monotone S-shaped distortion.
// - Isotonic: the best non-decreasing step function (pool adjacent violators), interpolated
//   linearly between blocks and clipped to [0.001, 0.999] so one confident mistake cannot make
//   the log loss infinite. Fixes any monotone distortion but needs rows: Fit picks it from
//   kIsotonicMinRows up.
//
// Immutable after fitting; safe to share.
class Calibrator {
 public:
  static constexpr size_t kIsotonicMinRows = 1000;

  // Isotonic with at least kIsotonicMinRows rows, else Platt; identity with no rows or one class.
  static Calibrator Fit(std::span<const double> p, std::span<const float> labels);
  static Calibrator FitPlatt(std::span<const double> p, std::span<const float> labels);
  static Calibrator FitIsotonic(std::span<const double> p, std::span<const float> labels);

  double Apply(double p) const;
  std::vector<double> Apply(std::span<const double> p) const;

  CalibrationMethod method() const { return method_; }
  double platt_a() const { return a_; }
  double platt_b() const { return b_; }
  const std::vector<double>& isotonic_x() const { return x_; }
  const std::vector<double>& isotonic_y() const { return y_; }
  static Calibrator FromPlatt(double a, double b);
  static Calibrator FromIsotonic(std::vector<double> x, std::vector<double> y);

 private:
  CalibrationMethod method_ = CalibrationMethod::kIdentity;
  double a_ = 1.0, b_ = 0.0;
  std::vector<double> x_, y_;  // isotonic knots, x strictly increasing
};

}  // namespace buyalign::forecast
