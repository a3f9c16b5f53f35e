#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "storage/postgres/postgres_dialect.hpp"
#include "storage/sql_connection.hpp"

struct pg_conn;
struct pg_result;

namespace buyalign::storage::postgres {

class PostgresStatement;

// A session with a PostgreSQL server through libpq, which (re)connects on demand: a connection
// found broken at the start of a transaction (or of a statement outside one) is replaced before
// the call goes on, so a restarted server is used again without reopening the store. While the
// server is unreachable, calls fail at once with kUnavailable ("database unavailable: ...").
//
// Transactions: kRead is REPEATABLE READ READ ONLY (one snapshot, like SQLite's); kWrite takes a
// transaction-scoped advisory lock first, so writers are serialized across every process sharing
// the database, as SQLite serializes them (the store's read-check-write logic relies on that).
//
// Statements are cached per SQL text and prepared on the server at their first execution, with
// the parameter types of that execution. Not thread-safe: one thread at a time.
class PostgresConnection final : public SqlConnection {
 public:
  // Connects at once when `connect_now`, failing with kUnavailable when the server cannot be
  // reached; otherwise the first call connects. `statement_timeout_ms` 0 means none.
  static core::Result<std::unique_ptr<PostgresConnection>> Open(std::string conninfo,
                                                                int statement_timeout_ms,
                                                                bool connect_now);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  const SqlDialect& dialect() const override { return dialect_; }
  core::Result<SqlStatement*> Prepare(std::string_view sql) override;
  core::Status Execute(std::string_view sql) override;
  core::Status Begin(TransactionMode mode) override;
  core::Status Commit() override;
  core::Status Rollback() override;

  // For PostgresStatement: the live connection, and a number that changes with every reconnect
  // (server-side prepared statements die with their session).
  pg_conn* handle() { return conn_; }
  uint64_t session() const { return session_; }
  std::string NextStatementName() { return "buyalign_" + std::to_string(++statement_names_); }

 private:
  PostgresConnection(std::string conninfo, int statement_timeout_ms);
  // Connects when there is no healthy connection.
  core::Status EnsureConnected();
  core::Status Connect();
  // Runs `sql` (no parameters). With `may_reconnect` (only outside a transaction, where nothing
  // can be lost) a missing or broken connection is replaced first, and once more when `sql` finds
  // it broken; without, a broken connection fails with kUnavailable.
  core::Status Run(std::string_view sql, bool may_reconnect);
  void ResetUsed();

  std::string conninfo_;
  int statement_timeout_ms_;
  pg_conn* conn_ = nullptr;
  uint64_t session_ = 0;
  uint64_t statement_names_ = 0;
  bool in_transaction_ = false;
  PostgresDialect dialect_;
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::unique_ptr<PostgresStatement>, TextHash, std::equal_to<>>
      cache_;
  std::vector<PostgresStatement*> used_;  // statements prepared since the transaction began
};

// The error of a failed libpq call: a lost or refused connection, a timeout, a serialization
// failure or a server shutting down -> kUnavailable ("database unavailable: ..."); an integrity
// violation (SQLSTATE class 23) -> kConflict; anything else kInternal. `result` may be null.
core::Error PostgresError(pg_conn* conn, const pg_result* result, std::string_view what);

}  // namespace buyalign::storage::postgres
