#pragma once

#include <string>

#include "core/result.hpp"

// Restoring a SQLite database from a file written by Store::Backup (SqliteConnection::BackupTo).
namespace buyalign::storage::sqlite {

// Replaces the database at `db_path` with the backup at `backup_path`. The backup is checked
// first (PRAGMA integrity_check, and a schema_migrations table at a version this program knows);
// a bad backup fails with kInvalidArgument and leaves `db_path` untouched. The copy is written
// beside `db_path` and renamed over it, after removing a stale -wal/-shm that would otherwise be
// replayed onto the restored file. No store may have `db_path` open (stop the server first).
core::Status RestoreSqlite(const std::string& backup_path, const std::string& db_path);

}  // namespace buyalign::storage::sqlite
