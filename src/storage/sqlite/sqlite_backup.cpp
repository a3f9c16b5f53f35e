#include "storage/sqlite/sqlite_backup.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace buyalign::storage::sqlite {

namespace {

using core::Fail;

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using DbHandle = std::unique_ptr<sqlite3, CloseDb>;

core::Result<DbHandle> OpenFile(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  DbHandle handle(db);
  if (rc != SQLITE_OK) return Fail(SqliteError(db, rc, "cannot open " + path));
  return handle;
}

// Copies every page of `source` into `dest` in one step, so the copy is one read snapshot, then
// makes the copy a self-contained file (rollback journal, no -wal beside it).
core::Status CopyDatabase(sqlite3* source, sqlite3* dest) {
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
  if (backup == nullptr) return Fail(SqliteError(dest, sqlite3_errcode(dest), "backup"));
  int step = sqlite3_backup_step(backup, -1);
  int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE) return Fail(SqliteError(nullptr, step, "backup"));
  if (finish != SQLITE_OK) return Fail(SqliteError(dest, finish, "backup"));
  int rc = sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Fail(SqliteError(dest, rc, "backup"));
  return {};
}

core::Status RenameOver(const std::string& from, const std::string& to) {
  std::error_code ec;
  std::filesystem::rename(from, to, ec);
  if (ec) return Fail(core::Error::Internal("cannot rename " + from + ": " + ec.message()));
  return {};
}

core::Error BadBackup(const std::string& path, const std::string& why) {
  return core::Error::Invalid(path + " is not a usable Buyalign backup: " + why, "backup");
}

core::Status CheckIntegrity(sqlite3* db, const std::string& path) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
  if (rc != SQLITE_OK) return Fail(BadBackup(path, sqlite3_errmsg(db)));
  std::string verdict;
  if (sqlite3_step(st) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    verdict = text ? text : "";
  } else {
    verdict = sqlite3_errmsg(db);
  }
  sqlite3_finalize(st);
  if (verdict != "ok") return Fail(BadBackup(path, "integrity check: " + verdict));
  return {};
}

core::Status CheckSchema(sqlite3* db, const std::string& path) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", -1,
                              &st, nullptr);
  if (rc != SQLITE_OK) return Fail(BadBackup(path, "it has no schema_migrations table"));
  int64_t version = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  if (version < 1) return Fail(BadBackup(path, "no migration was ever applied to it"));
  if (version > Migrations().back().version) {
    return Fail(BadBackup(path, "its schema (version " + std::to_string(version) +
                                    ") is newer than this program; upgrade Buyalign"));
  }
  return {};
}

}  // namespace

core::Status SqliteConnection::BackupTo(const std::string& path) {
  const std::string temp = path + ".tmp";
  std::error_code ec;
  std::filesystem::remove(temp, ec);
  {
    auto dest = OpenFile(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!dest) return Fail(dest.error());
    if (auto ok = CopyDatabase(db_, dest->get()); !ok) {
      dest->reset();
      std::filesystem::remove(temp, ec);
      return ok;
    }
  }
  return RenameOver(temp, path);
}

core::Status RestoreSqlite(const std::string& backup_path, const std::string& db_path) {
  if (!std::filesystem::is_regular_file(backup_path)) {
    return Fail(core::Error::Invalid("no backup file at " + backup_path, "backup"));
  }
  auto backup = OpenFile(backup_path, SQLITE_OPEN_READONLY);
  if (!backup) return Fail(BadBackup(backup_path, backup.error().message));
  if (auto ok = CheckIntegrity(backup->get(), backup_path); !ok) return ok;
  if (auto ok = CheckSchema(backup->get(), backup_path); !ok) return ok;

  const std::string temp = db_path + ".restore.tmp";
  std::error_code ec;
  std::filesystem::remove(temp, ec);
  {
    auto dest = OpenFile(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!dest) return Fail(dest.error());
    if (auto ok = CopyDatabase(backup->get(), dest->get()); !ok) {
      dest->reset();
      std::filesystem::remove(temp, ec);
      return ok;
    }
  }
  // A -wal left by the replaced database would be replayed onto the restored file when it is
  // next opened; remove it (and its index) before the new file takes the name.
  for (const char* suffix : {"-wal", "-shm"}) {
    std::filesystem::remove(db_path + suffix, ec);
    if (ec) return Fail(core::Error::Internal("cannot remove " + db_path + suffix));
  }
  return RenameOver(temp, db_path);
}

}  // namespace buyalign::storage::sqlite
