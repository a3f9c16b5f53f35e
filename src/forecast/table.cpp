#include "forecast/table.hpp"

#include <algorithm>
#include <cctype>

#include "crm/csv_reader.hpp"

namespace buyalign::forecast {
namespace {

bool EqualIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::optional<size_t> Table::Find(std::string_view name) const {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (EqualIgnoringCase(names[i], name)) return i;
  }
  return std::nullopt;
}

void Table::AddRow(std::vector<std::string> fields, int64_t line) {
  for (size_t c = 0; c < columns.size(); ++c) columns[c].push_back(std::move(fields[c]));
  lines.push_back(line);
}

core::Result<Table> ReadCsvTable(const std::filesystem::path& path) {
  const std::string file = path.filename().string();
  if (std::error_code ec;
      std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) == 0 && !ec) {
    return core::Fail(core::Error::Invalid(file + ": the file is empty"));
  }
  auto reader = crm::CsvReader::Open(path);
  if (!reader) return core::Fail(reader.error());
  Table table;
  table.source = file;
  table.names = reader->header();
  for (size_t i = 0; i < table.names.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (table.names[i] == table.names[j]) {
        return core::Fail(core::Error::Invalid(
            file + ": column \"" + table.names[i] + "\" appears twice in the header",
            table.names[i]));
      }
    }
  }
  table.columns.resize(table.names.size());
  crm::CsvRecord record;
  while (true) {
    auto more = reader->Next(record);
    if (!more) return core::Fail(more.error());
    if (!*more) break;
    table.AddRow(std::move(record.fields), record.line);
  }
  if (table.rows() == 0) {
    return core::Fail(core::Error::Invalid(file + ": the file has a header but no data rows"));
  }
  return table;
}

}  // namespace buyalign::forecast
