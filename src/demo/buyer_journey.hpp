#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/business_calendar.hpp"
#include "demo/content_library.hpp"
#include "demo/demo_batch.hpp"
#include "demo/rng.hpp"

namespace buyalign::demo {

// One opportunity being simulated: where its records go and who sells it.
struct DealContext {
  const BusinessCalendar& calendar;
  const ContentLibrary& content;
  DemoBatch& batch;
  std::string opportunity_id;
  std::string owner;
  std::vector<std::string> dmu_contacts;  // every member, for activities with two attendees
};

// A DMU member's true path through the buying cycle. Stages are "unwrapped" positions (12 is
// status_quo again, one lap later), so a renewal can run from value_realized round to
// need_quantified; every emitted stage is taken modulo 12.
struct JourneyPlan {
  std::string contact_id;
  std::string persona;
  int start_stage = 0;
  int target_stage = 0;        // where the member truly is at `end`; >= start_stage
  bool quiet = false;          // shows little, so the seller knows little
  bool backward_move = false;  // goes back one stage once on the way (a new requirement, ...)
  int64_t join = 0;            // business minute the member enters the deal
  int64_t end = 0;             // business minute of the member's last signal
  std::string final_signal;    // kind of the last signal; empty: one typical of the target stage
};

// Where a member truly was, and when.
struct JourneyStep {
  int stage = 0;  // unwrapped
  int64_t enter = 0;
  int64_t leave = 0;
};

// Walks a member through their plan and emits what a CRM would have seen: buyer signals typical
// of each true stage (with some noise; a quiet member shows few), the rep's optimistic
// stage_assessed judgements, content shares (some engaged, each engagement a content_engaged
// signal), and the seller's activities, which mostly fit the member's true stage and now and then
// run ahead of it. The final signal is always the last one and typical of the target stage.
// Returns the true steps.
std::vector<JourneyStep> SimulateJourney(const JourneyPlan& plan, DealContext& deal, Rng& rng);

}  // namespace buyalign::demo
