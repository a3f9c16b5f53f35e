#include "crm/hubspot_import.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include "crm/known_ids.hpp"
#include "crm/row_loop.hpp"
#include "crm/source_error.hpp"
#include "crm/text_util.hpp"

namespace buyalign::crm {
namespace {

using domain::OpportunityStatus;

// HubSpot's default sales pipeline, internal ids and labels.
constexpr std::array<std::string_view, 10> kOpenStages{
    "appointmentscheduled",  "qualifiedtobuy",         "presentationscheduled",
    "decisionmakerboughtin", "contractsent",           "Appointment Scheduled",
    "Qualified To Buy",      "Presentation Scheduled", "Decision Maker Bought-In",
    "Contract Sent"};

std::vector<std::string_view> SplitIds(std::string_view cell) {
  std::vector<std::string_view> ids;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find(';', start);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view id = Trim(cell.substr(start, end - start));
    if (!id.empty()) ids.push_back(id);
    start = end + 1;
  }
  return ids;
}

// The work of ReadHubSpotExport; single use, not thread-safe.
class HubSpotReader {
 public:
  HubSpotReader(const HubSpotOptions& options, storage::Store* existing, size_t total)
      : options_(options), known_(existing), progress_(options.progress, total) {}

  core::Status ReadCompanies(CsvTable& table) {
    auto id = table.Require("Record ID");
    if (!id) return core::Fail(id.error());
    auto name = table.FindAny({"Company name", "Name"});
    if (!name) return core::Fail(table.Require("Company name").error());
    auto industry = table.Find("Industry");
    auto employees = table.Find("Number of Employees");
    auto country = table.FindAny({"Country/Region", "Country"});
    return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
      domain::Account account;
      account.id = row.Text(*id);
      if (account.id.empty()) return core::Fail(row.CellError(*id, "empty Record ID"));
      if (!known_.Add(IdKind::kAccount, account.id)) {
        return core::Fail(row.CellError(*id, "duplicate Record ID " + Quoted(account.id)));
      }
      account.name = row.Text(*name);
      if (account.name.empty()) return core::Fail(row.CellError(*name, "empty company name"));
      company_by_name_.emplace(account.name, account.id);
      account.industry = row.Text(industry);
      auto count = row.Integer(employees);
      if (!count) return core::Fail(count.error());
      account.employees = *count;
      account.country = row.Text(country);
      batch_.records.accounts.push_back({std::move(account), row.line()});
      return {};
    });
  }

  core::Status ReadContacts(CsvTable& table) {
    auto id = table.Require("Record ID");
    if (!id) return core::Fail(id.error());
    auto first = table.Find("First Name");
    auto last = table.Find("Last Name");
    auto email = table.Find("Email");
    auto title = table.Find("Job Title");
    auto company_ids = table.FindAny({"Associated Company IDs", "Associated Company ID",
                                      "Associated Company IDs (Primary)", "Company ID"});
    auto company_name = table.FindAny({"Associated Company", "Company Name"});
    if (!company_ids && !company_name) {
      return core::Fail(table.Require("Associated Company IDs").error());
    }
    return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
      domain::Contact contact;
      contact.id = row.Text(*id);
      if (contact.id.empty()) return core::Fail(row.CellError(*id, "empty Record ID"));
      if (known_.InBatch(IdKind::kContact, contact.id) || skipped_contacts_.count(contact.id)) {
        return core::Fail(row.CellError(*id, "duplicate Record ID " + Quoted(contact.id)));
      }
      contact.account_id = Company(row, company_ids, company_name);
      if (contact.account_id.empty()) {
        skipped_contacts_.insert(contact.id);
        batch_.report.Skip(row.name(), row.line(), "no known associated company");
        return {};
      }
      known_.Add(IdKind::kContact, contact.id);
      std::string name(row.Text(first));
      std::string_view last_name = row.Text(last);
      if (!name.empty() && !last_name.empty()) name += ' ';
      name += last_name;
      contact.email = row.Text(email);
      contact.name = name.empty() ? contact.email : name;
      if (contact.name.empty()) return core::Fail(row.RowError("the contact has no name or email"));
      contact.title = row.Text(title);
      contact_account_[contact.id] = contact.account_id;
      batch_.records.contacts.push_back({std::move(contact), row.line()});
      return {};
    });
  }

  core::Status ReadDeals(CsvTable& table) {
    auto id = table.Require("Record ID");
    if (!id) return core::Fail(id.error());
    auto name = table.Require("Deal Name");
    if (!name) return core::Fail(name.error());
    auto stage = table.Require("Deal Stage");
    if (!stage) return core::Fail(stage.error());
    auto amount = table.Find("Amount");
    auto close = table.Find("Close Date");
    auto owner = table.FindAny({"Deal owner", "Deal Owner"});
    auto created = table.Find("Create Date");
    auto company_ids = table.FindAny(
        {"Associated Company IDs", "Associated Company ID", "Associated Company IDs (Primary)"});
    auto company_name = table.Find("Associated Company");
    auto contact_ids = table.Find("Associated Contact IDs");
    auto pipeline = table.Find("Pipeline");
    auto currency = table.FindAny({"Currency", "Deal Currency Code"});
    DateOrder order = options_.date_order;
    return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
      domain::Opportunity deal;
      deal.id = row.Text(*id);
      if (deal.id.empty()) return core::Fail(row.CellError(*id, "empty Record ID"));
      if (!deal_ids_.insert(deal.id).second) {
        return core::Fail(row.CellError(*id, "duplicate Record ID " + Quoted(deal.id)));
      }
      std::vector<std::string> contacts;
      for (auto contact : SplitIds(row.Text(contact_ids))) {
        if (known_.Has(IdKind::kContact, contact)) {
          contacts.emplace_back(contact);
        } else {
          batch_.report.Value(ValueEvent::kUnmapped, row.name(), "Associated Contact IDs",
                              "(a contact not in the export)", "association ignored");
        }
      }
      deal.account_id = Company(row, company_ids, company_name);
      if (deal.account_id.empty() && !contacts.empty()) {
        auto it = contact_account_.find(contacts.front());
        if (it != contact_account_.end()) {
          deal.account_id = it->second;
          batch_.report.Value(ValueEvent::kDefaulted, row.name(), "Associated Company IDs", "",
                              "the company of the first associated contact");
        }
      }
      if (deal.account_id.empty()) {
        batch_.report.Skip(row.name(), row.line(), "no known associated company");
        return {};
      }
      known_.Add(IdKind::kOpportunity, deal.id);
      deal.name = row.Text(*name);
      if (deal.name.empty()) return core::Fail(row.CellError(*name, "empty deal name"));
      auto value = row.Number(amount);
      if (!value) return core::Fail(value.error());
      deal.amount = *value;
      auto close_date = row.Date(close, order);
      if (!close_date) return core::Fail(close_date.error());
      deal.expected_close = *close_date;
      auto created_at = row.Time(created, order);
      if (!created_at) return core::Fail(created_at.error());
      deal.created_at = *created_at;
      deal.currency = row.Text(currency);
      deal.owner = Owner(row.Text(owner), row.line());
      deal.status = Status(row, row.Text(*stage));
      if (std::string_view name_of_pipeline = row.Text(pipeline); !name_of_pipeline.empty()) {
        pipelines_.insert(std::string(name_of_pipeline));
      }
      for (auto& contact : contacts) {
        domain::DmuMember member;
        member.opportunity_id = deal.id;
        member.contact_id = contact;
        batch_.report.Value(ValueEvent::kDefaulted, row.name(), "DMU role", "",
                            "other (HubSpot has no contact roles)");
        batch_.records.dmu_members.push_back({std::move(member), row.line()});
      }
      if (deal.status != OpportunityStatus::kOpen) {
        std::optional<core::Timestamp> at = deal.created_at;
        if (deal.expected_close) at = core::Timestamp{*deal.expected_close};
        if (at) {
          domain::Outcome outcome;
          outcome.opportunity_id = deal.id;
          outcome.status = deal.status;
          outcome.at = *at;
          outcome.amount = deal.amount;
          batch_.records.outcomes.push_back({std::move(outcome), row.line()});
        }
      }
      batch_.records.opportunities.push_back({std::move(deal), row.line()});
      return {};
    });
  }

  CrmBatch Take() {
    for (const auto& pipeline : pipelines_)
      batch_.report.Note("deals read from pipeline " + pipeline);
    return std::move(batch_);
  }

 private:
  // The first associated company id that is known, else the company with that name.
  std::string Company(const CsvTable& row, std::optional<size_t> ids, std::optional<size_t> name) {
    for (auto id : SplitIds(row.Text(ids))) {
      if (known_.Has(IdKind::kAccount, id)) return std::string(id);
    }
    auto it = company_by_name_.find(std::string(row.Text(name)));
    return it != company_by_name_.end() ? it->second : std::string();
  }

  OpportunityStatus Status(const CsvTable& row, std::string_view stage) {
    if (EqualsIgnoreCase(stage, "closedwon") || EqualsIgnoreCase(stage, "Closed Won")) {
      return OpportunityStatus::kWon;
    }
    if (EqualsIgnoreCase(stage, "closedlost") || EqualsIgnoreCase(stage, "Closed Lost")) {
      return OpportunityStatus::kLost;
    }
    bool known = false;
    for (auto open : kOpenStages) known = known || EqualsIgnoreCase(stage, open);
    if (!known) batch_.report.Value(ValueEvent::kUnmapped, row.name(), "Deal Stage", stage, "open");
    return OpportunityStatus::kOpen;
  }

  // Deal owners are names; each becomes a user (rep) with an id derived from the name.
  std::string Owner(std::string_view name, int64_t line) {
    if (name.empty()) return {};
    std::string id = "hubspot-owner-" + Slug(name);
    if (known_.Add(IdKind::kUser, id)) {
      domain::User user;
      user.id = id;
      user.name = name;
      batch_.records.users.push_back({std::move(user), line});
    }
    return id;
  }

  const HubSpotOptions& options_;
  KnownIds known_;
  FileProgress progress_;
  CrmBatch batch_;
  std::unordered_map<std::string, std::string> company_by_name_;
  std::unordered_map<std::string, std::string> contact_account_;
  std::set<std::string> skipped_contacts_;
  std::set<std::string> deal_ids_;
  std::set<std::string> pipelines_;
};

// The words that name the three exports in their file names (lower case).
constexpr std::array<std::string_view, 3> kKinds{"compan", "contact", "deal"};

}  // namespace

bool IsHubSpotExportFile(std::string_view filename) {
  std::filesystem::path path(filename);
  if (path.extension() != ".csv") return false;
  std::string name = ToLower(filename);
  return std::any_of(kKinds.begin(), kKinds.end(),
                     [&](std::string_view kind) { return name.find(kind) != std::string::npos; });
}

core::Result<CrmBatch> ReadHubSpotExport(const std::filesystem::path& dir,
                                         const HubSpotOptions& options, storage::Store* existing) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return core::Fail(core::Error::NotFound(dir.string() + ": not a directory"));
  }
  std::array<std::filesystem::path, 3> files;
  size_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = ToLower(entry.path().filename().string());
    if (entry.path().extension() != ".csv") continue;
    for (size_t k = 0; k < kKinds.size(); ++k) {
      if (name.find(kKinds[k]) == std::string::npos) continue;
      if (!files[k].empty()) {
        return core::Fail(core::Error::Invalid(
            dir.string() + ": two files look like the " + std::string(kKinds[k]) + " export: " +
            files[k].filename().string() + " and " + entry.path().filename().string()));
      }
      files[k] = entry.path();
      total += entry.file_size(ec);
    }
  }
  if (files[0].empty() && files[1].empty() && files[2].empty()) {
    return core::Fail(core::Error::Invalid(
        dir.string() + ": no HubSpot export files (companies, contacts, deals .csv)"));
  }
  HubSpotReader reader(options, existing, total);
  using ReadFn = core::Status (HubSpotReader::*)(CsvTable&);
  constexpr std::array<ReadFn, 3> kRead{&HubSpotReader::ReadCompanies, &HubSpotReader::ReadContacts,
                                        &HubSpotReader::ReadDeals};
  std::vector<std::string> absent;
  for (size_t k = 0; k < kKinds.size(); ++k) {
    if (files[k].empty()) {
      absent.push_back(std::string(kKinds[k]) + "* export: absent, skipped");
      continue;
    }
    auto table = CsvTable::Open(files[k]);
    if (!table) return core::Fail(table.error());
    if (auto read = (reader.*kRead[k])(*table); !read) return core::Fail(read.error());
  }
  CrmBatch batch = reader.Take();
  for (auto& note : absent) batch.report.Note(std::move(note));
  return batch;
}

core::Result<ImportReport> ImportHubSpot(storage::Store& store, const std::filesystem::path& dir,
                                         const HubSpotOptions& options) {
  auto batch = ReadHubSpotExport(dir, options, &store);
  if (!batch) return core::Fail(batch.error());
  return StoreCrmBatch(store, std::move(*batch), options.progress);
}

}  // namespace buyalign::crm
