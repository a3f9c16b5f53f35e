#pragma once

#include <cstddef>
#include <vector>

#include "actions/deal_view.hpp"
#include "actions/next_action.hpp"
#include "actions/next_action_planner.hpp"
#include "core/result.hpp"
#include "engine/opportunity_input.hpp"

namespace buyalign::actions {

// One of a rep's opportunities, as the caller gathered it.
struct RepOpportunity {
  engine::OpportunityInput input;
  Personas personas;
};

// "My next actions this week": the top `top_n` actions across a rep's open opportunities (closed
// ones are skipped), highest score first; equal scores by due date, then opportunity id. Fails
// when the engine refuses one opportunity's signals, naming it in the error's field
// ("opportunities[o7].signals[3].kind").
core::Result<std::vector<NextAction>> PlanForRep(const NextActionPlanner& planner,
                                                 const std::vector<RepOpportunity>& opportunities,
                                                 core::Timestamp as_of, size_t top_n);

// The merge step alone, for callers that planned each opportunity themselves.
std::vector<NextAction> TopActions(std::vector<std::vector<NextAction>> per_opportunity,
                                   size_t top_n);

}  // namespace buyalign::actions
