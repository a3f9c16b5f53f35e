#include "crm/csv_reader.hpp"

#include <csv.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "crm/source_error.hpp"

namespace buyalign::crm {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

// The first line's most frequent separator outside quotes; ',' when none or on a tie.
char SniffSeparator(std::string_view text) {
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    if (c == '\t') ++tabs;
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

}  // namespace

void CsvReader::ParserDeleter::operator()(csv_parser* parser) const {
  csv_free(parser);
  delete parser;
}

CsvReader::CsvReader(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {}
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;

core::Result<CsvReader> CsvReader::Open(const std::filesystem::path& path,
                                        const CsvOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::Fail(core::Error::NotFound(path.string() + ": cannot open the file"));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return core::Fail(core::Error::Internal(path.string() + ": cannot read the file"));
  return FromText(path.filename().string(), std::move(buffer).str(), options);
}

core::Result<CsvReader> CsvReader::FromText(std::string name, std::string text,
                                            const CsvOptions& options) {
  CsvReader reader(std::move(name), std::move(text));
  if (auto started = reader.Start(options); !started) return core::Fail(started.error());
  return reader;
}

core::Status CsvReader::Start(const CsvOptions& options) {
  if (std::string_view(text_).substr(0, kBom.size()) == kBom) pos_ = kBom.size();
  separator_ = options.separator != 0 ? options.separator
                                      : SniffSeparator(std::string_view(text_).substr(pos_));
  parser_.reset(new csv_parser);
  if (csv_init(parser_.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
    parser_.reset();
    return core::Fail(core::Error::Internal("cannot start the CSV parser"));
  }
  csv_set_delim(parser_.get(), static_cast<unsigned char>(separator_));
  CsvRecord header;
  auto read = Next(header);
  if (!read) return core::Fail(read.error());
  if (!*read)
    return core::Fail(ErrorAt(name_, 1, 0, {}, "the file is empty: expected a header row"));
  header_line_ = header.line;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string column = Trim(header.fields[i]);
    for (size_t j = 0; j < header_.size(); ++j) {
      if (!column.empty() && header_[j] == column) {
        return core::Fail(ErrorAt(
            name_, header_line_, i + 1, column,
            "the column appears twice in the header (also column " + std::to_string(j + 1) + ")"));
      }
    }
    header_.push_back(std::move(column));
  }
  return {};
}

void CsvReader::OnField(void* data, size_t size, void* self) {
  auto* reader = static_cast<CsvReader*>(self);
  if (!reader->in_record_) {
    // A record that begins after a lone CR on the same physical line.
    reader->in_record_ = true;
    reader->building_.line = reader->line_;
  }
  reader->building_.fields.emplace_back(static_cast<const char*>(data), size);
}

void CsvReader::OnRecordEnd(int, void* self) {
  auto* reader = static_cast<CsvReader*>(self);
  reader->ready_.push_back(std::move(reader->building_));
  reader->building_ = CsvRecord{};
  reader->in_record_ = false;
}

core::Error CsvReader::ParseError(int64_t line, std::string_view what) const {
  size_t column = building_.fields.size() + 1;
  std::string column_name = column <= header_.size() ? header_[column - 1] : std::string();
  return ErrorAt(name_, line, column, column_name, what);
}

core::Status CsvReader::Fill() {
  while (ready_.empty() && !finished_) {
    if (pos_ >= text_.size()) {
      finished_ = true;
      int64_t start = building_.line;
      if (csv_fini(parser_.get(), OnField, OnRecordEnd, this) != 0 ||
          csv_error(parser_.get()) == CSV_EPARSE) {
        return core::Fail(ParseError(start, "a quoted field is never closed (missing \")"));
      }
      break;
    }
    size_t end = text_.find('\n', pos_);
    end = end == std::string::npos ? text_.size() : end + 1;
    std::string_view line(text_.data() + pos_, end - pos_);
    ++line_;
    if (!in_record_ && !IsBlank(line)) {
      in_record_ = true;
      building_.line = line_;
    }
    size_t parsed = csv_parse(parser_.get(), line.data(), line.size(), OnField, OnRecordEnd, this);
    if (parsed < line.size()) {
      if (csv_error(parser_.get()) != CSV_EPARSE) {
        return core::Fail(
            core::Error::Internal(name_ + ": " + csv_strerror(csv_error(parser_.get()))));
      }
      size_t from = parsed > 12 ? parsed - 12 : 0;
      std::string near(line.substr(from, parsed + 1 - from));
      std::erase_if(near, [](char c) { return c == '\r' || c == '\n'; });
      return core::Fail(ParseError(
          line_, "malformed quoting near " + Quoted(near) +
                     " (a quote inside an unquoted field, or text after a closing quote; a quote "
                     "inside a field is written as two quotes and the field is quoted)"));
    }
    pos_ = end;
  }
  return {};
}

core::Status CsvReader::CheckWidth(const CsvRecord& record) const {
  if (record.fields.size() == header_.size()) return {};
  size_t column = std::min(record.fields.size(), header_.size()) + 1;
  std::string column_name = column <= header_.size() ? header_[column - 1] : std::string();
  return core::Fail(ErrorAt(name_, record.line, column, column_name,
                            "the record has " + std::to_string(record.fields.size()) +
                                " fields but the header has " + std::to_string(header_.size())));
}

core::Result<bool> CsvReader::Next(CsvRecord& record) {
  if (auto filled = Fill(); !filled) return core::Fail(filled.error());
  if (ready_.empty()) return false;
  record = std::move(ready_.front());
  ready_.pop_front();
  if (header_line_ > 0) {
    if (auto width = CheckWidth(record); !width) return core::Fail(width.error());
  }
  return true;
}

}  // namespace buyalign::crm
