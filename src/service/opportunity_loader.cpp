#include "service/opportunity_loader.hpp"

#include <set>
#include <string>

namespace buyalign::service {

core::Result<LoadedOpportunity> LoadOpportunity(storage::Store& store,
                                                std::string_view opportunity_id) {
  auto opportunity = store.GetOpportunity(opportunity_id);
  if (!opportunity) return core::Fail(opportunity.error());
  auto members = store.ListDmuMembers(opportunity_id);
  if (!members) return core::Fail(members.error());
  auto contacts = ListAll<domain::Contact>([&](const storage::PageRequest& page) {
    return store.ListContacts({.account_id = opportunity->account_id}, page);
  });
  if (!contacts) return core::Fail(contacts.error());
  const std::string id(opportunity_id);
  auto signals = ListAll<domain::Signal>([&](const storage::PageRequest& page) {
    return store.ListSignals({.opportunity_id = id, .contact_id = {}}, page);
  });
  if (!signals) return core::Fail(signals.error());
  auto activities = ListAll<domain::Activity>([&](const storage::PageRequest& page) {
    return store.ListActivities({.opportunity_id = id}, page);
  });
  if (!activities) return core::Fail(activities.error());

  std::set<std::string> content_ids;
  for (const domain::Signal& s : *signals) {
    if (!s.content_id.empty()) content_ids.insert(s.content_id);
  }
  std::vector<domain::ContentItem> content;
  for (const std::string& content_id : content_ids) {
    auto item = store.GetContent(content_id);
    if (item) {
      content.push_back(std::move(*item));
    } else if (item.error().code != core::ErrorCode::kNotFound) {
      return core::Fail(item.error());
    }
  }

  LoadedOpportunity loaded;
  for (const domain::Contact& c : *contacts) {
    if (!c.persona.empty()) loaded.personas[c.id] = c.persona;
  }
  loaded.input = engine::MakeOpportunityInput(*opportunity, *members, *contacts,
                                              std::move(*signals), std::move(*activities), content);
  loaded.opportunity = std::move(*opportunity);
  return loaded;
}

}  // namespace buyalign::service
