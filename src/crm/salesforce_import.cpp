#include "crm/salesforce_import.hpp"

#include <array>
#include <system_error>

#include "crm/salesforce_reader.hpp"

namespace buyalign::crm {
namespace {

using ReadFn = core::Status (SalesforceReader::*)(CsvTable&);

struct ObjectFile {
  std::string_view file;
  ReadFn read;
};

// Dependency order: what a file refers to is read before it.
constexpr std::array<ObjectFile, 8> kFiles{{
    {"User.csv", &SalesforceReader::ReadUsers},
    {"Account.csv", &SalesforceReader::ReadAccounts},
    {"Contact.csv", &SalesforceReader::ReadContacts},
    {"Opportunity.csv", &SalesforceReader::ReadOpportunities},
    {"OpportunityContactRole.csv", &SalesforceReader::ReadContactRoles},
    {"Task.csv", &SalesforceReader::ReadActivities},
    {"Event.csv", &SalesforceReader::ReadActivities},
    {"OpportunityHistory.csv", &SalesforceReader::ReadHistory},
}};

}  // namespace

std::vector<std::string_view> SalesforceExportFiles() {
  std::vector<std::string_view> names;
  for (const auto& object : kFiles) names.push_back(object.file);
  return names;
}

core::Result<CrmBatch> ReadSalesforceExport(const std::filesystem::path& dir,
                                            const SalesforceOptions& options,
                                            storage::Store* existing) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return core::Fail(core::Error::NotFound(dir.string() + ": not a directory"));
  }
  size_t total_bytes = 0;
  bool any = false;
  for (const auto& object : kFiles) {
    auto size = std::filesystem::file_size(dir / object.file, ec);
    if (!ec) {
      total_bytes += size;
      any = true;
    }
  }
  if (!any) {
    return core::Fail(core::Error::Invalid(
        dir.string() + ": no Salesforce export files (Account.csv, Opportunity.csv, ...)"));
  }
  SalesforceReader reader(options, existing, total_bytes);
  std::vector<std::string> absent;
  for (const auto& object : kFiles) {
    std::filesystem::path path = dir / object.file;
    if (!std::filesystem::exists(path, ec)) {
      absent.emplace_back(object.file);
      continue;
    }
    auto table = CsvTable::Open(path);
    if (!table) return core::Fail(table.error());
    if (auto read = (reader.*object.read)(*table); !read) return core::Fail(read.error());
  }
  CrmBatch batch = reader.Take();
  for (const auto& file : absent) batch.report.Note(file + ": absent, skipped");
  return batch;
}

core::Result<ImportReport> ImportSalesforce(storage::Store& store, const std::filesystem::path& dir,
                                            const SalesforceOptions& options) {
  auto batch = ReadSalesforceExport(dir, options, &store);
  if (!batch) return core::Fail(batch.error());
  return StoreCrmBatch(store, std::move(*batch), options.progress);
}

}  // namespace buyalign::crm
