#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/time.hpp"

// The audit vocabulary of the Store: who makes a change (Actor) and what the log keeps of it
// (AuditEntry). Plain values; safe to copy between threads.
namespace buyalign::storage {

// Who makes a change: a user's external id (empty for the system itself) and the channel it
// came through: "api", "cli", "import" or "system".
struct Actor {
  std::string user_id;
  std::string via = "system";

  static Actor System() { return {"", "system"}; }
};

// One change as the audit log keeps it. `before` and `after` are JSON objects of the record's
// stored fields (references as external ids, times in ISO 8601, never a password hash); `before`
// is empty for a creation and `after` for a deletion. An import is one entry whose `after` holds
// the counts per record type.
struct AuditEntry {
  int64_t id = 0;  // grows with every entry: later entries have larger ids
  core::Timestamp at{};
  std::string user_id;
  std::string via;
  std::string action;       // create, update, delete, import, set_password, disable, enable,
                            // share, unshare, add_manager, remove_manager, revoke
  std::string record_type;  // the interchange type ("opportunity"), or "user", "api_token", ...
  std::string record_id;    // the record's external id, or its key ("o1/c1") when it has none
  std::string before;
  std::string after;
};

// Every condition is optional: an empty string or nullopt does not filter. `since` is inclusive,
// `until` exclusive.
struct AuditFilter {
  std::string user_id;
  std::string record_type;
  std::string record_id;
  std::optional<core::Timestamp> since;
  std::optional<core::Timestamp> until;
};

}  // namespace buyalign::storage
