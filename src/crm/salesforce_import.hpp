#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "crm/activity_rules.hpp"
#include "crm/crm_batch.hpp"
#include "crm/flexible_date.hpp"
#include "crm/stage_table.hpp"
#include "storage/store.hpp"

namespace buyalign::crm {

struct SalesforceOptions {
  StageTable stages = StageTable::SalesforceDefault();
  ActivityRules activities = ActivityRules::Default();
  DateOrder date_order = DateOrder::kAuto;
  ImportProgress progress;
};

// Reads a Salesforce data export folder: User.csv, Account.csv, Contact.csv, Opportunity.csv,
// OpportunityContactRole.csv, Task.csv, Event.csv and OpportunityHistory.csv, each optional (an
// absent file is a note in the report), with Salesforce's API field names as headers.
//
// What becomes what: users (Title -> role, Department -> team), accounts, contacts,
// opportunities (IsWon/IsClosed -> status, else the stage table; closed ones also get an outcome
// at their CloseDate), contact roles -> DMU members (role labels mapped, unknown ones -> other;
// Influence__c as influence, else 0.8 for the primary role (IsPrimary) and the default 0.5),
// tasks and events related to an opportunity -> activities (kind from ActivityRules), and
// opportunity history -> stage changes.
//
// Rows that cannot be represented are skipped with a reason (a contact or opportunity without an
// account, a task not related to an opportunity, ...); values without a mapping are counted.
// Anything that would make the import wrong fails the whole import with an error naming the
// file, line and column: a missing required column, broken quoting, an unreadable date or
// number, a duplicate Id, or a reference to an account, contact or opportunity that is neither
// in the export nor in `existing` (may be null).
core::Result<CrmBatch> ReadSalesforceExport(const std::filesystem::path& dir,
                                            const SalesforceOptions& options = {},
                                            storage::Store* existing = nullptr);

// The files ReadSalesforceExport reads, in the order it reads them.
std::vector<std::string_view> SalesforceExportFiles();

// Reads the export and stores it in `store` in one transaction: all of it or nothing.
core::Result<ImportReport> ImportSalesforce(storage::Store& store, const std::filesystem::path& dir,
                                            const SalesforceOptions& options = {});

}  // namespace buyalign::crm
