#pragma once

#include <string>
#include <vector>

#include "core/time.hpp"

namespace buyalign::actions {

// A content item as a recommendation shows it.
struct ContentRef {
  std::string id;
  std::string title;
  std::string url;
};

// Why an action is recommended: the stage of the contact the trigger is about (the DMU's stage
// for deal-wide frictions), the friction kind or situation name ("" for plain stage progress),
// and one sentence a rep understands.
struct ActionReason {
  std::string stage;
  std::string friction;
  std::string explanation;
};

// One recommended next action: what GET /opportunities/{id}/next-actions serves, field names as
// in that JSON. `rule` names the playbook rule that produced it (for audits, not for the rep).
struct NextAction {
  std::string opportunity_id;
  std::string contact_id;
  std::string contact_name;
  std::string role;  // DMU role id
  std::string activity;
  std::string purpose;
  ActionReason reason;
  std::vector<std::string> questions;
  std::vector<std::string> talking_points;
  std::vector<ContentRef> content;
  double score = 0;  // expected value, see docs/playbook.md; only the order means something
  core::Date due{};  // the suggested day to do it by
  std::string rule;
};

}  // namespace buyalign::actions
