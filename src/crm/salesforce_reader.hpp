#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>

#include "crm/known_ids.hpp"
#include "crm/row_loop.hpp"
#include "crm/salesforce_import.hpp"

namespace buyalign::crm {

// The work of ReadSalesforceExport: one method per Salesforce object, called in dependency
// order, each appending to one CrmBatch. It remembers the ids read and the ids of skipped rows,
// so a row that refers to a skipped record is skipped too rather than failing. Single use, not
// safe for concurrent use.
class SalesforceReader {
 public:
  SalesforceReader(const SalesforceOptions& options, storage::Store* existing, size_t total_bytes)
      : options_(options), known_(existing), progress_(options.progress, total_bytes) {}

  core::Status ReadUsers(CsvTable& table);
  core::Status ReadAccounts(CsvTable& table);
  core::Status ReadContacts(CsvTable& table);
  core::Status ReadOpportunities(CsvTable& table);
  core::Status ReadContactRoles(CsvTable& table);
  // Task.csv and Event.csv: the same shape apart from their time and duration columns.
  core::Status ReadActivities(CsvTable& table);
  core::Status ReadHistory(CsvTable& table);

  CrmBatch Take() { return std::move(batch_); }

 private:
  // A required reference: an empty cell is the caller's business; an id neither read nor known
  // to the store fails naming the cell.
  core::Status CheckReference(const CsvTable& table, size_t column, IdKind kind,
                              std::string_view what);
  // The owner id if it names a known user, else empty (and counted as unmapped).
  std::string Owner(const CsvTable& table, std::optional<size_t> column);
  // The person's name from Name, or FirstName and LastName.
  static std::string PersonName(const CsvTable& table, std::optional<size_t> name,
                                std::optional<size_t> first, std::optional<size_t> last);
  core::Status Duplicate(const CsvTable& table, size_t column, std::string_view what);

  const SalesforceOptions& options_;
  KnownIds known_;
  FileProgress progress_;
  CrmBatch batch_;
  std::unordered_set<std::string> skipped_contacts_;
  std::unordered_set<std::string> skipped_opportunities_;
  std::unordered_set<std::string> activity_ids_;
  std::set<std::pair<std::string, std::string>> dmu_keys_;
  std::set<std::pair<std::string, int64_t>> history_keys_;
};

}  // namespace buyalign::crm
