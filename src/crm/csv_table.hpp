#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"
#include "crm/csv_reader.hpp"
#include "crm/flexible_date.hpp"

namespace buyalign::crm {

// A CSV file read row by row and addressed by column name, with typed readers for the cells.
// Every failure names the file, the line of the row, the 1-based column and its header name.
// Cells are trimmed. Column names match case-insensitively (exports differ in case, rarely in
// spelling). Movable, not copyable, not safe for concurrent use.
class CsvTable {
 public:
  static core::Result<CsvTable> Open(const std::filesystem::path& path,
                                     const CsvOptions& options = {});
  explicit CsvTable(CsvReader reader);

  const std::string& name() const { return reader_.name(); }
  const std::vector<std::string>& header() const { return reader_.header(); }

  // The 0-based index of a column, or nullopt when the header lacks it.
  std::optional<size_t> Find(std::string_view column) const;
  // The first of `columns` the header has, or nullopt.
  std::optional<size_t> FindAny(std::initializer_list<std::string_view> columns) const;
  // As Find, failing with an error on the header line that names the missing column.
  core::Result<size_t> Require(std::string_view column) const;

  // Moves to the next row: true, or false after the last. Fails as CsvReader::Next.
  core::Result<bool> Next();
  int64_t line() const { return record_.line; }

  // The trimmed cell of the current row; empty for an absent column.
  std::string_view Text(std::optional<size_t> column) const;

  // Typed cells: nullopt for an empty cell or an absent column; an error naming the cell for a
  // value that cannot be read. Numbers accept a decimal comma in ';'-separated files.
  core::Result<std::optional<double>> Number(std::optional<size_t> column) const;
  core::Result<std::optional<int64_t>> Integer(std::optional<size_t> column) const;
  core::Result<std::optional<core::Date>> Date(std::optional<size_t> column,
                                               DateOrder order = DateOrder::kAuto) const;
  core::Result<std::optional<core::Timestamp>> Time(std::optional<size_t> column,
                                                    DateOrder order = DateOrder::kAuto) const;
  // true/false, 1/0, yes/no (any case).
  core::Result<std::optional<bool>> Bool(std::optional<size_t> column) const;

  // The error of a cell of the current row.
  core::Error CellError(size_t column, std::string_view message,
                        core::ErrorCode code = core::ErrorCode::kInvalidArgument) const;
  // The error of the current row as a whole.
  core::Error RowError(std::string_view message,
                       core::ErrorCode code = core::ErrorCode::kInvalidArgument) const;

  size_t bytes_read() const { return reader_.bytes_read(); }
  size_t total_bytes() const { return reader_.total_bytes(); }

 private:
  CsvReader reader_;
  CsvRecord record_;
};

}  // namespace buyalign::crm
