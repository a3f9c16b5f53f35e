#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/crm_batch.hpp"
#include "crm/csv_mapping.hpp"
#include "crm/flexible_date.hpp"
#include "storage/audit.hpp"

namespace buyalign::crm {

// The importers an upload may ask for, by the name a form sends.
enum class UploadKind { kSalesforce, kHubSpot, kCsv };
inline constexpr std::array<std::string_view, 3> kUploadKindNames{"salesforce", "hubspot", "csv"};

// Files someone uploaded for one import (POST /api/v1/imports), saved under their own names in
// `dir`, and how to read them: the same importers as `buyalign import salesforce|hubspot|csv`.
struct UploadImport {
  UploadKind kind = UploadKind::kSalesforce;
  std::filesystem::path dir;
  std::vector<std::string> files;     // the names in `dir`
  std::optional<CsvMapping> mapping;  // kCsv only
  DateOrder date_order = DateOrder::kAuto;
  storage::Actor actor = storage::Actor::System();
};

// Reads the uploaded files with the importer of `upload.kind` and stores them in one transaction
// (all of it or nothing), auditing the import as `upload.actor`. Files the importer does not read
// (a Salesforce export holds many objects Buyalign has no use for) are listed in the report's
// notes. A kCsv upload needs a mapping; a mapping whose sources name no file reads the one CSV
// uploaded. Errors are those of the importer, naming the file, line and column; messages never
// show `dir`, only the files' own names.
core::Result<ImportReport> RunUploadImport(storage::Store& store, const UploadImport& upload,
                                           const ImportProgress& progress = {});

}  // namespace buyalign::crm
