// Task.csv, Event.csv and OpportunityHistory.csv: the time-stamped Salesforce objects.
#include "crm/salesforce_reader.hpp"
#include "crm/source_error.hpp"

namespace buyalign::crm {

core::Status SalesforceReader::ReadActivities(CsvTable& table) {
  auto id = table.Require("Id");
  if (!id) return core::Fail(id.error());
  auto what_id = table.Require("WhatId");
  if (!what_id) return core::Fail(what_id.error());
  auto who_id = table.Find("WhoId");
  auto subject = table.Find("Subject");
  auto type = table.FindAny({"Type", "TaskSubtype", "EventSubtype"});
  auto description = table.Find("Description");
  auto owner = table.Find("OwnerId");
  // The most precise moment first: a task's completion, an event's start, then the day.
  auto exact_time = table.FindAny({"CompletedDateTime", "ActivityDateTime", "StartDateTime"});
  auto day = table.Find("ActivityDate");
  auto created = table.Find("CreatedDate");
  auto minutes = table.Find("DurationInMinutes");
  auto call_seconds = table.Find("CallDurationInSeconds");
  DateOrder order = options_.date_order;
  return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
    domain::Activity activity;
    activity.id = row.Text(*id);
    if (activity.id.empty()) return core::Fail(row.CellError(*id, "empty Id"));
    activity.opportunity_id = row.Text(*what_id);
    if (activity.opportunity_id.empty()) {
      batch_.report.Skip(row.name(), row.line(), "not related to an opportunity (empty WhatId)");
      return {};
    }
    if (skipped_opportunities_.count(activity.opportunity_id)) {
      batch_.report.Skip(row.name(), row.line(), "its opportunity was skipped");
      return {};
    }
    if (!known_.Has(IdKind::kOpportunity, activity.opportunity_id)) {
      // Tasks hang off accounts, cases and campaigns too; only opportunity work is selling work
      // the engine can place on the buying cycle.
      batch_.report.Skip(row.name(), row.line(),
                         "WhatId is not an imported opportunity (an account, case, ...)");
      return {};
    }
    std::optional<core::Timestamp> at;
    for (auto column : {exact_time, day, created}) {
      auto time = row.Time(column, order);
      if (!time) return core::Fail(time.error());
      if (*time) {
        at = *time;
        break;
      }
    }
    if (!at) {
      batch_.report.Skip(row.name(), row.line(), "no date (ActivityDate, CreatedDate)");
      return {};
    }
    activity.at = *at;
    std::string_view who = row.Text(who_id);
    if (!who.empty()) {
      if (known_.Has(IdKind::kContact, who)) {
        activity.contact_ids.emplace_back(who);
      } else {
        batch_.report.Value(ValueEvent::kUnmapped, row.name(), "WhoId",
                            who.substr(0, 3) == "00Q" ? "(a lead)" : "(an unknown contact)",
                            "activity kept without a contact");
      }
    }
    std::string_view subject_text = row.Text(subject);
    std::string_view type_text = row.Text(type);
    auto match = options_.activities.Classify(type_text, subject_text);
    if (!match.mapped) {
      batch_.report.Value(ValueEvent::kUnmapped, row.name(), "Subject/Type",
                          std::string(type_text) + " / " + std::string(subject_text), match.kind);
    }
    activity.kind = match.kind;
    activity.note = subject_text;
    if (std::string_view more = row.Text(description); !more.empty()) {
      activity.note += activity.note.empty() ? "" : "\n";
      activity.note += more;
    }
    auto duration = row.Integer(minutes);
    if (!duration) return core::Fail(duration.error());
    activity.duration_min = *duration;
    if (!activity.duration_min) {
      auto seconds = row.Integer(call_seconds);
      if (!seconds) return core::Fail(seconds.error());
      if (*seconds) activity.duration_min = (**seconds + 30) / 60;
    }
    activity.owner = Owner(row, owner);
    if (!activity_ids_.insert(activity.id).second) return Duplicate(row, *id, "task or event");
    batch_.records.activities.push_back({std::move(activity), row.line()});
    return {};
  });
}

core::Status SalesforceReader::ReadHistory(CsvTable& table) {
  auto opportunity_id = table.Require("OpportunityId");
  if (!opportunity_id) return core::Fail(opportunity_id.error());
  auto stage = table.Require("StageName");
  if (!stage) return core::Fail(stage.error());
  auto created = table.Require("CreatedDate");
  if (!created) return core::Fail(created.error());
  auto amount = table.Find("Amount");
  auto probability = table.Find("Probability");
  DateOrder order = options_.date_order;
  return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
    domain::StageChange change;
    change.opportunity_id = row.Text(*opportunity_id);
    if (change.opportunity_id.empty() || !known_.Has(IdKind::kOpportunity, change.opportunity_id)) {
      // History outlives deleted opportunities; it is no error that they are not exported.
      batch_.report.Skip(row.name(), row.line(), "its opportunity is not imported");
      return {};
    }
    change.stage = row.Text(*stage);
    auto at = row.Time(*created, order);
    if (!at) return core::Fail(at.error());
    if (!*at) return core::Fail(row.CellError(*created, "empty CreatedDate"));
    change.at = **at;
    auto value = row.Number(amount);
    if (!value) return core::Fail(value.error());
    change.amount = *value;
    const StageTable::Stage* known_stage = options_.stages.Find(change.stage);
    if (known_stage == nullptr) {
      batch_.report.Value(ValueEvent::kUnmapped, row.name(), "StageName", change.stage,
                          "kept as is");
    }
    auto percent = row.Number(probability);
    if (!percent) return core::Fail(percent.error());
    if (*percent) {
      if (**percent < 0 || **percent > 100) {
        return core::Fail(row.CellError(*probability, "probability must be between 0 and 100"));
      }
      change.probability = **percent / 100.0;
    } else if (known_stage != nullptr) {
      change.probability = known_stage->probability;
    }
    if (!history_keys_.emplace(change.opportunity_id, core::ToUnixSeconds(change.at)).second) {
      batch_.report.Skip(row.name(), row.line(),
                         "same opportunity and time as an earlier history row");
      return {};
    }
    batch_.records.stage_changes.push_back({std::move(change), row.line()});
    return {};
  });
}

}  // namespace buyalign::crm
