#include "methodology/signal_likelihood.hpp"

#include <algorithm>
#include <cmath>

namespace buyalign::methodology {
namespace {

double Bell(double distance, double spread) {
  return std::exp(-0.5 * (distance * distance) / (spread * spread));
}

// Floor plus shape, with the maximum scaled to 1.
std::vector<double> WithFloor(std::vector<double> shape, double floor) {
  const double peak = *std::max_element(shape.begin(), shape.end());
  for (double& v : shape) v = floor + (1 - floor) * (peak > 0 ? v / peak : 0);
  return shape;
}

}  // namespace

double CircularOffset(double from, double to, int n) {
  double d = std::fmod(to - from, static_cast<double>(n));
  if (d < -n / 2.0) d += n;
  if (d >= n / 2.0) d -= n;
  return d;
}

std::vector<double> StageLikelihood(int n, int main, const std::vector<int>& also, double spread,
                                    double floor, double also_weight) {
  std::vector<double> shape(static_cast<size_t>(n));
  for (int s = 0; s < n; ++s) {
    double v = Bell(CircularOffset(main, s, n), spread);
    // A max, not a sum: an "also" stage next to the main one must not outgrow the main peak.
    for (int a : also) v = std::max(v, also_weight * Bell(CircularOffset(a, s, n), spread));
    shape[static_cast<size_t>(s)] = v;
  }
  return WithFloor(std::move(shape), floor);
}

std::vector<double> AssessmentLikelihood(int n, int assessed, const AssessmentShape& shape) {
  const double centre = assessed - shape.optimism_stages;
  std::vector<double> out(static_cast<size_t>(n));
  for (int s = 0; s < n; ++s) {
    const double d = CircularOffset(centre, s, n);
    out[static_cast<size_t>(s)] = Bell(d, d < 0 ? shape.spread_behind : shape.spread_ahead);
  }
  return WithFloor(std::move(out), shape.floor);
}

}  // namespace buyalign::methodology
