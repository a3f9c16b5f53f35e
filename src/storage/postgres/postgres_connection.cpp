#include "storage/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include "storage/postgres/postgres_statement.hpp"

namespace buyalign::storage::postgres {

namespace {

// Any constant works: it names the one lock every writer of the database takes (pg_locks shows it).
constexpr std::string_view kBeginWrite =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(2069741)";
constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

bool IsUnavailableState(std::string_view state) {
  return state.starts_with("08")     // connection exception
         || state.starts_with("53")  // insufficient resources (too many connections, ...)
         || state.starts_with("57")  // operator intervention: statement timeout, shutdown
         || state == "40001"         // serialization failure
         || state == "40P01"         // deadlock detected
         || state == "55P03";        // lock not available
}

std::string Trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

core::Error PostgresError(pg_conn* conn, const pg_result* result, std::string_view what) {
  core::Error error;
  const char* state_text = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string_view state = state_text ? state_text : "";
  std::string message = Trimmed(result && *PQresultErrorMessage(result)
                                    ? PQresultErrorMessage(result)
                                    : (conn ? PQerrorMessage(conn) : "not connected"));
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK || IsUnavailableState(state)) {
    error.code = core::ErrorCode::kUnavailable;
    error.message = "database unavailable: " + std::string(what) + ": " + message;
    return error;
  }
  error.code = state.starts_with("23") ? core::ErrorCode::kConflict : core::ErrorCode::kInternal;
  error.message = std::string(what) + ": " + message;
  return error;
}

core::Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(std::string conninfo,
                                                                           int statement_timeout_ms,
                                                                           bool connect_now) {
  std::unique_ptr<PostgresConnection> connection(
      new PostgresConnection(std::move(conninfo), statement_timeout_ms));
  if (connect_now) {
    if (auto ok = connection->Connect(); !ok) return core::Fail(ok.error());
  }
  return connection;
}

PostgresConnection::PostgresConnection(std::string conninfo, int statement_timeout_ms)
    : conninfo_(std::move(conninfo)), statement_timeout_ms_(statement_timeout_ms) {}

PostgresConnection::~PostgresConnection() {
  cache_.clear();  // statements free their results before the connection goes
  if (conn_ != nullptr) PQfinish(conn_);
}

core::Status PostgresConnection::Connect() {
  if (conn_ != nullptr) PQfinish(conn_);
  ++session_;
  conn_ = PQconnectdb(conninfo_.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    core::Error error = PostgresError(conn_, nullptr, "connect");
    PQfinish(conn_);
    conn_ = nullptr;
    return core::Fail(std::move(error));
  }
  // Quiet NOTICEs ("relation already exists, skipping") instead of libpq printing them to stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  return Run("SET statement_timeout = " + std::to_string(statement_timeout_ms_), false);
}

core::Status PostgresConnection::EnsureConnected() {
  if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) return {};
  return Connect();
}

core::Status PostgresConnection::Run(std::string_view sql, bool may_reconnect) {
  if (may_reconnect) {
    if (auto ok = EnsureConnected(); !ok) return ok;
  } else if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    // Mid-transaction: a new session would not hold the transaction's work, so no reconnect.
    return core::Fail(PostgresError(conn_, nullptr, "execute"));
  }
  std::string text(sql);
  PGresult* result = PQexec(conn_, text.c_str());
  ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    PQclear(result);
    return {};
  }
  core::Error error = PostgresError(conn_, result, "execute");
  PQclear(result);
  if (may_reconnect && PQstatus(conn_) != CONNECTION_OK) {
    if (auto ok = Connect(); !ok) return ok;
    return Run(sql, false);
  }
  return core::Fail(std::move(error));
}

core::Result<SqlStatement*> PostgresConnection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto statement =
        std::make_unique<PostgresStatement>(*this, dialect_.Rewrite(sql), CountPlaceholders(sql));
    it = cache_.emplace(std::string(sql), std::move(statement)).first;
  } else {
    it->second->Reset();
  }
  PostgresStatement* statement = it->second.get();
  if (!statement->used) {
    statement->used = true;
    used_.push_back(statement);
  }
  return statement;
}

core::Status PostgresConnection::Execute(std::string_view sql) {
  return Run(dialect_.Rewrite(sql), !in_transaction_);
}

core::Status PostgresConnection::Begin(TransactionMode mode) {
  ResetUsed();
  auto ok = Run(mode == TransactionMode::kWrite ? kBeginWrite : kBeginRead, true);
  // A failed BEGIN ... ; SELECT may leave a transaction open on a live connection.
  if (!ok) {
    if (conn_ != nullptr && PQtransactionStatus(conn_) != PQTRANS_IDLE) Run("ROLLBACK", false);
    return ok;
  }
  in_transaction_ = true;
  return {};
}

void PostgresConnection::ResetUsed() {
  for (PostgresStatement* statement : used_) {
    statement->Reset();
    statement->used = false;
  }
  used_.clear();
}

core::Status PostgresConnection::Commit() {
  ResetUsed();
  in_transaction_ = false;
  return Run("COMMIT", false);
}

core::Status PostgresConnection::Rollback() {
  ResetUsed();
  in_transaction_ = false;
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) return {};  // the server dropped it
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return {};
  return Run("ROLLBACK", false);
}

}  // namespace buyalign::storage::postgres
