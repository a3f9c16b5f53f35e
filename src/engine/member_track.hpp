#pragma once

#include <cstdint>
#include <vector>

#include "engine/stage_vector.hpp"
#include "engine/transition_model.hpp"

namespace buyalign::engine {

// The history of one member's stage estimate: a snapshot of the distribution after each piece of
// evidence, and how to carry a snapshot forward in time. The engine fills it from the readiness
// filter (propagating with the transition model); evaluation fills it from baselines or from the
// simulator's ground truth (holding the last snapshot), so that alignment and frictions are
// computed by exactly the same code for all of them.
//
// A value type; not synchronised.
class MemberTrack {
 public:
  struct Snapshot {
    int64_t at = 0;      // Unix seconds
    StageVector p{};     // the distribution right after the evidence (may be unnormalised)
    int32_t cause = -1;  // index of the causing signal in OpportunityInput::signals, or -1
  };

  // `transitions` null: a snapshot holds until the next one.
  MemberTrack(int stage_count, const TransitionModel* transitions, const StageVector& prior)
      : n_(stage_count), transitions_(transitions), prior_(prior) {}

  // Snapshots must be added in time order.
  void Add(int64_t at, const StageVector& p, int32_t cause) {
    snapshots_.push_back({at, p, cause});
  }

  // The distribution at `t` knowing only snapshots at or before `t`: the latest one carried
  // forward, normalised; the prior when there is none.
  StageVector At(int64_t t) const;
  // The latest snapshot at or before `t`, or null.
  const Snapshot* LastAt(int64_t t) const;

  const std::vector<Snapshot>& snapshots() const { return snapshots_; }
  int stage_count() const { return n_; }

 private:
  int n_;
  const TransitionModel* transitions_;
  StageVector prior_;
  std::vector<Snapshot> snapshots_;
};

}  // namespace buyalign::engine
