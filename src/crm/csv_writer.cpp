#include "crm/csv_writer.hpp"

namespace buyalign::crm {

core::Result<CsvWriter> CsvWriter::Create(const std::filesystem::path& path,
                                          const std::vector<std::string_view>& header) {
  CsvWriter writer(path);
  writer.out_.open(path, std::ios::binary | std::ios::trunc);
  if (!writer.out_) {
    return core::Fail(core::Error::Internal(path.string() + ": cannot create the file"));
  }
  writer.Write(header);
  return writer;
}

template <class Strings>
void CsvWriter::Write(const Strings& fields) {
  line_.clear();
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line_ += ',';
    line_ += '"';
    for (char c : fields[i]) {
      if (c == '"') line_ += '"';
      line_ += c;
    }
    line_ += '"';
  }
  line_ += "\r\n";
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

void CsvWriter::Row(const std::vector<std::string>& fields) { Write(fields); }

core::Status CsvWriter::Close() {
  out_.close();
  if (!out_) return core::Fail(core::Error::Internal(path_.string() + ": cannot write the file"));
  return {};
}

}  // namespace buyalign::crm
