#include "storage/table_spec.hpp"

namespace buyalign::storage {

TableSpec::TableSpec(std::string_view table, std::vector<std::string_view> columns,
                     std::vector<int> key)
    : table_(table), columns_(std::move(columns)), key_(std::move(key)) {
  std::string names, placeholders, assignments, where;
  for (size_t i = 0; i < columns_.size(); ++i) {
    std::string_view sep = i == 0 ? "" : ", ";
    names += std::string(sep) + std::string(columns_[i]);
    placeholders += std::string(sep) + "?";
    assignments += std::string(sep) + std::string(columns_[i]) + " = ?";
  }
  for (size_t i = 0; i < key_.size(); ++i) {
    where += std::string(i == 0 ? "" : " AND ") + std::string(columns_[key_[i]]) + " = ?";
  }
  std::string t(table_);
  find_sql_ = "SELECT id, version, " + names + " FROM " + t + " WHERE " + where;
  insert_sql_ = "INSERT INTO " + t + " (" + names + ", version) VALUES (" + placeholders + ", 1)" +
                std::string(SqlDialect::kReturningId);
  update_sql_ = "UPDATE " + t + " SET " + assignments + ", version = version + 1 WHERE id = ?";
  delete_sql_ = "DELETE FROM " + t + " WHERE id = ?";
  any_row_sql_ = "SELECT 1 FROM " + t + " LIMIT 1";
}

std::vector<SqlValue> TableSpec::KeyOf(const Row& row) const {
  std::vector<SqlValue> key;
  key.reserve(key_.size());
  for (int column : key_) key.push_back(row.values[column]);
  return key;
}

std::string TableSpec::KeyString(const Row& row) const {
  if (key_.size() == 1) {
    if (const auto* text = std::get_if<std::string>(&row.values[key_[0]])) return *text;
  }
  std::string out;
  for (int column : key_) {
    const SqlValue& value = row.values[column];
    if (const auto* text = std::get_if<std::string>(&value)) {
      out += *text;
    } else if (const auto* number = std::get_if<int64_t>(&value)) {
      out += std::to_string(*number);
    }
    out += '\x1f';  // unit separator: cannot occur in a number and splits the parts
  }
  return out;
}

core::Result<std::optional<StoredRow>> FindRow(SqlConnection& connection, const TableSpec& spec,
                                               std::span<const SqlValue> key) {
  auto statement = connection.Prepare(spec.find_sql());
  if (!statement) return core::Fail(statement.error());
  SqlStatement& st = **statement;
  for (size_t i = 0; i < key.size(); ++i) st.Bind(static_cast<int>(i) + 1, key[i]);
  auto row = st.Step();
  if (!row) return core::Fail(row.error());
  if (!*row) return std::optional<StoredRow>();
  StoredRow stored{st.ColumnInt(0), st.ColumnInt(1), {}};
  stored.values.reserve(spec.column_count());
  for (size_t i = 0; i < spec.column_count(); ++i) {
    stored.values.push_back(st.Column(static_cast<int>(i) + 2));
  }
  st.Reset();
  return std::optional<StoredRow>(std::move(stored));
}

core::Result<int64_t> InsertRow(SqlConnection& connection, const TableSpec& spec, const Row& row) {
  auto statement = connection.Prepare(spec.insert_sql());
  if (!statement) return core::Fail(statement.error());
  SqlStatement& st = **statement;
  for (size_t i = 0; i < row.values.size(); ++i) st.Bind(static_cast<int>(i) + 1, row.values[i]);
  return st.StepInsert();
}

core::Status UpdateRow(SqlConnection& connection, const TableSpec& spec, int64_t id,
                       const Row& row) {
  auto statement = connection.Prepare(spec.update_sql());
  if (!statement) return core::Fail(statement.error());
  SqlStatement& st = **statement;
  int index = 1;
  for (const SqlValue& value : row.values) st.Bind(index++, value);
  st.BindInt(index, id);
  return st.Run();
}

core::Status DeleteRow(SqlConnection& connection, const TableSpec& spec, int64_t id) {
  auto statement = connection.Prepare(spec.delete_sql());
  if (!statement) return core::Fail(statement.error());
  (*statement)->BindInt(1, id);
  return (*statement)->Run();
}

core::Result<bool> TableHasRows(SqlConnection& connection, const TableSpec& spec) {
  auto statement = connection.Prepare(spec.any_row_sql());
  if (!statement) return core::Fail(statement.error());
  auto row = (*statement)->Step();
  if (!row) return core::Fail(row.error());
  (*statement)->Reset();
  return *row;
}

}  // namespace buyalign::storage
