#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "actions/content_coverage.hpp"
#include "actions/content_influence.hpp"
#include "actions/next_action.hpp"
#include "actions/playbook.hpp"
#include "actions/showroom_decision.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "service/readiness_service.hpp"

namespace buyalign::service {

// Next best actions, content coverage and influence and the showroom decision over the store,
// with the default playbook. Opportunity records come from the ReadinessService's cache; the
// content library is read per call (it is small, and edits to it must show at once).
//
// Holds a reference to the readiness service, which must outlive it. Safe for concurrent use
// (it keeps no state of its own).
class NextActionsService {
 public:
  explicit NextActionsService(ReadinessService& readiness);

  // The ranked actions for one opportunity at `as_of`; kNotFound for an unknown one. Closed
  // opportunities get none.
  core::Result<std::vector<actions::NextAction>> ForOpportunity(std::string_view opportunity_id,
                                                                core::Timestamp as_of);

  // The best `limit` actions across the open opportunities of `owner` (every owner when empty)
  // that `viewer` may see (every one by default).
  core::Result<std::vector<actions::NextAction>> ForOwner(const std::string& owner, size_t limit,
                                                          core::Timestamp as_of,
                                                          const storage::Viewer& viewer = {});

  // The stage x persona matrix of the live content, for `segment` when not empty.
  core::Result<actions::ContentCoverage> Coverage(std::string_view segment);

  // Quote now or book a follow-up, for a walk-in buyer's opportunity.
  core::Result<actions::ShowroomDecision> Showroom(std::string_view opportunity_id,
                                                   core::Timestamp as_of);

  // Whether engaging with the content item moved buyers forward, over every opportunity;
  // kNotFound for an unknown item.
  core::Result<actions::ContentInfluence> Influence(std::string_view content_id,
                                                    core::Timestamp as_of);

 private:
  core::Result<std::vector<domain::ContentItem>> Library();

  ReadinessService& readiness_;
  const actions::Playbook& playbook_;
};

}  // namespace buyalign::service
