#include "forecast/logistic_model.hpp"

#include <algorithm>
#include <cmath>

namespace buyalign::forecast {
namespace {

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Solves A x = b in place for a symmetric positive definite A (n x n, row-major) by Cholesky.
// Returns false when A is not positive definite.
bool CholeskySolve(std::vector<double>& a, std::vector<double>& b, size_t n) {
  for (size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (size_t k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0.0)) return false;
    d = std::sqrt(d);
    a[j * n + j] = d;
    for (size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (size_t k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / d;
    }
  }
  for (size_t i = 0; i < n; ++i) {  // L y = b
    double s = b[i];
    for (size_t k = 0; k < i; ++k) s -= a[i * n + k] * b[k];
    b[i] = s / a[i * n + i];
  }
  for (size_t i = n; i-- > 0;) {  // L^T x = y
    double s = b[i];
    for (size_t k = i + 1; k < n; ++k) s -= a[k * n + i] * b[k];
    b[i] = s / a[i * n + i];
  }
  return true;
}

}  // namespace

void LogisticModel::Inputs(const float* row, std::vector<double>& z) const {
  const size_t features = state_.means.size();
  size_t indicator = features;
  for (size_t j = 0; j < features; ++j) {
    const bool missing = std::isnan(row[j]);
    z[j] = missing ? 0.0 : (row[j] - state_.means[j]) / state_.scales[j];
    if (state_.missing_indicator[j]) z[indicator++] = missing ? 1.0 : 0.0;
  }
}

core::Result<LogisticModel> LogisticModel::Fit(const FeatureMatrix& x,
                                               std::span<const float> labels,
                                               const Options& options) {
  if (x.rows == 0 || x.cols == 0 || labels.size() != x.rows) {
    return core::Fail(core::Error::Invalid("logistic regression needs rows, columns and labels"));
  }
  LogisticModel model;
  State& s = model.state_;
  const size_t features = x.cols;
  s.means.assign(features, 0.0);
  s.scales.assign(features, 1.0);
  s.missing_indicator.assign(features, 0);
  std::vector<double> count(features, 0.0), sum_sq(features, 0.0);
  for (size_t i = 0; i < x.rows; ++i) {
    for (size_t j = 0; j < features; ++j) {
      const float v = x.at(i, j);
      if (std::isnan(v)) {
        s.missing_indicator[j] = 1;
        continue;
      }
      count[j] += 1.0;
      s.means[j] += v;
    }
  }
  for (size_t j = 0; j < features; ++j) s.means[j] = count[j] > 0 ? s.means[j] / count[j] : 0.0;
  for (size_t i = 0; i < x.rows; ++i) {
    for (size_t j = 0; j < features; ++j) {
      const float v = x.at(i, j);
      if (!std::isnan(v)) sum_sq[j] += (v - s.means[j]) * (v - s.means[j]);
    }
  }
  for (size_t j = 0; j < features; ++j) {
    const double sd = count[j] > 1 ? std::sqrt(sum_sq[j] / count[j]) : 0.0;
    s.scales[j] = sd > 1e-12 ? sd : 1.0;  // a constant feature stays 0 after centring
  }
  const size_t inputs = features + static_cast<size_t>(std::count(s.missing_indicator.begin(),
                                                                  s.missing_indicator.end(), 1));
  s.weights.assign(inputs, 0.0);

  // Standardise once; Newton then reads the dense design matrix.
  std::vector<double> z(x.rows * inputs);
  std::vector<double> row_inputs(inputs);
  for (size_t i = 0; i < x.rows; ++i) {
    model.Inputs(x.row(i), row_inputs);
    std::copy(row_inputs.begin(), row_inputs.end(),
              z.begin() + static_cast<std::ptrdiff_t>(i * inputs));
  }
  double positives = 0.0;
  for (float y : labels) positives += y;
  const double base = std::clamp(positives / static_cast<double>(x.rows), 1e-6, 1.0 - 1e-6);
  s.intercept = std::log(base / (1.0 - base));

  // Parameters theta = (weights, intercept); the intercept is the last coordinate.
  const size_t n = inputs + 1;
  const auto objective = [&](const std::vector<double>& w, double b) {
    double loss = 0.0;
    for (size_t i = 0; i < x.rows; ++i) {
      const double* zi = z.data() + i * inputs;
      double eta = b;
      for (size_t j = 0; j < inputs; ++j) eta += w[j] * zi[j];
      // log(1 + e^eta) - y eta, computed without overflow.
      loss += std::max(eta, 0.0) + std::log1p(std::exp(-std::abs(eta))) - labels[i] * eta;
    }
    for (double wj : w) loss += 0.5 * options.l2 * wj * wj;
    return loss;
  };
  double current = objective(s.weights, s.intercept);
  std::vector<double> hessian(n * n), gradient(n);
  for (s.iterations = 0; s.iterations < options.max_iterations; ++s.iterations) {
    std::fill(hessian.begin(), hessian.end(), 0.0);
    std::fill(gradient.begin(), gradient.end(), 0.0);
    for (size_t i = 0; i < x.rows; ++i) {
      const double* zi = z.data() + i * inputs;
      double eta = s.intercept;
      for (size_t j = 0; j < inputs; ++j) eta += s.weights[j] * zi[j];
      const double p = Sigmoid(eta);
      const double r = p - labels[i];
      const double w = std::max(p * (1.0 - p), 1e-12);
      for (size_t a = 0; a < inputs; ++a) {
        gradient[a] += r * zi[a];
        const double wa = w * zi[a];
        if (wa == 0.0) continue;  // one-hot inputs are mostly zero
        double* h = hessian.data() + a * n;
        for (size_t b = 0; b <= a; ++b) h[b] += wa * zi[b];
        h[inputs] += wa;
      }
      gradient[inputs] += r;
      hessian[inputs * n + inputs] += w;
    }
    for (size_t a = 0; a < inputs; ++a) {
      gradient[a] += options.l2 * s.weights[a];
      hessian[a * n + a] += options.l2;
      for (size_t b = 0; b < a; ++b) hessian[b * n + a] = hessian[a * n + b];
      hessian[inputs * n + a] = hessian[a * n + inputs];
    }
    hessian[inputs * n + inputs] += 1e-9;  // keeps the system definite when a class is rare
    std::vector<double> step = gradient;
    if (!CholeskySolve(hessian, step, n)) break;
    // Step halving: Newton's full step can overshoot far from the optimum.
    double scale = 1.0, next = current;
    std::vector<double> w(inputs);
    double b = 0.0;
    for (int halving = 0; halving < 30; ++halving, scale *= 0.5) {
      for (size_t j = 0; j < inputs; ++j) w[j] = s.weights[j] - scale * step[j];
      b = s.intercept - scale * step[inputs];
      next = objective(w, b);
      if (next <= current) break;
    }
    if (next > current) break;
    s.weights = w;
    s.intercept = b;
    current = next;
    const double largest = std::abs(*std::max_element(
        step.begin(), step.end(), [](double a, double c) { return std::abs(a) < std::abs(c); }));
    if (scale * largest < options.tolerance) break;
  }
  return model;
}

std::vector<double> LogisticModel::Predict(const FeatureMatrix& x) const {
  std::vector<double> out(x.rows);
  std::vector<double> z(state_.weights.size());
  for (size_t i = 0; i < x.rows; ++i) {
    Inputs(x.row(i), z);
    double eta = state_.intercept;
    for (size_t j = 0; j < z.size(); ++j) eta += state_.weights[j] * z[j];
    out[i] = Sigmoid(eta);
  }
  return out;
}

std::vector<double> LogisticModel::Contributions(const FeatureMatrix& x) const {
  const size_t features = state_.means.size();
  std::vector<double> out(x.rows * (features + 1), 0.0);
  std::vector<double> z(state_.weights.size());
  for (size_t i = 0; i < x.rows; ++i) {
    Inputs(x.row(i), z);
    double* row = out.data() + i * (features + 1);
    size_t indicator = features;
    for (size_t j = 0; j < features; ++j) {
      row[j] = state_.weights[j] * z[j];
      if (state_.missing_indicator[j]) {
        row[j] += state_.weights[indicator] * z[indicator];
        ++indicator;
      }
    }
    row[features] = state_.intercept;
  }
  return out;
}

LogisticModel LogisticModel::FromState(State state) {
  LogisticModel model;
  model.state_ = std::move(state);
  return model;
}

}  // namespace buyalign::forecast
