#pragma once

#include <vector>

#include "actions/content_picker.hpp"
#include "actions/deal_view.hpp"
#include "actions/next_action.hpp"
#include "actions/playbook.hpp"
#include "core/result.hpp"
#include "engine/opportunity_input.hpp"
#include "engine/readiness_engine.hpp"

namespace buyalign::actions {

// Turns an opportunity's readiness into ranked next actions with the playbook:
// 1. every engine friction takes the first rule of its kind whose filters match;
// 2. every "signal" and "hand_offs" rule looks for its situation;
// 3. every member not yet addressed takes the first "stage" rule for the stage they are at.
// Each hit names a target contact, an activity and its texts; it is scored by expected value
// (action_score.hpp), duplicates (same contact and activity) keep the best score, and the best
// max_per_opportunity are returned, highest score first.
//
// Holds references to the engine, the playbook and the content picker, which must outlive it.
// Immutable; safe to share across threads.
class NextActionPlanner {
 public:
  NextActionPlanner(const engine::ReadinessEngine& engine, const Playbook& playbook,
                    const ContentPicker& content)
      : engine_(engine), playbook_(playbook), content_(content) {}

  // Analyzes the opportunity at `as_of` and plans. Fails only when the engine does (a signal of an
  // unknown kind or stage). Closed opportunities get no actions.
  core::Result<std::vector<NextAction>> Plan(const engine::OpportunityInput& input,
                                             const Personas& personas, core::Timestamp as_of) const;

  // Plans from a readiness already computed for `input` (at readiness.as_of).
  std::vector<NextAction> PlanFrom(const engine::OpportunityInput& input,
                                   const engine::OpportunityReadiness& readiness,
                                   const Personas& personas) const;

  const Playbook& playbook() const { return playbook_; }
  const engine::ReadinessEngine& engine() const { return engine_; }

 private:
  const engine::ReadinessEngine& engine_;
  const Playbook& playbook_;
  const ContentPicker& content_;
};

}  // namespace buyalign::actions
