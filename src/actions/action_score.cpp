#include "actions/action_score.hpp"

#include <algorithm>

namespace buyalign::actions {
namespace {

// A quarter of the default cycle, a phase: a contact that far from the others gets the full
// distance bonus.
constexpr double kPhaseStages = 3;

}  // namespace

double ExpectedValue(const RankingParams& p, const ScoreInputs& in) {
  const double stake = in.severity * (p.influence_floor + (1 - p.influence_floor) * in.influence);
  const double distance = 1 + p.distance_weight * std::min(1.0, in.distance_stages / kPhaseStages);
  double urgency = 1;
  if (in.days_to_close) {
    urgency +=
        p.urgency_weight * std::clamp(1 - *in.days_to_close / p.urgency_horizon_days, 0.0, 1.0);
  }
  const double silence =
      in.days_since_evidence ? std::min(1.0, *in.days_since_evidence / p.staleness_days) : 1.0;
  const double staleness = 1 + p.staleness_weight * std::max(0.0, silence);
  return stake * distance * urgency * staleness;
}

}  // namespace buyalign::actions
