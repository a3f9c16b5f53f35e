#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace buyalign::crm {

// How a CRM task or event becomes one of the methodology's activity kinds. CRMs record a free
// Subject and a coarse Type ("Call", "Email", "Meeting"); the kind is found in this order:
//   1. Type equal to a kind id or its label (what Buyalign's own export writes), exactly;
//   2. the first subject rule whose text the Subject contains (case-insensitive);
//   3. the first type rule whose text the Type contains;
//   4. the fallback kind, and the value is reported as unmapped.
// The default table (configs/salesforce-activities.toml holds the same, to edit):
//   subject contains          kind                  subject contains      kind
//   "intro"                   intro_call            "proposal"            proposal_sent
//   "discovery"               discovery_meeting     "quote", "pricing"    quote_sent
//   "value workshop", "roi"   value_workshop        "negotiat"            negotiation_meeting
//   "requirement"             requirements_workshop "contract"            contract_sent
//   "demo"                    demo                  "onboarding", "kick"  onboarding_session
//   "reference"               reference_call        "business review","qbr" business_review
//   "follow"                  follow_up             "internal", "admin"   admin
//   type contains "demo" -> demo; "call", "email", "meeting" -> follow_up; fallback follow_up.
// On export, the kinds that are meetings (discovery_meeting, value_workshop,
// requirements_workshop, demo, negotiation_meeting, onboarding_session, business_review by
// default; `events` in the file) are written as Salesforce events (Event.csv), the others (calls,
// documents sent, follow-ups, admin) as tasks (Task.csv).
// Immutable once built; safe to share across threads.
class ActivityRules {
 public:
  struct Rule {
    std::string contains;
    std::string kind;
  };
  struct Match {
    std::string kind;
    bool mapped = false;  // false: the fallback was used
  };

  static const ActivityRules& Default();
  // Fails with kInvalidArgument naming the file and entry; every kind must be an activity kind
  // of the default methodology.
  static core::Result<ActivityRules> Parse(std::string_view toml, std::string_view source_name);
  static core::Result<ActivityRules> Load(const std::filesystem::path& path);

  Match Classify(std::string_view type, std::string_view subject) const;
  // The label written to Type on export; Classify reads it back to the same kind.
  std::string Label(std::string_view kind) const;
  // Whether an activity of `kind` is exported as an event (a meeting) rather than a task.
  bool IsEvent(std::string_view kind) const { return events_.count(kind) > 0; }

 private:
  std::string fallback_ = "follow_up";
  std::map<std::string, std::string, std::less<>> labels_;  // kind -> label
  std::vector<Rule> subject_rules_;
  std::vector<Rule> type_rules_;
  std::set<std::string, std::less<>> events_;
};

}  // namespace buyalign::crm
