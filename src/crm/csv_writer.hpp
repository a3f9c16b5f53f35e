#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace buyalign::crm {

// Writes one RFC 4180 CSV file: every field quoted (as Salesforce's own exports do, so embedded
// separators, quotes and newlines need no special case), quotes doubled, CRLF line ends, UTF-8
// without a byte order mark. Not safe for concurrent use.
class CsvWriter {
 public:
  // Creates or truncates `path` and writes the header row.
  static core::Result<CsvWriter> Create(const std::filesystem::path& path,
                                        const std::vector<std::string_view>& header);

  void Row(const std::vector<std::string>& fields);
  // Flushes and closes; fails with kInternal when the disk refused a write.
  core::Status Close();

 private:
  explicit CsvWriter(std::filesystem::path path) : path_(std::move(path)) {}
  template <class Strings>
  void Write(const Strings& fields);

  std::filesystem::path path_;
  std::ofstream out_;
  std::string line_;
};

}  // namespace buyalign::crm
