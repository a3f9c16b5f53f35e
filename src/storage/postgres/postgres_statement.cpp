#include "storage/postgres/postgres_statement.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>

#include "storage/postgres/postgres_connection.hpp"

namespace buyalign::storage::postgres {

namespace {

// Type oids of pg_type (stable across versions; the server headers are not a client dependency).
constexpr Oid kUnknownOid = 0;
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

}  // namespace

PostgresStatement::PostgresStatement(PostgresConnection& connection, std::string text,
                                     int parameter_count)
    : connection_(connection),
      text_(std::move(text)),
      values_(parameter_count),
      null_(parameter_count, true),
      types_(parameter_count, kUnknownOid) {}

PostgresStatement::~PostgresStatement() { ClearResult(); }

void PostgresStatement::Set(int index, uint32_t type, std::string value) {
  if (index < 1 || index > static_cast<int>(values_.size())) return;  // like SQLite: ignored
  values_[index - 1] = std::move(value);
  null_[index - 1] = false;
  types_[index - 1] = type;
}

void PostgresStatement::BindNull(int index) {
  if (index < 1 || index > static_cast<int>(values_.size())) return;
  null_[index - 1] = true;
  types_[index - 1] = kUnknownOid;
}

void PostgresStatement::BindInt(int index, int64_t value) {
  Set(index, kInt8Oid, std::to_string(value));
}

void PostgresStatement::BindDouble(int index, double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round trip
  Set(index, kFloat8Oid, std::string(buffer, end));
}

void PostgresStatement::BindText(int index, std::string_view value) {
  Set(index, kUnknownOid, std::string(value));
}

core::Result<std::string> PostgresStatement::PreparedName() {
  if (prepared_session_ != connection_.session()) {
    prepared_.clear();
    prepared_session_ = connection_.session();
  }
  auto it = prepared_.find(types_);
  if (it != prepared_.end()) return it->second;
  std::string name = connection_.NextStatementName();
  PGresult* result = PQprepare(connection_.handle(), name.c_str(), text_.c_str(),
                               static_cast<int>(types_.size()), types_.data());
  bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  core::Error error;
  if (!ok) error = PostgresError(connection_.handle(), result, "prepare");
  PQclear(result);
  if (!ok) return core::Fail(std::move(error));
  prepared_.emplace(types_, name);
  return name;
}

core::Status PostgresStatement::Execute() {
  if (connection_.handle() == nullptr) {
    return core::Fail(PostgresError(nullptr, nullptr, "execute"));
  }
  auto name = PreparedName();
  if (!name) return core::Fail(name.error());
  std::vector<const char*> values(values_.size());
  for (size_t i = 0; i < values_.size(); ++i) values[i] = null_[i] ? nullptr : values_[i].c_str();
  result_ = PQexecPrepared(connection_.handle(), name->c_str(), static_cast<int>(values.size()),
                           values.data(), nullptr, nullptr, 0);
  ExecStatusType status = PQresultStatus(result_);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    core::Error error = PostgresError(connection_.handle(), result_, "step");
    ClearResult();
    return core::Fail(std::move(error));
  }
  rows_ = PQntuples(result_);
  row_ = -1;
  return {};
}

core::Result<bool> PostgresStatement::Step() {
  if (result_ == nullptr) {
    if (auto ok = Execute(); !ok) return core::Fail(ok.error());
  }
  if (row_ < rows_) ++row_;
  return row_ < rows_;
}

bool PostgresStatement::IsNull(int column) { return PQgetisnull(result_, row_, column) != 0; }

int64_t PostgresStatement::ColumnInt(int column) {
  std::string_view text = ColumnText(column);
  if (text == "t") return 1;  // a boolean
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

double PostgresStatement::ColumnDouble(int column) {
  return std::strtod(PQgetvalue(result_, row_, column), nullptr);
}

std::string_view PostgresStatement::ColumnText(int column) {
  if (result_ == nullptr || row_ < 0 || row_ >= rows_) return {};
  return {PQgetvalue(result_, row_, column),
          static_cast<size_t>(PQgetlength(result_, row_, column))};
}

SqlValue PostgresStatement::Column(int column) {
  if (IsNull(column)) return std::monostate{};
  switch (PQftype(result_, column)) {
    case kBoolOid:
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
      return ColumnInt(column);
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      return ColumnDouble(column);
    default:
      return std::string(ColumnText(column));
  }
}

int PostgresStatement::ColumnCount() { return result_ ? PQnfields(result_) : 0; }

std::string_view PostgresStatement::ColumnName(int column) {
  const char* name = result_ ? PQfname(result_, column) : nullptr;
  return name ? std::string_view(name) : std::string_view();
}

void PostgresStatement::Reset() {
  ClearResult();
  for (size_t i = 0; i < values_.size(); ++i) {
    null_[i] = true;
    types_[i] = kUnknownOid;
  }
}

void PostgresStatement::ClearResult() {
  if (result_ != nullptr) PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  rows_ = 0;
}

}  // namespace buyalign::storage::postgres
