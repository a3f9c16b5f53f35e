#pragma once

#include "actions/deal_view.hpp"
#include "actions/playbook.hpp"

// Whether a playbook rule applies: its filters on the member the trigger is about, and its
// "unless" conditions on the whole opportunity. Pure functions.
namespace buyalign::actions {

// Stage range, roles, personas and stances. A null subject (a deal-wide friction) matches only a
// rule without subject filters.
bool SubjectMatches(const PlaybookRule& rule, const DealView& deal,
                    const engine::MemberReadiness* subject);

// False when the opportunity shows one of the rule's unless_activity, unless_mention or
// unless_roles.
bool DealAllows(const PlaybookRule& rule, const DealView& deal);

}  // namespace buyalign::actions
