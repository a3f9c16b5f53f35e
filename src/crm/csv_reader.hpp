#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

struct csv_parser;

namespace buyalign::crm {

struct CsvOptions {
  // The field separator; 0 sniffs it from the header line: the most frequent of ',', ';' and TAB
  // outside quotes (',' on a tie), which is how spreadsheet exports in comma-decimal locales are
  // told apart from the rest.
  char separator = 0;
};

// One data record: its fields and the physical line (1-based, counting every line of the file
// including the header and blank lines) where it starts, so a record with an embedded newline is
// named by its first line.
struct CsvRecord {
  int64_t line = 0;
  std::vector<std::string> fields;
};

// Reads an RFC 4180 CSV file with a header row, one record at a time. The tokenising is done by
// libcsv (strict mode); this class adds what libcsv does not know: the UTF-8 byte order mark, the
// separator sniffing, the header, physical line numbers, and the check that every record has as
// many fields as the header. CRLF and LF line ends are both accepted; spaces and tabs around an
// unquoted field are trimmed (libcsv's rule), inside quotes they are kept.
//
// The whole file is held in memory (CRM exports are tens of megabytes at most). A CsvReader is
// movable, not copyable, and not safe for concurrent use.
class CsvReader {
 public:
  // Reads `path` and its header row. Fails with kNotFound when the file cannot be opened and with
  // kInvalidArgument (naming the file, line and column) when the header is empty or malformed.
  static core::Result<CsvReader> Open(const std::filesystem::path& path,
                                      const CsvOptions& options = {});
  // The same over text already in memory; `name` names the source in errors.
  static core::Result<CsvReader> FromText(std::string name, std::string text,
                                          const CsvOptions& options = {});

  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;
  ~CsvReader();

  // The file name used in errors (no directory).
  const std::string& name() const { return name_; }
  // The header's column names, trimmed.
  const std::vector<std::string>& header() const { return header_; }
  int64_t header_line() const { return header_line_; }
  char separator() const { return separator_; }

  // Reads the next record into `record`. Returns true when it read one and false at the end.
  // Fails with kInvalidArgument naming the line and column: a quote inside an unquoted field,
  // text after a closing quote, a quoted field that never ends, or a record whose number of
  // fields differs from the header's (a ragged row).
  core::Result<bool> Next(CsvRecord& record);

  // Progress: bytes consumed so far and the file's size.
  size_t bytes_read() const { return pos_; }
  size_t total_bytes() const { return text_.size(); }

 private:
  struct ParserDeleter {
    void operator()(csv_parser* parser) const;
  };

  CsvReader(std::string name, std::string text);
  core::Status Start(const CsvOptions& options);
  // Feeds physical lines to libcsv until a record is complete or the text ends.
  core::Status Fill();
  core::Error ParseError(int64_t line, std::string_view what) const;
  core::Status CheckWidth(const CsvRecord& record) const;

  static void OnField(void* data, size_t size, void* self);
  static void OnRecordEnd(int terminator, void* self);

  std::string name_;
  std::string text_;
  size_t pos_ = 0;
  int64_t line_ = 0;  // the physical line last fed to the parser
  char separator_ = ',';
  std::vector<std::string> header_;
  int64_t header_line_ = 0;
  std::unique_ptr<csv_parser, ParserDeleter> parser_;
  bool in_record_ = false;  // a record has begun and not ended
  bool finished_ = false;   // the parser has seen the whole text
  CsvRecord building_;
  std::deque<CsvRecord> ready_;
};

}  // namespace buyalign::crm
