#include "crm/upload_import.hpp"

#include <algorithm>

#include "crm/hubspot_import.hpp"
#include "crm/mapped_import.hpp"
#include "crm/salesforce_import.hpp"

namespace buyalign::crm {
namespace {

// Importers name their input folder in some messages; an upload's folder is the server's
// business, so it reads as "the upload".
core::Error WithoutFolder(core::Error error, const std::filesystem::path& dir) {
  for (const std::string& folder : {dir.string() + "/", dir.string()}) {
    for (size_t at = error.message.find(folder); at != std::string::npos;
         at = error.message.find(folder, at)) {
      const bool bare = folder.back() != '/';
      error.message.replace(at, folder.size(), bare ? "the upload" : "");
    }
  }
  return error;
}

// A mapping with one source, or whose sources name no file, reads the one CSV uploaded whatever
// its name; else each source reads the file it names.
bool ReadsOneFile(const CsvMapping& mapping) {
  return mapping.sources.size() == 1 ||
         std::none_of(mapping.sources.begin(), mapping.sources.end(),
                      [](const SourceSpec& source) { return !source.file.empty(); });
}

// The files of `upload` the importer reads, by the importer's own rule.
std::vector<std::string> FilesRead(const UploadImport& upload) {
  std::vector<std::string> read;
  for (const std::string& file : upload.files) {
    bool used = false;
    switch (upload.kind) {
      case UploadKind::kSalesforce: {
        const auto names = SalesforceExportFiles();
        used = std::find(names.begin(), names.end(), file) != names.end();
        break;
      }
      case UploadKind::kHubSpot:
        used = IsHubSpotExportFile(file);
        break;
      case UploadKind::kCsv:
        used = ReadsOneFile(*upload.mapping) ||
               std::any_of(upload.mapping->sources.begin(), upload.mapping->sources.end(),
                           [&](const SourceSpec& source) { return source.file == file; });
        break;
    }
    if (used) read.push_back(file);
  }
  return read;
}

core::Result<CrmBatch> Read(storage::Store& store, const UploadImport& upload,
                            const ImportProgress& progress) {
  switch (upload.kind) {
    case UploadKind::kSalesforce: {
      SalesforceOptions options;
      options.date_order = upload.date_order;
      options.progress = progress;
      return ReadSalesforceExport(upload.dir, options, &store);
    }
    case UploadKind::kHubSpot: {
      HubSpotOptions options;
      options.date_order = upload.date_order;
      options.progress = progress;
      return ReadHubSpotExport(upload.dir, options, &store);
    }
    case UploadKind::kCsv: {
      std::filesystem::path input = upload.dir;
      if (ReadsOneFile(*upload.mapping)) {
        if (upload.files.size() != 1) {
          return core::Fail(
              core::Error::Invalid("mapping " + upload.mapping->name + " reads one CSV file; " +
                                       std::to_string(upload.files.size()) + " were uploaded",
                                   "files"));
        }
        input /= upload.files.front();
      }
      CsvMapping mapping = *upload.mapping;
      if (upload.date_order != DateOrder::kAuto) mapping.date_order = upload.date_order;
      return ReadMappedCsv(input, mapping, &store, progress);
    }
  }
  return core::Fail(core::Error::Internal("unknown upload kind"));
}

}  // namespace

core::Result<ImportReport> RunUploadImport(storage::Store& store, const UploadImport& upload,
                                           const ImportProgress& progress) {
  if (upload.kind == UploadKind::kCsv && !upload.mapping) {
    return core::Fail(core::Error::Invalid("a CSV import needs a mapping", "mapping"));
  }
  auto batch = Read(store, upload, progress);
  if (!batch) return core::Fail(WithoutFolder(batch.error(), upload.dir));
  const std::vector<std::string> read = FilesRead(upload);
  for (const std::string& file : upload.files) {
    if (std::find(read.begin(), read.end(), file) == read.end()) {
      batch->report.Note(file + ": not a file this import reads, ignored");
    }
  }
  auto report = StoreCrmBatch(store, std::move(*batch), progress, upload.actor);
  if (!report) return core::Fail(WithoutFolder(report.error(), upload.dir));
  return report;
}

}  // namespace buyalign::crm
