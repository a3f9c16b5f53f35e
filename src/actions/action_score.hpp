#pragma once

#include <optional>

#include "actions/playbook.hpp"

namespace buyalign::actions {

// What the expected value of an action depends on.
struct ScoreInputs {
  double severity = 0;                        // of the friction or situation, 0..1
  double influence = 0;                       // of the contact, 0..1
  double distance_stages = 0;                 // contact vs the rest of the DMU
  std::optional<double> days_to_close;        // unknown close date: no urgency bonus
  std::optional<double> days_since_evidence;  // never heard from: the full staleness bonus
};

// severity x (floor + (1 - floor) influence) x (1 + wd min(1, distance / 3))
//          x (1 + wu clamp(1 - days_to_close / horizon, 0, 1)) x (1 + ws min(1, silence / days)).
// Severity and influence scale the stake; distance, urgency and staleness raise it by at most
// their weights. Pure; docs/playbook.md explains the choice.
double ExpectedValue(const RankingParams& params, const ScoreInputs& in);

}  // namespace buyalign::actions
