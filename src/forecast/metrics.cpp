#include "forecast/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace buyalign::forecast {

double Auc(std::span<const double> p, std::span<const float> labels) {
  std::vector<size_t> order(p.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  double positives = 0.0, rank_sum = 0.0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && p[order[j]] == p[order[i]]) ++j;
    const double average_rank = 0.5 * static_cast<double>(i + 1 + j);  // ranks i+1..j
    for (size_t k = i; k < j; ++k) {
      if (labels[order[k]] > 0.5f) {
        rank_sum += average_rank;
        positives += 1.0;
      }
    }
    i = j;
  }
  const double negatives = static_cast<double>(p.size()) - positives;
  if (positives == 0.0 || negatives == 0.0) return 0.5;
  return (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

double Brier(std::span<const double> p, std::span<const float> labels) {
  if (p.empty()) return 0.0;
  double sum = 0.0;
  for (size_t i = 0; i < p.size(); ++i) sum += (p[i] - labels[i]) * (p[i] - labels[i]);
  return sum / static_cast<double>(p.size());
}

double LogLoss(std::span<const double> p, std::span<const float> labels) {
  if (p.empty()) return 0.0;
  constexpr double kEps = 1e-15;
  double sum = 0.0;
  for (size_t i = 0; i < p.size(); ++i) {
    const double q = std::clamp(p[i], kEps, 1.0 - kEps);
    sum -= labels[i] > 0.5f ? std::log(q) : std::log(1.0 - q);
  }
  return sum / static_cast<double>(p.size());
}

std::vector<CalibrationBin> CalibrationBins(std::span<const double> p,
                                            std::span<const float> labels, int bins) {
  std::vector<CalibrationBin> out(static_cast<size_t>(std::max(1, bins)));
  const double width = 1.0 / static_cast<double>(out.size());
  for (size_t b = 0; b < out.size(); ++b) {
    out[b].lower = static_cast<double>(b) * width;
    out[b].upper = static_cast<double>(b + 1) * width;
  }
  for (size_t i = 0; i < p.size(); ++i) {
    const auto bin = std::min(out.size() - 1, static_cast<size_t>(std::max(0.0, p[i]) / width));
    out[bin].count += 1;
    out[bin].mean_predicted += p[i];
    out[bin].observed_rate += labels[i];
  }
  for (CalibrationBin& bin : out) {
    if (bin.count == 0) continue;
    bin.mean_predicted /= static_cast<double>(bin.count);
    bin.observed_rate /= static_cast<double>(bin.count);
  }
  return out;
}

double Ece(std::span<const double> p, std::span<const float> labels, int bins) {
  if (p.empty()) return 0.0;
  double sum = 0.0;
  for (const CalibrationBin& bin : CalibrationBins(p, labels, bins)) {
    sum += static_cast<double>(bin.count) * std::abs(bin.mean_predicted - bin.observed_rate);
  }
  return sum / static_cast<double>(p.size());
}

Metrics Evaluate(std::span<const double> p, std::span<const float> labels) {
  return {Auc(p, labels), Brier(p, labels), LogLoss(p, labels), Ece(p, labels), p.size()};
}

}  // namespace buyalign::forecast
