#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/sql_connection.hpp"

namespace buyalign::storage {

// A record as the columns of its table, references already resolved to internal ids. `links`
// carries the ordered contact ids of an activity (its join table); empty for other types.
struct Row {
  std::vector<SqlValue> values;
  std::vector<int64_t> links;
};

// A row found by its key: internal id, version and its column values.
struct StoredRow {
  int64_t id = 0;
  int64_t version = 0;
  std::vector<SqlValue> values;
};

// The writable columns of one table (every column but `id` and `version`, in Row order) and
// which of them form the record's unique key. The write statements are derived from these
// constants once, so they match the schema column for column.
//
// Immutable after construction; safe to share.
class TableSpec {
 public:
  TableSpec(std::string_view table, std::vector<std::string_view> columns, std::vector<int> key);

  std::string_view table() const { return table_; }
  size_t column_count() const { return columns_.size(); }
  const std::vector<int>& key() const { return key_; }

  // "SELECT id, version, <columns> FROM <table> WHERE <key columns> = ?..."
  const std::string& find_sql() const { return find_sql_; }
  // "INSERT INTO <table> (<columns>, version) VALUES (?..., 1) RETURNING id" (StepInsert)
  const std::string& insert_sql() const { return insert_sql_; }
  // "UPDATE <table> SET <columns> = ?..., version = version + 1 WHERE id = ?"
  const std::string& update_sql() const { return update_sql_; }
  // "DELETE FROM <table> WHERE id = ?"
  const std::string& delete_sql() const { return delete_sql_; }
  // "SELECT 1 FROM <table> LIMIT 1"
  const std::string& any_row_sql() const { return any_row_sql_; }

  // The key values of `row`, in key order.
  std::vector<SqlValue> KeyOf(const Row& row) const;
  // The key of `row` as one string, for in-memory maps.
  std::string KeyString(const Row& row) const;

 private:
  std::string_view table_;
  std::vector<std::string_view> columns_;
  std::vector<int> key_;
  std::string find_sql_, insert_sql_, update_sql_, delete_sql_, any_row_sql_;
};

// Table operations every record type shares; all run on the caller's transaction.
core::Result<std::optional<StoredRow>> FindRow(SqlConnection& connection, const TableSpec& spec,
                                               std::span<const SqlValue> key);
core::Result<int64_t> InsertRow(SqlConnection& connection, const TableSpec& spec, const Row& row);
// Rewrites every column and adds one to the version.
core::Status UpdateRow(SqlConnection& connection, const TableSpec& spec, int64_t id,
                       const Row& row);
core::Status DeleteRow(SqlConnection& connection, const TableSpec& spec, int64_t id);
core::Result<bool> TableHasRows(SqlConnection& connection, const TableSpec& spec);

}  // namespace buyalign::storage
