#include "engine/opportunity_input.hpp"

#include <algorithm>

namespace buyalign::engine {

OpportunityInput MakeOpportunityInput(const domain::Opportunity& opportunity,
                                      const std::vector<domain::DmuMember>& members,
                                      const std::vector<domain::Contact>& contacts,
                                      std::vector<domain::Signal> signals,
                                      std::vector<domain::Activity> activities,
                                      const std::vector<domain::ContentItem>& content) {
  OpportunityInput input;
  input.opportunity_id = opportunity.id;
  input.expected_close = opportunity.expected_close;
  input.status = opportunity.status;
  for (const domain::DmuMember& member : members) {
    MemberInput m{member.contact_id, member.contact_id, member.role, member.influence,
                  member.stance};
    auto contact = std::find_if(contacts.begin(), contacts.end(), [&](const domain::Contact& c) {
      return c.id == member.contact_id;
    });
    if (contact != contacts.end() && !contact->name.empty()) m.name = contact->name;
    input.members.push_back(std::move(m));
  }
  int account_contacts = 0;
  for (const domain::Contact& c : contacts)
    account_contacts += c.account_id == opportunity.account_id;
  if (account_contacts > 0) input.account_contact_count = account_contacts;
  for (const domain::Signal& s : signals) {
    if (s.content_id.empty()) continue;
    auto item = std::find_if(content.begin(), content.end(),
                             [&](const domain::ContentItem& c) { return c.id == s.content_id; });
    if (item != content.end()) input.content_stages[item->id] = item->stages;
  }
  input.signals = std::move(signals);
  input.activities = std::move(activities);
  return input;
}

}  // namespace buyalign::engine
