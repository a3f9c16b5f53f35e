#include "crm/salesforce_export.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <system_error>

#include "crm/csv_writer.hpp"
#include "crm/salesforce_vocabulary.hpp"

namespace buyalign::crm {
namespace {

using core::Status;

std::string Number(std::optional<double> value) {
  if (!value) return {};
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *value);
  return std::string(buffer, end);
}

std::string Integer(std::optional<int64_t> value) {
  return value ? std::to_string(*value) : std::string();
}

// Salesforce's own spelling of a moment: "2026-03-04T09:30:00.000+0000".
std::string SalesforceTime(std::optional<core::Timestamp> at) {
  if (!at) return {};
  std::string text = core::FormatTimestamp(*at);  // "...T09:30:00Z"
  text.pop_back();
  return text + ".000+0000";
}

std::string Day(std::optional<core::Date> date) { return date ? core::FormatDate(*date) : ""; }

// "Jean-Luc de la Tour" -> ("Jean-Luc", "de la Tour"); one word is a last name. Joined back with
// one space by the import, so the name survives the round trip.
std::pair<std::string, std::string> SplitName(const std::string& name) {
  size_t space = name.find(' ');
  if (space == std::string::npos || space == 0) return {"", name};
  return {name.substr(0, space), name.substr(space + 1)};
}

// Writes each record type to its file as the store's scan reaches it.
class ExportVisitor : public storage::Store::RecordVisitor {
 public:
  ExportVisitor(const StageTable& stages, const ActivityRules& activities)
      : stages_(stages), activities_(activities) {}

  Status Open(const std::filesystem::path& dir) {
    struct Spec {
      std::optional<CsvWriter>* writer;
      const char* file;
      std::vector<std::string_view> header;
    };
    Spec specs[] = {
        {&users_, "User.csv", {"Id", "FirstName", "LastName", "Email", "Title", "Department"}},
        {&accounts_,
         "Account.csv",
         {"Id", "Name", "Industry", "NumberOfEmployees", "BillingCountry", "Segment__c"}},
        {&contacts_,
         "Contact.csv",
         {"Id", "AccountId", "FirstName", "LastName", "Title", "Email", "Persona__c"}},
        {&opportunities_,
         "Opportunity.csv",
         {"Id", "AccountId", "Name", "StageName", "Amount", "CurrencyIsoCode", "CloseDate",
          "IsClosed", "IsWon", "OwnerId", "CreatedDate"}},
        {&roles_,
         "OpportunityContactRole.csv",
         {"Id", "OpportunityId", "ContactId", "Role", "IsPrimary", "Influence__c", "Stance__c"}},
        {&history_,
         "OpportunityHistory.csv",
         {"Id", "OpportunityId", "StageName", "Amount", "Probability", "CreatedDate"}},
        {&tasks_,
         "Task.csv",
         {"Id", "WhatId", "WhoId", "OwnerId", "Subject", "Type", "Status", "ActivityDate",
          "CompletedDateTime", "CallDurationInSeconds"}},
        {&events_,
         "Event.csv",
         {"Id", "WhatId", "WhoId", "OwnerId", "Subject", "Type", "ActivityDate", "ActivityDateTime",
          "DurationInMinutes"}},
    };
    for (auto& spec : specs) {
      auto writer = CsvWriter::Create(dir / spec.file, spec.header);
      if (!writer) return core::Fail(writer.error());
      spec.writer->emplace(std::move(*writer));
    }
    return {};
  }

  // Writes the opportunities (held back until their stage history was seen) and the contact roles
  // (held back to pick each opportunity's primary one), and closes the files.
  Status Close() {
    WriteRoles();
    for (const auto& o : opportunities_held_) {
      bool closed = o.status != domain::OpportunityStatus::kOpen;
      bool won = o.status == domain::OpportunityStatus::kWon;
      opportunities_->Row({o.id, o.account_id, o.name, StageName(o), Number(o.amount), o.currency,
                           Day(o.expected_close), closed ? "true" : "false", won ? "true" : "false",
                           o.owner, SalesforceTime(o.created_at)});
    }
    for (auto* writer : {&users_, &accounts_, &contacts_, &opportunities_, &roles_, &history_,
                         &tasks_, &events_}) {
      if (auto closed = (*writer)->Close(); !closed) return closed;
    }
    return {};
  }

  Status Visit(const domain::Team& team) override {
    team_names_[team.id] = team.name;
    return {};
  }
  Status Visit(const domain::User& user) override {
    auto [first, last] = SplitName(user.name);
    auto team = team_names_.find(user.team);
    users_->Row({user.id, first, last, user.email, std::string(SalesforceTitleFor(user.role)),
                 team != team_names_.end() ? team->second : std::string()});
    return {};
  }
  Status Visit(const domain::Account& a) override {
    accounts_->Row({a.id, a.name, a.industry, Integer(a.employees), a.country, a.segment});
    return {};
  }
  Status Visit(const domain::Contact& c) override {
    auto [first, last] = SplitName(c.name);
    contacts_->Row({c.id, c.account_id, first, last, c.title, c.email, c.persona});
    return {};
  }
  Status Visit(const domain::ContentItem&) override { return {}; }
  Status Visit(const domain::Opportunity& o) override {
    opportunities_held_.push_back(o);
    return {};
  }
  Status Visit(const domain::DmuMember& m) override {
    roles_held_.push_back(m);
    return {};
  }
  Status Visit(const domain::Signal&) override { return {}; }
  // Meetings become events (a start and a duration), the rest completed tasks.
  Status Visit(const domain::Activity& a) override {
    const std::string who = a.contact_ids.empty() ? "" : a.contact_ids.front();
    const std::string day = core::FormatDate(std::chrono::floor<std::chrono::days>(a.at));
    if (activities_.IsEvent(a.kind)) {
      events_->Row({a.id, a.opportunity_id, who, a.owner, a.note, activities_.Label(a.kind), day,
                    SalesforceTime(a.at), Integer(a.duration_min)});
      return {};
    }
    std::optional<int64_t> seconds;
    if (a.duration_min) seconds = *a.duration_min * 60;
    tasks_->Row({a.id, a.opportunity_id, who, a.owner, a.note, activities_.Label(a.kind),
                 "Completed", day, SalesforceTime(a.at), Integer(seconds)});
    return {};
  }
  Status Visit(const domain::ContentShare&) override { return {}; }
  Status Visit(const domain::Outcome&) override { return {}; }
  Status Visit(const domain::StageChange& c) override {
    std::optional<double> percent;
    if (c.probability) percent = *c.probability * 100;
    history_->Row({c.opportunity_id + "-" + std::to_string(core::ToUnixSeconds(c.at)),
                   c.opportunity_id, c.stage, Number(c.amount), Number(percent),
                   SalesforceTime(c.at)});
    latest_stage_[c.opportunity_id] = c.stage;  // the scan is ordered by (opportunity, at)
    return {};
  }

 private:
  const StageTable& stages_;
  const ActivityRules& activities_;
  // The stage to write: the latest of its history when that agrees with its status (an unknown
  // stage name agrees with open), else the first stage of its status in the table.
  std::string StageName(const domain::Opportunity& o) const {
    auto latest = latest_stage_.find(o.id);
    if (latest != latest_stage_.end()) {
      const StageTable::Stage* known = stages_.Find(latest->second);
      bool agrees = known != nullptr ? known->status == o.status
                                     : o.status == domain::OpportunityStatus::kOpen;
      if (agrees) return latest->second;
    }
    return std::string(stages_.NameFor(o.status));
  }

  // Salesforce allows one primary contact role per opportunity: the member with the most influence
  // (the first of them on a tie), which the import reads back as that influence. Roles arrive
  // grouped by opportunity. Salesforce keys contact roles by their own Id; ours is (opportunity,
  // contact).
  void WriteRoles() {
    for (size_t begin = 0; begin < roles_held_.size();) {
      size_t end = begin;
      size_t primary = begin;
      while (end < roles_held_.size() &&
             roles_held_[end].opportunity_id == roles_held_[begin].opportunity_id) {
        if (roles_held_[end].influence > roles_held_[primary].influence) primary = end;
        ++end;
      }
      for (size_t i = begin; i < end; ++i) {
        const domain::DmuMember& m = roles_held_[i];
        roles_->Row({m.opportunity_id + "-" + m.contact_id, m.opportunity_id, m.contact_id,
                     std::string(SalesforceRoleLabel(m.role)), i == primary ? "true" : "false",
                     Number(m.influence),
                     std::string(core::EnumName(domain::kStanceNames, m.stance))});
      }
      begin = end;
    }
  }

  std::vector<domain::Opportunity> opportunities_held_;
  std::vector<domain::DmuMember> roles_held_;
  std::map<std::string, std::string> team_names_;
  std::map<std::string, std::string> latest_stage_;
  std::optional<CsvWriter> users_, accounts_, contacts_, opportunities_, roles_, history_, tasks_,
      events_;
};

}  // namespace

core::Status ExportSalesforce(storage::Store& store, const std::filesystem::path& dir,
                              const StageTable& stages, const ActivityRules& activities) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return core::Fail(core::Error::Internal(dir.string() + ": " + ec.message()));
  ExportVisitor visitor(stages, activities);
  if (auto opened = visitor.Open(dir); !opened) return opened;
  if (auto scanned = store.ScanAll(visitor); !scanned) return scanned;
  return visitor.Close();
}

}  // namespace buyalign::crm
