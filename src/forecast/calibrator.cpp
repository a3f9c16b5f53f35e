#include "forecast/calibrator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace buyalign::forecast {
namespace {

constexpr double kIsotonicFloor = 0.001;

double Logit(double p) {
  p = std::clamp(p, 1e-7, 1.0 - 1e-7);
  return std::log(p / (1.0 - p));
}

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

bool BothClasses(std::span<const float> labels) {
  const auto positives =
      std::count_if(labels.begin(), labels.end(), [](float y) { return y > 0.5f; });
  return positives > 0 && static_cast<size_t>(positives) < labels.size();
}

}  // namespace

std::string_view CalibrationMethodName(CalibrationMethod method) {
  switch (method) {
    case CalibrationMethod::kIdentity:
      return "identity";
    case CalibrationMethod::kPlatt:
      return "platt";
    case CalibrationMethod::kIsotonic:
      return "isotonic";
  }
  return "identity";
}

Calibrator Calibrator::Fit(std::span<const double> p, std::span<const float> labels) {
  if (!BothClasses(labels)) return Calibrator{};
  return p.size() >= kIsotonicMinRows ? FitIsotonic(p, labels) : FitPlatt(p, labels);
}

Calibrator Calibrator::FitPlatt(std::span<const double> p, std::span<const float> labels) {
  if (!BothClasses(labels)) return Calibrator{};
  double n_pos = 0.0;
  for (float y : labels) n_pos += y;
  const double n_neg = static_cast<double>(labels.size()) - n_pos;
  const double t_pos = (n_pos + 1.0) / (n_pos + 2.0), t_neg = 1.0 / (n_neg + 2.0);
  std::vector<double> z(p.size());
  for (size_t i = 0; i < p.size(); ++i) z[i] = Logit(p[i]);
  // Newton from the constant model (a = 0): started at a = 1 on a very overconfident model, the
  // Hessian of the confident mistakes is tiny and a full step flies off; step halving on the
  // objective guards the rest of the way.
  const double base = n_pos / static_cast<double>(labels.size());
  double a = 0.0, b = std::log(base / (1.0 - base));
  const auto objective = [&](double a_try, double b_try) {
    double loss = 0.5e-6 * a_try * a_try;
    for (size_t i = 0; i < z.size(); ++i) {
      const double eta = a_try * z[i] + b_try;
      const double t = labels[i] > 0.5f ? t_pos : t_neg;
      loss += std::max(eta, 0.0) + std::log1p(std::exp(-std::abs(eta))) - t * eta;
    }
    return loss;
  };
  double current = objective(a, b);
  for (int iteration = 0; iteration < 100; ++iteration) {
    // Gradient and Hessian of the cross-entropy in (a, b), with a tiny ridge for separable data.
    double ga = 1e-6 * a, gb = 0.0, haa = 1e-6, hab = 0.0, hbb = 1e-12;
    for (size_t i = 0; i < z.size(); ++i) {
      const double q = Sigmoid(a * z[i] + b);
      const double r = q - (labels[i] > 0.5f ? t_pos : t_neg);
      const double w = q * (1.0 - q);
      ga += r * z[i];
      gb += r;
      haa += w * z[i] * z[i];
      hab += w * z[i];
      hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (!(det > 0.0)) break;
    const double da = (hbb * ga - hab * gb) / det;
    const double db = (haa * gb - hab * ga) / det;
    double scale = 1.0, next = current;
    for (int halving = 0; halving < 30; ++halving, scale *= 0.5) {
      next = objective(a - scale * da, b - scale * db);
      if (next <= current) break;
    }
    if (next > current) break;
    a -= scale * da;
    b -= scale * db;
    current = next;
    if (scale * (std::abs(da) + std::abs(db)) < 1e-10) break;
  }
  return FromPlatt(a, b);
}

Calibrator Calibrator::FitIsotonic(std::span<const double> p, std::span<const float> labels) {
  if (!BothClasses(labels)) return Calibrator{};
  std::vector<size_t> order(p.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  // Blocks of the pool-adjacent-violators algorithm; equal scores start in one block.
  struct Block {
    double x_low, x_high, sum, weight;
  };
  std::vector<Block> blocks;
  for (size_t i : order) {
    if (!blocks.empty() && blocks.back().x_high == p[i]) {
      blocks.back().sum += labels[i];
      blocks.back().weight += 1.0;
    } else {
      blocks.push_back({p[i], p[i], labels[i], 1.0});
    }
    while (blocks.size() > 1) {
      Block& last = blocks.back();
      Block& previous = blocks[blocks.size() - 2];
      if (previous.sum / previous.weight < last.sum / last.weight) break;
      previous.x_high = last.x_high;
      previous.sum += last.sum;
      previous.weight += last.weight;
      blocks.pop_back();
    }
  }
  std::vector<double> x, y;
  for (const Block& block : blocks) {
    const double value = std::clamp(block.sum / block.weight, kIsotonicFloor, 1.0 - kIsotonicFloor);
    x.push_back(block.x_low);
    y.push_back(value);
    if (block.x_high > block.x_low) {
      x.push_back(block.x_high);
      y.push_back(value);
    }
  }
  return FromIsotonic(std::move(x), std::move(y));
}

double Calibrator::Apply(double p) const {
  switch (method_) {
    case CalibrationMethod::kIdentity:
      return p;
    case CalibrationMethod::kPlatt:
      return Sigmoid(a_ * Logit(p) + b_);
    case CalibrationMethod::kIsotonic: {
      if (p <= x_.front()) return y_.front();
      if (p >= x_.back()) return y_.back();
      const size_t hi = static_cast<size_t>(std::upper_bound(x_.begin(), x_.end(), p) - x_.begin());
      const size_t lo = hi - 1;
      const double t = (p - x_[lo]) / (x_[hi] - x_[lo]);
      return y_[lo] + t * (y_[hi] - y_[lo]);
    }
  }
  return p;
}

std::vector<double> Calibrator::Apply(std::span<const double> p) const {
  std::vector<double> out(p.size());
  for (size_t i = 0; i < p.size(); ++i) out[i] = Apply(p[i]);
  return out;
}

Calibrator Calibrator::FromPlatt(double a, double b) {
  Calibrator calibrator;
  calibrator.method_ = CalibrationMethod::kPlatt;
  calibrator.a_ = a;
  calibrator.b_ = b;
  return calibrator;
}

Calibrator Calibrator::FromIsotonic(std::vector<double> x, std::vector<double> y) {
  Calibrator calibrator;
  if (x.empty() || x.size() != y.size()) return calibrator;
  calibrator.method_ = CalibrationMethod::kIsotonic;
  calibrator.x_ = std::move(x);
  calibrator.y_ = std::move(y);
  return calibrator;
}

}  // namespace buyalign::forecast
