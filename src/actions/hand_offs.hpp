#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actions/deal_view.hpp"
#include "actions/playbook.hpp"

namespace buyalign::actions {

// The contacts a seller was passed along: the latest run of `chain_activities` (each naming one
// contact) in which every contact is new, oldest first; back() is the current contact. Meetings
// in a row with the same contact count as one link.
struct HandOffChain {
  std::vector<std::string> contacts;
};

// The chain when the rule's pattern holds at the view's moment: at least `min_contacts` contacts,
// each with at most `max_signals_each` signals (little came out of any of them). Pure.
std::optional<HandOffChain> FindHandOffs(const PlaybookRule& rule, const DealView& deal);

}  // namespace buyalign::actions
