#pragma once

#include <string_view>
#include <vector>

#include "actions/deal_view.hpp"
#include "core/result.hpp"
#include "domain/records.hpp"
#include "engine/opportunity_input.hpp"
#include "storage/store.hpp"

namespace buyalign::service {

// One opportunity's records as the engine and the planner take them.
struct LoadedOpportunity {
  domain::Opportunity opportunity;
  engine::OpportunityInput input;
  actions::Personas personas;  // contact id -> persona, for the account's contacts
};

// Reads the opportunity, its DMU, its account's contacts, its signals and activities and the
// content items its signals name. kNotFound when the opportunity does not exist; a content item
// that no longer exists is skipped. Several store calls, not one snapshot: a write landing in
// between is picked up by the next load after the cache is invalidated.
core::Result<LoadedOpportunity> LoadOpportunity(storage::Store& store,
                                                std::string_view opportunity_id);

// Every record of a paginated store list, page after page.
template <class T, class ListFn>
core::Result<std::vector<T>> ListAll(ListFn&& list) {
  std::vector<T> all;
  storage::PageRequest page{.cursor = {}, .limit = 1000};
  while (true) {
    auto result = list(page);
    if (!result) return core::Fail(result.error());
    for (T& item : result->items) all.push_back(std::move(item));
    if (result->next_cursor.empty()) return all;
    page.cursor = result->next_cursor;
  }
}

}  // namespace buyalign::service
