#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sql_connection.hpp"

struct pg_result;

namespace buyalign::storage::postgres {

class PostgresConnection;

// One statement of a PostgresConnection. Parameters travel as text with the type of what was
// bound (int8, float8, or left to the server for text and NULL); the statement is prepared on the
// server once per combination of those types and per session. Step runs it at the first call and
// keeps the whole result, so other statements of the connection can run while its rows are read
// (the store reads children of a row while iterating). Owned by its connection; one thread.
class PostgresStatement final : public SqlStatement {
 public:
  PostgresStatement(PostgresConnection& connection, std::string text, int parameter_count);
  ~PostgresStatement() override;
  PostgresStatement(const PostgresStatement&) = delete;
  PostgresStatement& operator=(const PostgresStatement&) = delete;

  void BindNull(int index) override;
  void BindInt(int index, int64_t value) override;
  void BindDouble(int index, double value) override;
  void BindText(int index, std::string_view value) override;
  // libpq needs NUL-terminated text, so this copies like BindText.
  void BindTextRef(int index, std::string_view value) override { BindText(index, value); }

  core::Result<bool> Step() override;

  bool IsNull(int column) override;
  int64_t ColumnInt(int column) override;
  double ColumnDouble(int column) override;
  std::string_view ColumnText(int column) override;
  SqlValue Column(int column) override;
  int ColumnCount() override;
  std::string_view ColumnName(int column) override;

  void Reset() override;

  bool used = false;  // listed in the connection's statements of the current transaction

 private:
  core::Status Execute();
  // The server-side name of this statement for the bound parameter types, preparing it if needed.
  core::Result<std::string> PreparedName();
  void Set(int index, uint32_t type, std::string value);
  void ClearResult();

  PostgresConnection& connection_;
  std::string text_;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::vector<uint32_t> types_;
  uint64_t prepared_session_ = 0;
  std::map<std::vector<uint32_t>, std::string> prepared_;  // by parameter types, this session
  pg_result* result_ = nullptr;
  int row_ = -1;
  int rows_ = 0;
};

}  // namespace buyalign::storage::postgres
