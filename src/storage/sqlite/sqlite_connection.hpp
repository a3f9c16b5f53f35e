#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "storage/sql_connection.hpp"

struct sqlite3;

namespace buyalign::storage::sqlite {

// SQLite's dialect: `?` placeholders as they are, INTEGER PRIMARY KEY as the id column (an alias
// of the rowid, the fastest key SQLite has). Stateless; safe to share.
class SqliteDialect final : public SqlDialect {
 public:
  std::string_view IdColumnType() const override { return "INTEGER PRIMARY KEY"; }
  // Drops a trailing kReturningId: RETURNING makes SQLite build and clear a temporary table on
  // every execution, while sqlite3_last_insert_rowid is free (StepInsert).
  std::string Rewrite(std::string_view sql) const override;
};

// A connection to one SQLite database file, configured for durability and concurrency: WAL
// (readers never block the writer), foreign_keys=ON, synchronous=FULL (an acknowledged commit
// survives a power cut) and a busy timeout. Not thread-safe: one thread at a time.
class SqliteConnection final : public SqlConnection {
 public:
  // Opens (creating if absent) the database file at `path`.
  static core::Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  const SqlDialect& dialect() const override { return dialect_; }
  core::Result<SqlStatement*> Prepare(std::string_view sql) override;
  core::Status Execute(std::string_view sql) override;
  core::Status Begin(TransactionMode mode) override;
  core::Status Commit() override;
  core::Status Rollback() override;
  // The SQLite online backup API, in one step: the copy holds a read snapshot of the source, so it
  // is consistent while other connections keep writing; inside a read transaction of this
  // connection the copy is that transaction's snapshot. Writes `path` + ".tmp", then renames it.
  core::Status BackupTo(const std::string& path) override;

 private:
  class Statement;
  explicit SqliteConnection(sqlite3* db);
  void ResetUsed();
  // Steps a cached BEGIN/COMMIT/ROLLBACK statement once.
  core::Status RunControl(std::string_view sql);

  sqlite3* db_;
  SqliteDialect dialect_;
  // Transparent hashing: looking a cached statement up does not allocate.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::unique_ptr<Statement>, TextHash, std::equal_to<>> cache_;
  std::vector<Statement*> used_;  // statements prepared since the transaction began
};

// The error of a failed SQLite call, mapped to a code: constraint -> kConflict, busy/locked ->
// kUnavailable, anything else kInternal. The message is SQLite's and is meant for logs.
core::Error SqliteError(sqlite3* db, int rc, std::string_view what);

}  // namespace buyalign::storage::sqlite
