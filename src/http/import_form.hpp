#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crm/csv_mapping.hpp"
#include "crm/upload_import.hpp"
#include "http/multipart.hpp"

namespace buyalign::http {

// The form of POST /api/v1/imports, checked: which importer, how to read dates, the mapping of
// a CSV import, and the files. File bodies point into the request body.
struct ImportForm {
  struct File {
    std::string name;
    std::string_view body;
  };
  crm::UploadKind kind = crm::UploadKind::kSalesforce;
  crm::DateOrder date_order = crm::DateOrder::kAuto;
  std::optional<crm::CsvMapping> mapping;
  std::vector<File> files;
};

// Reads the parts of the form:
//   kind        salesforce, hubspot or csv (required)
//   date_order  auto (default), day_first or month_first
//   mapping     the column mapping (TOML) of a csv import, as a file or a text field (required
//               for csv, refused for the others)
//   files       the export files, one part each with its file name (any part with a file name
//               other than the mapping is a file)
// Fails with kInvalidArgument naming the field: a missing or unknown kind or date order, an
// unknown field, a mapping that does not parse (its own error), no file, a file without a name,
// a name that is not a plain file name ("..", control characters, over 200 bytes) or repeats
// another.
core::Result<ImportForm> ReadImportForm(const std::vector<FormPart>& parts);

}  // namespace buyalign::http
