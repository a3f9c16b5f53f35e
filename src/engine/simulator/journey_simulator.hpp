#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/opportunity_input.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::engine::simulator {

// How simulated buyers and sellers behave. The journeys are deliberately NOT drawn from the
// engine's own model: dwell times are gamma-distributed (not exponential), every member has their
// own pace, backward moves jump 1-3 stages, noise depends on the channel, reps are optimistic by
// a configurable amount and sellers run ahead of their own (optimistic) view of the deal.
struct SimulationSettings {
  std::string name = "default";
  uint64_t seed = 1;
  int opportunities = 200;
  int max_days = 240;                 // a journey is observed at most this long
  double mean_dwell_days = 20;        // typical time per stage (purchased: half, status_quo: 1.5x)
  double pace_spread = 0.4;           // sigma of the lognormal pace multiplier per member
  double backward_per_year = 2;       // backward moves per member per year
  double noise = 0.15;                // share of email signals pointing at a wrong stage
                                      // (meeting x0.5, web and content x1.5)
  double signals_per_week = 1.0;      // per engaged member
  double quiet_share = 0.25;          // members signalling at 15% of the rate
  double content_share = 0.15;        // signals that are content engagement
  double optimism = 1.0;              // mean stages a rep assesses ahead of the truth
  double assessment_every_days = 21;  // per assessed member (influence >= 0.5)
  double activity_every_days = 10;
  double seller_ahead_share = 0.3;  // activities aimed one or two stages past the seller's view
};

// One simulated opportunity with its ground truth.
struct SimulatedOpportunity {
  OpportunityInput input;
  int64_t start = 0;  // Unix seconds: when every member's journey begins
  int64_t end = 0;    // the last moment observed
  // Per member (input order): (time, true stage) at the start and at every change.
  std::vector<std::vector<std::pair<int64_t, int>>> truth;
  // When the influence-weighted true position first reached the purchase stage, if it did.
  std::optional<int64_t> purchase_reached;

  int TrueStage(size_t member, int64_t t) const;
};

// Simulates `settings.opportunities` journeys with the stages, signal library and activity fits of
// `methodology`. Deterministic for a given seed. Pure.
std::vector<SimulatedOpportunity> Simulate(const SimulationSettings& settings,
                                           const methodology::Methodology& methodology);

// The settings the evaluation reports on: normal, fast and slow pace, low and high noise, quiet
// DMUs, very optimistic and honest reps, chatty buyers.
std::vector<SimulationSettings> StandardScenarios(int opportunities = 200);

}  // namespace buyalign::engine::simulator
