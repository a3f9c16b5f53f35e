#include "forecast/close_timing.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/dmu_summary.hpp"
#include "forecast/period.hpp"

namespace buyalign::forecast {
namespace {

constexpr double kNegligible = 1e-4;

// Days buyers at `stage` usually need to reach the purchase stage.
double DaysToPurchase(const methodology::Methodology& m, int stage) {
  const auto& stages = m.stage_definitions();
  const int purchase = m.purchase_stage();
  if (stage >= purchase) return 0.5 * stages[static_cast<size_t>(purchase)].dwell_days;
  double days = 0.5 * stages[static_cast<size_t>(stage)].dwell_days;
  for (int s = stage + 1; s < purchase; ++s) days += stages[static_cast<size_t>(s)].dwell_days;
  return days;
}

// The DMU's stage distribution: the members' distributions mixed by influence.
std::vector<double> DmuStageMix(const engine::OpportunityReadiness& readiness,
                                const methodology::Methodology& m) {
  std::vector<double> mix(static_cast<size_t>(m.stage_count()), 0.0);
  double total = 0;
  for (const engine::MemberReadiness& member : readiness.members) {
    const double w = engine::InfluenceWeight(member.influence);
    for (const engine::StageProbability& p : member.distribution) {
      if (const auto index = m.StageIndex(p.stage)) {
        mix[static_cast<size_t>(*index)] += w * p.probability;
        total += w * p.probability;
      }
    }
  }
  if (total > 0) {
    for (double& q : mix) q /= total;
  }
  return mix;
}

}  // namespace

std::vector<CloseDate> CloseDatesFromReadiness(const engine::OpportunityReadiness& readiness,
                                               const methodology::Methodology& methodology,
                                               std::optional<core::Date> expected_close,
                                               core::Timestamp as_of) {
  const core::Date today = DayOf(as_of);
  std::vector<double> mix = DmuStageMix(readiness, methodology);
  if (readiness.members.empty()) {
    if (expected_close && *expected_close > today) return {{*expected_close, 1.0}};
    mix.assign(mix.size(), 0.0);
    mix[0] = 1.0;
  }
  const std::vector<double>& paces = methodology.dynamics().pace_factors;
  std::map<core::Date, double> weights;  // merges equal dates, and orders them
  for (size_t s = 0; s < mix.size(); ++s) {
    if (mix[s] < kNegligible) continue;
    const double needed = DaysToPurchase(methodology, static_cast<int>(s));
    for (double pace : paces) {
      const auto days = std::max<int64_t>(1, std::llround(needed / pace));
      weights[today + std::chrono::days{days}] += mix[s] / static_cast<double>(paces.size());
    }
  }
  std::vector<CloseDate> dates;
  dates.reserve(weights.size());
  for (const auto& [date, weight] : weights) dates.push_back({date, weight});
  return dates;
}

core::Date MedianDate(const std::vector<CloseDate>& dates) {
  double total = 0;
  for (const CloseDate& d : dates) total += d.weight;
  std::vector<CloseDate> sorted = dates;
  std::sort(sorted.begin(), sorted.end(),
            [](const CloseDate& a, const CloseDate& b) { return a.date < b.date; });
  double seen = 0;
  for (const CloseDate& d : sorted) {
    seen += d.weight;
    if (seen >= 0.5 * total) return d.date;
  }
  return sorted.empty() ? core::Date{} : sorted.back().date;
}

}  // namespace buyalign::forecast
