#pragma once

#include <optional>
#include <vector>

#include "engine/member_track.hpp"
#include "engine/opportunity_input.hpp"
#include "engine/stage_vector.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::engine {

// One member at the moment evaluated: its input, its track and where the track puts it.
struct MemberView {
  const MemberInput* input = nullptr;
  const MemberTrack* track = nullptr;
  StageVector now{};                     // the distribution at as_of
  double position = 0;                   // expected stage index at as_of
  int stage = 0;                         // most likely stage at as_of
  std::optional<int64_t> last_evidence;  // Unix seconds of the latest signal about the member
};

// Where the DMU stands as a group, from its members' views.
struct DmuSummary {
  double position = 0;  // influence-weighted mean of the members' most likely stages
  int stage = 0;        // position rounded
  double confidence = 0;
  double alignment = 1;
  int leader = -1;            // member index, -1 without members
  std::vector<int> laggards;  // member indices
  // Per member: the probability of being at least lagging_min_stages behind the rest.
  std::vector<double> lag_probability;
  std::vector<double> rest_position;  // per member: the weighted position of the others
};

// How much a member counts in DMU-wide figures: influence plus a small base, so a member of zero
// influence still counts a little and a DMU of zero-influence members still has a position.
inline double InfluenceWeight(double influence) { return 0.05 + influence; }

// The influence-weighted mean position of `positions`, skipping entries where `present` is false;
// nullopt when none is present.
std::optional<double> WeightedPosition(const std::vector<double>& positions,
                                       const std::vector<double>& influences,
                                       const std::vector<bool>& present);

// Readiness, alignment, leader and laggards, from the members' most likely stages. Alignment is 1
// minus the influence-weighted mean distance of members from the DMU position, in units of a
// quarter of the cycle (3 stages of 12), floored at 0. A laggard has probability >=
// lagging_min_probability of being at least lagging_min_stages behind the weighted position of the
// others (rounded to a stage).
DmuSummary SummarizeDmu(const std::vector<MemberView>& members, const methodology::Methodology& m);

}  // namespace buyalign::engine
