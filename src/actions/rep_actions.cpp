#include "actions/rep_actions.hpp"

#include <algorithm>

namespace buyalign::actions {

std::vector<NextAction> TopActions(std::vector<std::vector<NextAction>> per_opportunity,
                                   size_t top_n) {
  std::vector<NextAction> all;
  for (std::vector<NextAction>& actions : per_opportunity) {
    std::move(actions.begin(), actions.end(), std::back_inserter(all));
  }
  const auto better = [](const NextAction& a, const NextAction& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.due != b.due) return a.due < b.due;
    return a.opportunity_id < b.opportunity_id;
  };
  const size_t n = std::min(top_n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), better);
  all.resize(n);
  return all;
}

core::Result<std::vector<NextAction>> PlanForRep(const NextActionPlanner& planner,
                                                 const std::vector<RepOpportunity>& opportunities,
                                                 core::Timestamp as_of, size_t top_n) {
  std::vector<std::vector<NextAction>> per_opportunity;
  for (const RepOpportunity& o : opportunities) {
    core::Result<std::vector<NextAction>> actions = planner.Plan(o.input, o.personas, as_of);
    if (!actions) {
      core::Error error = std::move(actions.error());
      error.field = "opportunities[" + o.input.opportunity_id + "]." + error.field;
      return core::Fail(std::move(error));
    }
    per_opportunity.push_back(std::move(*actions));
  }
  return TopActions(std::move(per_opportunity), top_n);
}

}  // namespace buyalign::actions
