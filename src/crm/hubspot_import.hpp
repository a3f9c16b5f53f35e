#pragma once

#include <filesystem>
#include <string_view>

#include "crm/crm_batch.hpp"
#include "crm/flexible_date.hpp"
#include "storage/store.hpp"

namespace buyalign::crm {

struct HubSpotOptions {
  DateOrder date_order = DateOrder::kAuto;
  ImportProgress progress;
};

// Reads HubSpot's CSV exports of companies, contacts and deals from `dir`: the files whose names
// contain "compan", "contact" and "deal" (HubSpot names them like
// "hubspot-crm-exports-all-deals-2026-03-01.csv"), each optional. Headers are HubSpot's labels:
// Record ID, Company name (or Name), Industry, Number of Employees, Country/Region; First Name,
// Last Name, Email, Job Title, Associated Company IDs (or Associated Company, a name); Deal Name,
// Deal Stage, Amount, Close Date, Deal owner, Create Date, Associated Company IDs, Associated
// Contact IDs, Pipeline. Association cells are ';'-separated id lists; the first known company
// is the account.
//
// Deal stages closedwon / Closed Won -> won, closedlost / Closed Lost -> lost (with an outcome at
// the close date), others open (unknown ones counted). Deal owners (names) become users with the
// rep role. Associated contacts become DMU members with the role `other` (HubSpot has no contact
// roles). A contact or deal without any known company is skipped with the reason; an unreadable
// value or a missing required column fails the import naming the file, line and column.
core::Result<CrmBatch> ReadHubSpotExport(const std::filesystem::path& dir,
                                         const HubSpotOptions& options = {},
                                         storage::Store* existing = nullptr);

// Whether ReadHubSpotExport reads a file of this name (a .csv naming companies, contacts or deals).
bool IsHubSpotExportFile(std::string_view filename);

core::Result<ImportReport> ImportHubSpot(storage::Store& store, const std::filesystem::path& dir,
                                         const HubSpotOptions& options = {});

}  // namespace buyalign::crm
