#pragma once

#include <filesystem>

#include "crm/activity_rules.hpp"
#include "crm/stage_table.hpp"
#include "storage/store.hpp"

namespace buyalign::crm {

// Writes the store as a Salesforce data export into `dir` (created if needed): User.csv,
// Account.csv, Contact.csv, Opportunity.csv, OpportunityContactRole.csv, OpportunityHistory.csv
// (stage changes), Task.csv and Event.csv (activities: meetings, as ActivityRules::IsEvent says,
// are events with their start and duration, the rest completed tasks), with the headers
// ReadSalesforceExport reads, so export
// -> import gives the same records. Values Salesforce has no standard field for go to custom fields
// (Segment__c, Persona__c, Influence__c, Stance__c); a user's role is written as a Title and a team
// as a Department; an opportunity's stage is the latest of its stage history when that agrees with
// its status, else the first stage of its status in `stages`; an activity's kind is its label in
// `activities` (Type); a contact role is primary (IsPrimary) when it has the most influence in its
// opportunity. Limits: a task names one contact (WhoId), so an activity with several
// contacts keeps its first; outcomes and signals have no Salesforce file (an outcome is the
// opportunity's IsWon/IsClosed). Fails with kInternal when a file cannot be written; files already
// written are left in place.
core::Status ExportSalesforce(storage::Store& store, const std::filesystem::path& dir,
                              const StageTable& stages = StageTable::SalesforceDefault(),
                              const ActivityRules& activities = ActivityRules::Default());

}  // namespace buyalign::crm
