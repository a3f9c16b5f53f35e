#include "http/import_form.hpp"

#include <algorithm>
#include <array>

#include "core/enum_names.hpp"

namespace buyalign::http {
namespace {

constexpr std::array<std::string_view, 3> kDateOrderNames{"auto", "day_first", "month_first"};
constexpr size_t kMaxFileName = 200;

// A name the upload folder can hold as is: no directory part, nothing the shell or a terminal
// would treat specially.
core::Status CheckFileName(std::string_view name) {
  auto bad = [&](std::string why) {
    return core::Fail(core::Error::Invalid(
        "file name \"" + std::string(name.substr(0, 60)) + "\": " + why, "files"));
  };
  if (name.empty()) return bad("a file part needs a file name");
  if (name == "." || name == "..") return bad("not a file name");
  if (name.size() > kMaxFileName) return bad("longer than 200 bytes");
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F || c == '/' || c == '\\') {
      return bad("control characters and slashes are not allowed");
    }
  }
  return {};
}

}  // namespace

core::Result<ImportForm> ReadImportForm(const std::vector<FormPart>& parts) {
  ImportForm form;
  std::optional<std::string_view> kind, date_order, mapping;
  std::string mapping_name = "mapping";
  for (const FormPart& part : parts) {
    if (part.name == "mapping") {
      if (mapping) return core::Fail(core::Error::Invalid("one mapping per import", "mapping"));
      mapping = part.body;
      if (part.has_filename && !part.filename.empty()) mapping_name = part.filename;
    } else if (part.has_filename) {
      if (auto ok = CheckFileName(part.filename); !ok) return core::Fail(ok.error());
      const bool repeated =
          std::any_of(form.files.begin(), form.files.end(),
                      [&](const auto& file) { return file.name == part.filename; });
      if (repeated) {
        return core::Fail(
            core::Error::Invalid("the file " + part.filename + " was uploaded twice", "files"));
      }
      form.files.push_back({part.filename, part.body});
    } else if (part.name == "kind") {
      kind = part.body;
    } else if (part.name == "date_order") {
      date_order = part.body;
    } else {
      return core::Fail(
          core::Error::Invalid("unknown form field \"" + part.name.substr(0, 60) +
                                   "\"; the form has kind, date_order, mapping and files",
                               part.name));
    }
  }
  if (!kind) return core::Fail(core::Error::Invalid("say which export this is", "kind"));
  auto parsed_kind = core::ParseEnum<crm::UploadKind>(crm::kUploadKindNames, *kind);
  if (!parsed_kind) {
    return core::Fail(
        core::Error::Invalid("must be " + core::JoinNames(crm::kUploadKindNames), "kind"));
  }
  form.kind = *parsed_kind;
  if (date_order) {
    auto order = core::ParseEnum<crm::DateOrder>(kDateOrderNames, *date_order);
    if (!order) {
      return core::Fail(
          core::Error::Invalid("must be " + core::JoinNames(kDateOrderNames), "date_order"));
    }
    form.date_order = *order;
  }
  if (form.kind == crm::UploadKind::kCsv) {
    if (!mapping) {
      return core::Fail(core::Error::Invalid(
          "a csv import needs the column mapping (TOML) that says how to read it", "mapping"));
    }
    auto parsed = crm::CsvMapping::Parse(*mapping, mapping_name);
    if (!parsed) {
      core::Error error = parsed.error();
      error.field = "mapping";
      return core::Fail(std::move(error));
    }
    form.mapping = std::move(*parsed);
  } else if (mapping) {
    return core::Fail(core::Error::Invalid("only a csv import takes a mapping", "mapping"));
  }
  if (form.files.empty()) {
    return core::Fail(core::Error::Invalid("no file was uploaded", "files"));
  }
  return form;
}

}  // namespace buyalign::http
