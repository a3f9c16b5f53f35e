#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "core/result.hpp"

// The small database seam every Store implementation is written against, so the SQL store logic
// exists once and SQLite or PostgreSQL only supply a connection.
namespace buyalign::storage {

// A bound or read value: NULL, 64-bit integer, double, or text.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

// The few places where SQL dialects differ. Statement text in the store uses `?` placeholders and
// the ${ID} token in DDL; the dialect rewrites both before a statement is prepared.
class SqlDialect {
 public:
  virtual ~SqlDialect() = default;
  // DDL of an auto-assigned 64-bit integer primary key column (without the column name).
  virtual std::string_view IdColumnType() const = 0;
  // `sql` with `?` placeholders in this dialect's style and ${ID} replaced. An INSERT ending in
  // kReturningId may lose that clause where the dialect has a cheaper way to the new id (SQLite);
  // such statements run with SqlStatement::StepInsert.
  virtual std::string Rewrite(std::string_view sql) const = 0;
  static constexpr std::string_view kReturningId = " RETURNING id";
};

// One prepared statement with `?` placeholders numbered from 1; columns are numbered from 0.
// Owned by its SqlConnection and used by one thread at a time, like the connection.
class SqlStatement {
 public:
  virtual ~SqlStatement() = default;

  virtual void BindNull(int index) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  // The text is copied: `value` need not outlive the call.
  virtual void BindText(int index, std::string_view value) = 0;
  // Binds without a copy: `value` must stay valid until the statement is reset or rebound. The
  // bulk paths (import) bind each row this way, saving an allocation per text column.
  virtual void BindTextRef(int index, std::string_view value) = 0;
  // Binds text by reference (BindTextRef): `value` must outlive the statement's execution.
  void Bind(int index, const SqlValue& value);

  // Runs the statement up to its next row. true: a row can be read; false: done. Constraint
  // violations fail with kConflict, a busy database with kUnavailable, anything else kInternal.
  virtual core::Result<bool> Step() = 0;
  // Steps a statement that returns no rows (or whose rows are ignored) to its end.
  core::Status Run();
  // Runs an INSERT written with SqlDialect::kReturningId and gives the id of the new row.
  // The default reads the returned row; dialects that drop the clause override it.
  virtual core::Result<int64_t> StepInsert();

  virtual bool IsNull(int column) = 0;
  virtual int64_t ColumnInt(int column) = 0;
  virtual double ColumnDouble(int column) = 0;
  // Valid until the next Step or Reset.
  virtual std::string_view ColumnText(int column) = 0;
  // The column as stored, by its dynamic type.
  virtual SqlValue Column(int column) = 0;
  // How many columns a row of this statement has, and the name of each (its AS alias).
  virtual int ColumnCount() = 0;
  virtual std::string_view ColumnName(int column) = 0;

  // Ends an iteration and clears the bindings, so the statement can be run again.
  virtual void Reset() = 0;
};

enum class TransactionMode {
  kRead,   // a consistent snapshot for reads
  kWrite,  // takes the write lock at once, so two writers never deadlock upgrading
};

// A session with the database. Not thread-safe: one thread uses it at a time (ConnectionPool
// hands connections out). Prepared statements are cached per SQL text and owned by the
// connection; a statement returned by Prepare is reset and unbound. Commit and Rollback reset
// every statement used in the transaction, so no statement holds a snapshot open afterwards.
class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual const SqlDialect& dialect() const = 0;
  // `sql` is a constant of the store, never built from input.
  virtual core::Result<SqlStatement*> Prepare(std::string_view sql) = 0;
  // Runs one statement without parameters (DDL).
  virtual core::Status Execute(std::string_view sql) = 0;

  virtual core::Status Begin(TransactionMode mode) = 0;
  virtual core::Status Commit() = 0;
  virtual core::Status Rollback() = 0;

  // Copies a consistent snapshot of the database to a new file at `path`, for databases that can
  // (SQLite); others fail with kInvalidArgument naming their own tool.
  virtual core::Status BackupTo(const std::string& path);
};

}  // namespace buyalign::storage
