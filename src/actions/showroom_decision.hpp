#pragma once

#include <string>
#include <vector>

#include "actions/content_picker.hpp"
#include "actions/deal_view.hpp"
#include "actions/next_action.hpp"
#include "actions/playbook.hpp"

namespace buyalign::actions {

// The walk-in buyer decision: what POST /opportunities/{id}/showroom-decision serves.
struct ShowroomDecision {
  std::string decision;              // "quote_now" or "book_follow_up"
  std::vector<std::string> reasons;  // sentences, the deciding ones first
  std::vector<std::string> prepare;  // for the follow-up (or the quote talk): questions to ask
  std::vector<ContentRef> content;   // to bring or send
};

// Quote now only when all three hold:
// - ready: every decision maker (showroom.decision_roles; the most influential member when the
//   DMU has none) is most likely at quote_min_stage or later with at least min_confidence;
// - clear: each must_be_evidenced stage was pointed at by some signal (its main stage, or a rep
//   assessment of it), e.g. somebody quantified the need;
// - not shopping: no member is most likely at a comparing stage, and nobody showed a
//   comparing signal within comparing_window_days (a full quote would hand them a shopping list).
// Otherwise book a follow-up, prepared with the questions of the playbook's "stage" rule for the
// earliest stage that is not ready or not evidenced, and content for it. Pure.
ShowroomDecision DecideShowroom(const DealView& deal, const Playbook& playbook,
                                const ContentPicker& content);

}  // namespace buyalign::actions
