#include "crm/known_ids.hpp"

namespace buyalign::crm {

bool KnownIds::InBatch(IdKind kind, std::string_view id) const {
  return Set(kind).count(std::string(id)) > 0;
}

bool KnownIds::Has(IdKind kind, std::string_view id) {
  if (InBatch(kind, id)) return true;
  auto& stored = stored_[static_cast<int>(kind)];
  if (stored.count(std::string(id))) return true;
  if (!InStore(kind, id)) return false;
  stored.insert(std::string(id));
  return true;
}

bool KnownIds::InStore(IdKind kind, std::string_view id) const {
  if (store_ == nullptr) return false;
  switch (kind) {
    case IdKind::kTeam:
      return false;  // the store has no team lookup; teams come with their users
    case IdKind::kUser:
      return store_->GetUser(id).has_value();
    case IdKind::kAccount:
      return store_->GetAccount(id).has_value();
    case IdKind::kContact:
      return store_->GetContact(id).has_value();
    case IdKind::kOpportunity:
      return store_->GetOpportunity(id).has_value();
  }
  return false;
}

}  // namespace buyalign::crm
