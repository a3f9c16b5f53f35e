#pragma once

#include <set>
#include <string>
#include <string_view>

#include "demo/demo_batch.hpp"
#include "demo/rng.hpp"

namespace buyalign::demo {

// Invents the buyer-side people of the filler accounts: a name typical of the account's country,
// a title and persona that fit their DMU role, an e-mail address on the account's reserved
// ".example" domain. Contact ids ("c-<account slug>-<first>-<last>") are unique across the data
// set. Not thread-safe.
class People {
 public:
  // Creates a contact, adds it to the batch and returns it.
  domain::Contact NewContact(Rng& rng, DemoBatch& batch, std::string_view account_slug,
                             std::string_view country, domain::DmuRole role);

  // Marks an id as taken (the hand-written story contacts).
  void Reserve(std::string id) { used_ids_.insert(std::move(id)); }

 private:
  std::set<std::string> used_ids_;
};

// "Van den Berg" -> "van-den-berg": lower case, spaces to dashes.
std::string Slug(std::string_view text);

}  // namespace buyalign::demo
