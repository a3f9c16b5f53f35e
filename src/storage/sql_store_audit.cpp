#include "storage/audit_log.hpp"
#include "storage/sql_store.hpp"

// The audit log's reader and the whole-database backup.
namespace buyalign::storage {

Result<Page<AuditEntry>> SqlStore::ListAudit(const AuditFilter& filter, const PageRequest& page) {
  using P = Page<AuditEntry>;
  return pool_->Read<P>(
      [&](SqlConnection& connection) -> Result<P> { return ReadAudit(connection, filter, page); });
}

Status SqlStore::Backup(const std::string& out_path) {
  if (out_path.empty()) return core::Fail(core::Error::Invalid("no backup path given", "path"));
  // On a reader: its read transaction is the snapshot the copy takes, and writers go on.
  return pool_->Read<void>(
      [&](SqlConnection& connection) -> Status { return connection.BackupTo(out_path); });
}

}  // namespace buyalign::storage
