#include "engine/dmu_summary.hpp"

#include <algorithm>
#include <cmath>

namespace buyalign::engine {

std::optional<double> WeightedPosition(const std::vector<double>& positions,
                                       const std::vector<double>& influences,
                                       const std::vector<bool>& present) {
  double sum = 0;
  double weight = 0;
  for (size_t i = 0; i < positions.size(); ++i) {
    if (!present[i]) continue;
    const double w = InfluenceWeight(influences[i]);
    sum += w * positions[i];
    weight += w;
  }
  if (weight <= 0) return std::nullopt;
  return sum / weight;
}

DmuSummary SummarizeDmu(const std::vector<MemberView>& members, const methodology::Methodology& m) {
  DmuSummary out;
  const int n = m.stage_count();
  const size_t count = members.size();
  if (count == 0) return out;
  std::vector<double> positions;
  std::vector<double> influences;
  double weight = 0;
  double confidence = 0;
  for (const MemberView& v : members) {
    // The most likely stage, not the mean: the forward tail of a member not heard from for a
    // while would otherwise pull the DMU ahead of what anyone is shown to be at.
    positions.push_back(v.stage);
    influences.push_back(v.input->influence);
    const double w = InfluenceWeight(v.input->influence);
    weight += w;
    confidence += w * v.now[static_cast<size_t>(v.stage)];
  }
  out.position = *WeightedPosition(positions, influences, std::vector<bool>(count, true));
  out.stage = std::clamp(static_cast<int>(std::lround(out.position)), 0, n - 1);
  out.confidence = confidence / weight;

  double spread = 0;
  for (size_t i = 0; i < count; ++i) {
    spread += InfluenceWeight(influences[i]) * std::abs(positions[i] - out.position);
  }
  out.alignment = std::max(0.0, 1.0 - (spread / weight) / (n / 4.0));

  out.leader = 0;
  for (size_t i = 1; i < count; ++i) {
    const size_t best = static_cast<size_t>(out.leader);
    if (positions[i] > positions[best] + 1e-9 ||
        (std::abs(positions[i] - positions[best]) <= 1e-9 && influences[i] > influences[best])) {
      out.leader = static_cast<int>(i);
    }
  }

  const methodology::FrictionThresholds& f = m.frictions();
  out.lag_probability.assign(count, 0.0);
  out.rest_position.assign(count, out.position);
  if (count < 2) return out;
  for (size_t i = 0; i < count; ++i) {
    std::vector<bool> others(count, true);
    others[i] = false;
    const double rest = *WeightedPosition(positions, influences, others);
    out.rest_position[i] = rest;
    const int limit = static_cast<int>(std::lround(rest)) - f.lagging_min_stages;
    double p = 0;
    for (int s = 0; s <= std::min(limit, n - 1); ++s) p += members[i].now[static_cast<size_t>(s)];
    out.lag_probability[i] = p;
    if (p >= f.lagging_min_probability) out.laggards.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace buyalign::engine
