#include "crm/csv_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "crm/source_error.hpp"
#include "crm/text_util.hpp"

namespace buyalign::crm {

core::Result<CsvTable> CsvTable::Open(const std::filesystem::path& path,
                                      const CsvOptions& options) {
  auto reader = CsvReader::Open(path, options);
  if (!reader) return core::Fail(reader.error());
  return CsvTable(std::move(*reader));
}

CsvTable::CsvTable(CsvReader reader) : reader_(std::move(reader)) {}

std::optional<size_t> CsvTable::Find(std::string_view column) const {
  const auto& names = reader_.header();
  for (size_t i = 0; i < names.size(); ++i) {
    if (EqualsIgnoreCase(names[i], column)) return i;
  }
  return std::nullopt;
}

std::optional<size_t> CsvTable::FindAny(std::initializer_list<std::string_view> columns) const {
  for (auto column : columns) {
    if (auto found = Find(column)) return found;
  }
  return std::nullopt;
}

core::Result<size_t> CsvTable::Require(std::string_view column) const {
  if (auto found = Find(column)) return *found;
  return core::Fail(
      ErrorAt(name(), reader_.header_line(), 0, {},
              "the header has no column \"" + std::string(column) + "\", which this file needs"));
}

core::Result<bool> CsvTable::Next() { return reader_.Next(record_); }

std::string_view CsvTable::Text(std::optional<size_t> column) const {
  if (!column || *column >= record_.fields.size()) return {};
  return Trim(record_.fields[*column]);
}

core::Error CsvTable::CellError(size_t column, std::string_view message,
                                core::ErrorCode code) const {
  std::string_view column_name =
      column < header().size() ? std::string_view(header()[column]) : std::string_view();
  return ErrorAt(name(), record_.line, column + 1, column_name, message, code);
}

core::Error CsvTable::RowError(std::string_view message, core::ErrorCode code) const {
  return ErrorAt(name(), record_.line, 0, {}, message, code);
}

core::Result<std::optional<double>> CsvTable::Number(std::optional<size_t> column) const {
  std::string_view text = Text(column);
  if (text.empty()) return std::optional<double>();
  std::string copy(text);
  if (reader_.separator() == ';' && copy.find('.') == std::string::npos &&
      std::count(copy.begin(), copy.end(), ',') == 1) {
    std::replace(copy.begin(), copy.end(), ',', '.');
  }
  const char* begin = copy.data() + (copy[0] == '+' ? 1 : 0);
  double value = 0;
  auto [end, ec] = std::from_chars(begin, copy.data() + copy.size(), value);
  if (ec != std::errc() || end != copy.data() + copy.size() || !std::isfinite(value)) {
    return core::Fail(CellError(*column, "cannot read number " + Quoted(text)));
  }
  return std::optional<double>(value);
}

core::Result<std::optional<int64_t>> CsvTable::Integer(std::optional<size_t> column) const {
  auto number = Number(column);
  if (!number) return core::Fail(number.error());
  if (!*number) return std::optional<int64_t>();
  double value = **number;
  if (value != std::floor(value) || std::fabs(value) > 9e15) {
    return core::Fail(CellError(*column, "cannot read whole number " + Quoted(Text(column))));
  }
  return std::optional<int64_t>(static_cast<int64_t>(value));
}

core::Result<std::optional<core::Date>> CsvTable::Date(std::optional<size_t> column,
                                                       DateOrder order) const {
  std::string_view text = Text(column);
  if (text.empty()) return std::optional<core::Date>();
  auto date = ParseFlexibleDate(text, order);
  if (!date) return core::Fail(CellError(*column, date.error().message));
  return std::optional<core::Date>(*date);
}

core::Result<std::optional<core::Timestamp>> CsvTable::Time(std::optional<size_t> column,
                                                            DateOrder order) const {
  std::string_view text = Text(column);
  if (text.empty()) return std::optional<core::Timestamp>();
  auto time = ParseFlexibleTimestamp(text, order);
  if (!time) return core::Fail(CellError(*column, time.error().message));
  return std::optional<core::Timestamp>(*time);
}

core::Result<std::optional<bool>> CsvTable::Bool(std::optional<size_t> column) const {
  std::string_view text = Text(column);
  if (text.empty()) return std::optional<bool>();
  for (auto yes : {"true", "1", "yes"}) {
    if (EqualsIgnoreCase(text, yes)) return std::optional<bool>(true);
  }
  for (auto no : {"false", "0", "no"}) {
    if (EqualsIgnoreCase(text, no)) return std::optional<bool>(false);
  }
  return core::Fail(CellError(*column, "cannot read true/false " + Quoted(text)));
}

}  // namespace buyalign::crm
