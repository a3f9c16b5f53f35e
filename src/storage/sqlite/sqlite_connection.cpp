#include "storage/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

namespace buyalign::storage::sqlite {

namespace {

// Long enough to ride out another process's write transaction, short enough to report
// kUnavailable before an HTTP client gives up.
constexpr int kBusyTimeoutMs = 5000;

constexpr std::string_view kConnectionPragmas[] = {
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",
    // 64 MiB of page cache (allocated only as used): a large import then writes each page to the
    // WAL once at commit instead of spilling and rewriting it many times.
    "PRAGMA cache_size = -65536",
};

}  // namespace

std::string SqliteDialect::Rewrite(std::string_view sql) const {
  if (sql.ends_with(kReturningId)) sql.remove_suffix(kReturningId.size());
  std::string out(sql);
  constexpr std::string_view kToken = "${ID}";
  for (size_t at = out.find(kToken); at != std::string::npos; at = out.find(kToken, at)) {
    out.replace(at, kToken.size(), IdColumnType());
  }
  return out;
}

core::Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  core::Error error;
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      error.code = core::ErrorCode::kConflict;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      error.code = core::ErrorCode::kUnavailable;
      break;
    default:
      error.code = core::ErrorCode::kInternal;
  }
  error.message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  return error;
}

class SqliteConnection::Statement final : public SqlStatement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement() override { sqlite3_finalize(stmt_); }

  void BindNull(int index) override { sqlite3_bind_null(stmt_, index); }
  void BindInt(int index, int64_t value) override { sqlite3_bind_int64(stmt_, index, value); }
  void BindDouble(int index, double value) override { sqlite3_bind_double(stmt_, index, value); }
  void BindText(int index, std::string_view value) override {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void BindTextRef(int index, std::string_view value) override {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  }

  core::Result<bool> Step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // sqlite3_reset returns the specific (extended) code of the failed step.
    int detailed = sqlite3_reset(stmt_);
    return core::Fail(SqliteError(db_, detailed != SQLITE_OK ? detailed : rc, "step"));
  }

  bool IsNull(int column) override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int64_t ColumnInt(int column) override { return sqlite3_column_int64(stmt_, column); }
  double ColumnDouble(int column) override { return sqlite3_column_double(stmt_, column); }
  std::string_view ColumnText(int column) override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
  }
  SqlValue Column(int column) override {
    switch (sqlite3_column_type(stmt_, column)) {
      case SQLITE_INTEGER:
        return ColumnInt(column);
      case SQLITE_FLOAT:
        return ColumnDouble(column);
      case SQLITE_NULL:
        return std::monostate{};
      default:
        return std::string(ColumnText(column));
    }
  }

  core::Result<int64_t> StepInsert() override {
    auto stepped = Step();
    if (!stepped) return core::Fail(stepped.error());
    int64_t id = sqlite3_last_insert_rowid(db_);
    sqlite3_reset(stmt_);
    return id;
  }

  int ColumnCount() override { return sqlite3_column_count(stmt_); }
  std::string_view ColumnName(int column) override {
    const char* name = sqlite3_column_name(stmt_, column);
    return name ? std::string_view(name) : std::string_view();
  }

  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  bool used = false;  // listed in SqliteConnection::used_

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

core::Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    core::Error error = SqliteError(db, rc, "cannot open database " + path);
    sqlite3_close(db);
    return core::Fail(std::move(error));
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  for (std::string_view pragma : kConnectionPragmas) {
    if (auto ok = connection->Execute(pragma); !ok) return core::Fail(ok.error());
  }
  return connection;
}

SqliteConnection::SqliteConnection(sqlite3* db) : db_(db) {}

SqliteConnection::~SqliteConnection() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

core::Result<SqlStatement*> SqliteConnection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    std::string text = dialect_.Rewrite(sql);
    int rc = sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return core::Fail(SqliteError(db_, rc, "prepare"));
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(db_, stmt)).first;
  } else {
    it->second->Reset();
  }
  Statement* statement = it->second.get();
  if (!statement->used) {
    statement->used = true;
    used_.push_back(statement);
  }
  return statement;
}

core::Status SqliteConnection::Execute(std::string_view sql) {
  std::string text = dialect_.Rewrite(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return core::Fail(SqliteError(db_, rc, "execute"));
  return {};
}

// Transaction control runs on every store call: prepared once and stepped, where sqlite3_exec
// would parse the statement text again each time (a measurable share of a point read).
core::Status SqliteConnection::RunControl(std::string_view sql) {
  auto statement = Prepare(sql);
  if (!statement) return core::Fail(statement.error());
  auto done = (*statement)->Step();
  (*statement)->Reset();
  if (!done) return core::Fail(done.error());
  return {};
}

core::Status SqliteConnection::Begin(TransactionMode mode) {
  ResetUsed();
  return RunControl(mode == TransactionMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteConnection::ResetUsed() {
  for (Statement* statement : used_) {
    statement->Reset();
    statement->used = false;
  }
  used_.clear();
}

core::Status SqliteConnection::Commit() {
  ResetUsed();
  return RunControl("COMMIT");
}

core::Status SqliteConnection::Rollback() {
  ResetUsed();
  if (sqlite3_get_autocommit(db_)) return {};  // SQLite already rolled back (e.g. on I/O error)
  return RunControl("ROLLBACK");
}

}  // namespace buyalign::storage::sqlite
