#pragma once

#include <vector>

#include "engine/member_track.hpp"
#include "engine/readiness_engine.hpp"
#include "engine/simulator/journey_simulator.hpp"

// Tracks the engine is measured against, built for the same members and moments so the same
// alignment and friction code runs on them. Pure functions.
namespace buyalign::engine::simulator {

enum class Baseline {
  kLatestSignal,      // the stage the member's latest signal points at (its main stage)
  kLatestAssessment,  // the rep's latest stage_assessed; the latest signal's stage before any
};

// The stage a single signal points at: the main stage, the assessed stage, the earliest content
// tag; nullopt for content without tags.
std::optional<int> PointedStage(const domain::Signal& signal, const OpportunityInput& input,
                                const methodology::Methodology& m);

// One track per member: a point mass at the baseline's stage after each signal up to `as_of`,
// held until the next one.
std::vector<MemberTrack> BaselineTracks(Baseline baseline, const OpportunityInput& input,
                                        const ReadinessEngine& engine, int64_t as_of);

// One track per member: a point mass at the true stage from the journey's start, changing with
// the truth, up to `as_of`.
std::vector<MemberTrack> TruthTracks(const SimulatedOpportunity& sim, const ReadinessEngine& engine,
                                     int64_t as_of);

}  // namespace buyalign::engine::simulator
