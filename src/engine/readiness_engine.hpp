#pragma once

#include <vector>

#include "core/result.hpp"
#include "engine/member_track.hpp"
#include "engine/opportunity_input.hpp"
#include "engine/opportunity_readiness.hpp"
#include "engine/readiness_filter.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::engine {

// The readiness of a whole opportunity at one moment: every member's stage distribution (filtered
// from the signals up to that moment), the DMU's readiness and alignment, and the frictions.
// Pure computation: the caller gathers the records (OpportunityInput) and serves the result.
//
// Immutable after construction (the transition matrices are built once); safe to share across
// threads. The methodology must outlive the engine.
class ReadinessEngine {
 public:
  explicit ReadinessEngine(const methodology::Methodology& methodology);

  const methodology::Methodology& methodology() const { return filter_.methodology(); }
  const ReadinessFilter& filter() const { return filter_; }

  // Evaluates `input` at `as_of`: only signals and activities at or before it count. Fails with
  // kInvalidArgument when a signal names a kind or stage the methodology does not know (field
  // "signals[i].kind" / "signals[i].stage").
  core::Result<OpportunityReadiness> Analyze(const OpportunityInput& input,
                                             core::Timestamp as_of) const;

  // The filter's track of every member (in input order), from signals at or before `as_of`.
  core::Result<std::vector<MemberTrack>> Tracks(const OpportunityInput& input,
                                                core::Timestamp as_of) const;

  // Members, readiness, alignment and frictions from given tracks (one per member, in input
  // order): the filter's, a baseline's or the ground truth of a simulation.
  OpportunityReadiness Summarize(const OpportunityInput& input,
                                 const std::vector<MemberTrack>& tracks,
                                 core::Timestamp as_of) const;

 private:
  ReadinessFilter filter_;
};

}  // namespace buyalign::engine
