#include "engine/transition_model.hpp"

#include <algorithm>

#include "engine/matrix_exponential.hpp"

namespace buyalign::engine {
namespace {

// Weight of stepping back k stages, k = 1..max: halving with every further stage, summing to 1.
double BackWeight(int k, int max) {
  double sum = 0;
  for (int i = 1; i <= max; ++i) sum += 1.0 / (1 << (i - 1));
  return (1.0 / (1 << (k - 1))) / sum;
}

std::vector<double> Generator(const methodology::Methodology& m) {
  const int n = m.stage_count();
  const size_t un = static_cast<size_t>(n);
  std::vector<double> q(un * un, 0.0);
  auto add = [&](int from, int to, double rate) {
    if (from == to || rate <= 0) return;
    q[static_cast<size_t>(from) * un + static_cast<size_t>(to)] += rate;
  };
  const methodology::Dynamics& d = m.dynamics();
  const double back_rate = 1.0 / d.backward_every_days;
  for (int s = 0; s < n; ++s) {
    const double forward = 1.0 / m.stage_definitions()[static_cast<size_t>(s)].dwell_days;
    if (s + 1 < n) {
      add(s, s + 1, forward);
    } else {
      for (const auto& [stage, share] : d.restart) add(s, stage, forward * share);
    }
    // Backward moves stay within the cycle's line: nobody moves back from status_quo to a renewal.
    for (int k = 1; k <= d.max_back_stages && s - k >= 0; ++k) {
      add(s, s - k, back_rate * BackWeight(k, d.max_back_stages));
    }
  }
  for (size_t i = 0; i < un; ++i) {
    double out = 0;
    for (size_t j = 0; j < un; ++j) out += q[i * un + j];
    q[i * un + i] = -out;
  }
  return q;
}

}  // namespace

TransitionModel::TransitionModel(const methodology::Methodology& methodology)
    : n_(methodology.stage_count()),
      horizon_(methodology.dynamics().horizon_days),
      generator_(Generator(methodology)) {
  const size_t un = static_cast<size_t>(n_);
  const size_t block = un * un;
  // J: where someone who just moved back now is. Mass that cannot move back (the first stage,
  // or steps past it) stays put.
  jump_back_.assign(block, 0.0);
  const int max_back = methodology.dynamics().max_back_stages;
  for (int s = 0; s < n_; ++s) {
    double stay = 1;
    for (int k = 1; k <= max_back && s - k >= 0; ++k) {
      const double w = BackWeight(k, max_back);
      jump_back_[static_cast<size_t>(s - k) * un + static_cast<size_t>(s)] += w;
      stay -= w;
    }
    jump_back_[static_cast<size_t>(s) * un + static_cast<size_t>(s)] += stay;
  }
  transposed_.assign(block * static_cast<size_t>(horizon_ + 1), 0.0);
  // P(d) = mean over pace factors c of exp(Q c d), each built as the d-th power of exp(Q c).
  const std::vector<double>& paces = methodology.dynamics().pace_factors;
  std::vector<std::vector<double>> one_day;
  std::vector<std::vector<double>> powers;
  for (double c : paces) {
    std::vector<double> scaled(generator_);
    for (double& v : scaled) v *= c;
    one_day.push_back(MatrixExponential(scaled, n_));
    powers.emplace_back(block, 0.0);
    for (size_t i = 0; i < un; ++i) powers.back()[i * un + i] = 1;
  }
  std::vector<double> power(block, 0.0);
  for (int d = 0; d <= horizon_; ++d) {
    std::fill(power.begin(), power.end(), 0.0);
    for (size_t k = 0; k < paces.size(); ++k) {
      if (d > 0) powers[k] = MatrixProduct(powers[k], one_day[k], n_);
      for (size_t i = 0; i < block; ++i)
        power[i] += powers[k][i] / static_cast<double>(paces.size());
    }
    // Clean rounding: clamp tiny negatives and make every row sum to exactly 1.
    for (size_t i = 0; i < un; ++i) {
      double sum = 0;
      for (size_t j = 0; j < un; ++j) sum += (power[i * un + j] = std::max(0.0, power[i * un + j]));
      for (size_t j = 0; j < un; ++j) power[i * un + j] /= sum;
    }
    double* t = &transposed_[block * static_cast<size_t>(d)];
    for (size_t i = 0; i < un; ++i) {
      for (size_t j = 0; j < un; ++j) t[j * un + i] = power[i * un + j];
    }
  }
}

void TransitionModel::Propagate(const double* p, double* out, int64_t days) const {
  const size_t un = static_cast<size_t>(n_);
  double buffer[methodology::kMaxStages];
  const double* in = p;
  // Beyond the horizon: whole horizons first, then the rest.
  while (days > horizon_) {
    const double* t = &transposed_[un * un * static_cast<size_t>(horizon_)];
    for (size_t j = 0; j < un; ++j) {
      double v = 0;
      for (size_t i = 0; i < un; ++i) v += t[j * un + i] * in[i];
      buffer[j] = v;
    }
    std::copy(buffer, buffer + un, out);
    in = out;
    days -= horizon_;
  }
  const double* t = &transposed_[un * un * static_cast<size_t>(std::max<int64_t>(days, 0))];
  for (size_t j = 0; j < un; ++j) {
    double v = 0;
    for (size_t i = 0; i < un; ++i) v += t[j * un + i] * in[i];
    buffer[j] = v;
  }
  std::copy(buffer, buffer + un, out);
}

StageVector TransitionModel::Propagate(const StageVector& p, int64_t days) const {
  StageVector out{};
  Propagate(p.data(), out.data(), days);
  return out;
}

void TransitionModel::JumpBack(const double* p, double* out) const {
  const size_t un = static_cast<size_t>(n_);
  for (size_t j = 0; j < un; ++j) {
    double v = 0;
    for (size_t i = 0; i < un; ++i) v += jump_back_[j * un + i] * p[i];
    out[j] = v;
  }
}

double TransitionModel::Probability(int64_t days, int from, int to) const {
  const size_t un = static_cast<size_t>(n_);
  return transposed_[un * un * static_cast<size_t>(days) + static_cast<size_t>(to) * un +
                     static_cast<size_t>(from)];
}

}  // namespace buyalign::engine
