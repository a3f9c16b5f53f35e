#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "storage/store.hpp"

namespace buyalign::crm {

// The kinds of record an imported row may refer to.
enum class IdKind { kTeam, kUser, kAccount, kContact, kOpportunity };

// The ids an import may refer to: those added from the batch being built and, when a store is
// given, those already stored (looked up once, then remembered). This is what lets an import
// name the file, line and column of a dangling reference, which the store alone cannot.
// Not safe for concurrent use; the store must outlive it.
class KnownIds {
 public:
  explicit KnownIds(storage::Store* store = nullptr) : store_(store) {}

  // Adds an id of the batch; false when it was already added (a duplicate in the input).
  bool Add(IdKind kind, std::string id) { return Set(kind).insert(std::move(id)).second; }
  // Whether the batch has the id (the store is not asked).
  bool InBatch(IdKind kind, std::string_view id) const;
  // Whether the batch or the store has the id.
  bool Has(IdKind kind, std::string_view id);

 private:
  std::unordered_set<std::string>& Set(IdKind kind) { return ids_[static_cast<int>(kind)]; }
  const std::unordered_set<std::string>& Set(IdKind kind) const {
    return ids_[static_cast<int>(kind)];
  }
  bool InStore(IdKind kind, std::string_view id) const;

  storage::Store* store_;
  std::unordered_set<std::string> ids_[5];
  std::unordered_set<std::string> stored_[5];
};

}  // namespace buyalign::crm
