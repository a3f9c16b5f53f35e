#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "storage/audit.hpp"
#include "storage/page.hpp"
#include "storage/sql_connection.hpp"

// Writing and reading the audit_log table. Writes run on the caller's write transaction, so an
// entry lands exactly when the change it describes does.
namespace buyalign::storage {

// One change to record. `before`/`after` are JSON objects, empty when there is none.
struct AuditChange {
  std::string_view action;
  std::string_view record_type;
  std::string_view record_id;
  std::string before;
  std::string after;
};

// Appends `change` made by `actor`, stamped with the current time.
core::Status AppendAudit(SqlConnection& connection, const Actor& actor, const AuditChange& change);

// A page of entries matching `filter`, newest first.
core::Result<Page<AuditEntry>> ReadAudit(SqlConnection& connection, const AuditFilter& filter,
                                         const PageRequest& page);

}  // namespace buyalign::storage
