#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "domain/records.hpp"

namespace buyalign::engine {

// One DMU member as the engine sees it: the dmu_member record joined with its contact's name.
struct MemberInput {
  std::string contact_id;
  std::string name;  // the contact's name, for explanations; the id is used when empty
  domain::DmuRole role = domain::DmuRole::kOther;
  double influence = 0.5;  // 0..1
  domain::Stance stance = domain::Stance::kNeutral;
};

// Everything the engine needs about one opportunity, gathered by the caller (API, CLI, tests) from
// the store. Signals and activities may come in any order and may include records after the
// moment evaluated: the engine keeps only those at or before `as_of`. Signals about contacts
// outside the DMU count only towards engagement (single_threaded).
struct OpportunityInput {
  std::string opportunity_id;
  std::optional<core::Date> expected_close;
  domain::OpportunityStatus status = domain::OpportunityStatus::kOpen;
  std::vector<MemberInput> members;
  std::vector<domain::Signal> signals;
  std::vector<domain::Activity> activities;
  // content id -> the content item's stage tags, for content_engaged signals.
  std::map<std::string, std::vector<std::string>> content_stages;
  // How many contacts the account has, when known (explanations of single_threaded).
  std::optional<int> account_contact_count;
};

// Builds the input from stored records. Contacts and content items not referenced are ignored;
// a member whose contact is missing keeps its contact id as its name.
OpportunityInput MakeOpportunityInput(const domain::Opportunity& opportunity,
                                      const std::vector<domain::DmuMember>& members,
                                      const std::vector<domain::Contact>& contacts,
                                      std::vector<domain::Signal> signals,
                                      std::vector<domain::Activity> activities,
                                      const std::vector<domain::ContentItem>& content);

}  // namespace buyalign::engine
