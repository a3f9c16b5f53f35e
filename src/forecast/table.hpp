#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace buyalign::forecast {

// A CSV file held column by column as text: the input of the win-model builder, which decides
// each column's type itself. `lines` keeps each row's physical line so errors can point at it.
// A plain value; safe to share for reading.
struct Table {
  std::string source;  // the file name, for messages
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> columns;  // columns[c][row]
  std::vector<int64_t> lines;                     // the 1-based line where each row starts

  size_t rows() const { return lines.size(); }
  // The index of the column named `name` (exact match first, then ignoring case), or nullopt.
  std::optional<size_t> Find(std::string_view name) const;
  // Appends a row; `fields` must have one value per column.
  void AddRow(std::vector<std::string> fields, int64_t line);
};

// Reads a CSV file with a header row (RFC 4180, through crm::CsvReader). Fails with kNotFound
// when the file cannot be opened and with kInvalidArgument for an empty file, a file with a
// header but no data rows, a duplicated column name, or a malformed or ragged row (named by line).
core::Result<Table> ReadCsvTable(const std::filesystem::path& path);

}  // namespace buyalign::forecast
