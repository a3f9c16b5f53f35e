#include "crm/salesforce_reader.hpp"

#include "crm/salesforce_vocabulary.hpp"
#include "crm/source_error.hpp"
#include "crm/text_util.hpp"

namespace buyalign::crm {
namespace {

using domain::OpportunityStatus;

constexpr std::string_view kEmptyAccount = "no AccountId (Buyalign needs an account)";

// The influence of the primary contact role when Influence__c does not say: the contact the rep
// deals with most weighs more than an average member (0.5), though not as much as a sole
// decision maker. IsPrimary says nothing about whether they favour us, so the stance is kept.
constexpr double kPrimaryInfluence = 0.8;

template <class T>
void Append(std::vector<storage::Sourced<T>>& into, T record, int64_t line) {
  into.push_back({std::move(record), line});
}

}  // namespace

core::Status SalesforceReader::CheckReference(const CsvTable& table, size_t column, IdKind kind,
                                              std::string_view what) {
  std::string_view id = table.Text(column);
  if (known_.Has(kind, id)) return {};
  return core::Fail(table.CellError(
      column,
      "no " + std::string(what) + " with Id " + Quoted(id) + " in this export or in the database",
      core::ErrorCode::kUnknownReference));
}

core::Status SalesforceReader::Duplicate(const CsvTable& table, size_t column,
                                         std::string_view what) {
  return core::Fail(table.CellError(column, "duplicate Id " + Quoted(table.Text(column)) +
                                                ": another " + std::string(what) +
                                                " above has it"));
}

std::string SalesforceReader::Owner(const CsvTable& table, std::optional<size_t> column) {
  std::string_view id = table.Text(column);
  if (id.empty()) return {};
  if (known_.Has(IdKind::kUser, id)) return std::string(id);
  batch_.report.Value(ValueEvent::kUnmapped, table.name(), "OwnerId", id,
                      "no owner (not in User.csv)");
  return {};
}

std::string SalesforceReader::PersonName(const CsvTable& table, std::optional<size_t> name,
                                         std::optional<size_t> first, std::optional<size_t> last) {
  if (name && !table.Text(name).empty()) return std::string(table.Text(name));
  std::string first_name(table.Text(first));
  std::string_view last_name = table.Text(last);
  if (first_name.empty()) return std::string(last_name);
  if (last_name.empty()) return first_name;
  return first_name + " " + std::string(last_name);
}

core::Status SalesforceReader::ReadUsers(CsvTable& table) {
  auto id = table.Require("Id");
  if (!id) return core::Fail(id.error());
  auto name = table.Find("Name");
  auto first = table.Find("FirstName");
  auto last = table.Find("LastName");
  if (!name && !last) return core::Fail(table.Require("LastName").error());
  auto email = table.Find("Email");
  auto title = table.Find("Title");
  auto department = table.Find("Department");
  return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
    domain::User user;
    user.id = row.Text(*id);
    if (user.id.empty()) return core::Fail(row.CellError(*id, "empty Id"));
    if (!known_.Add(IdKind::kUser, user.id)) return Duplicate(row, *id, "user");
    user.name = PersonName(row, name, first, last);
    if (user.name.empty()) user.name = user.id;
    user.email = row.Text(email);
    user.role = UserRoleFromTitle(row.Text(title));
    std::string_view team_name = row.Text(department);
    if (!team_name.empty()) {
      user.team = "team-" + Slug(team_name);
      if (known_.Add(IdKind::kTeam, user.team)) {
        Append(batch_.records.teams, domain::Team{user.team, std::string(team_name)}, row.line());
      }
    }
    Append(batch_.records.users, std::move(user), row.line());
    return {};
  });
}

core::Status SalesforceReader::ReadAccounts(CsvTable& table) {
  auto id = table.Require("Id");
  if (!id) return core::Fail(id.error());
  auto name = table.Require("Name");
  if (!name) return core::Fail(name.error());
  auto industry = table.Find("Industry");
  auto employees = table.Find("NumberOfEmployees");
  auto country = table.FindAny({"BillingCountry", "ShippingCountry"});
  auto segment = table.Find("Segment__c");
  return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
    domain::Account account;
    account.id = row.Text(*id);
    if (account.id.empty()) return core::Fail(row.CellError(*id, "empty Id"));
    if (!known_.Add(IdKind::kAccount, account.id)) return Duplicate(row, *id, "account");
    account.name = row.Text(*name);
    if (account.name.empty()) return core::Fail(row.CellError(*name, "empty account name"));
    account.industry = row.Text(industry);
    auto count = row.Integer(employees);
    if (!count) return core::Fail(count.error());
    account.employees = *count;
    account.country = row.Text(country);
    account.segment = row.Text(segment);
    Append(batch_.records.accounts, std::move(account), row.line());
    return {};
  });
}

core::Status SalesforceReader::ReadContacts(CsvTable& table) {
  auto id = table.Require("Id");
  if (!id) return core::Fail(id.error());
  auto account_id = table.Require("AccountId");
  if (!account_id) return core::Fail(account_id.error());
  auto name = table.Find("Name");
  auto first = table.Find("FirstName");
  auto last = table.Find("LastName");
  if (!name && !last) return core::Fail(table.Require("LastName").error());
  auto title = table.Find("Title");
  auto email = table.Find("Email");
  auto persona = table.Find("Persona__c");
  return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
    domain::Contact contact;
    contact.id = row.Text(*id);
    if (contact.id.empty()) return core::Fail(row.CellError(*id, "empty Id"));
    if (known_.InBatch(IdKind::kContact, contact.id) || skipped_contacts_.count(contact.id)) {
      return Duplicate(row, *id, "contact");
    }
    contact.account_id = row.Text(*account_id);
    if (contact.account_id.empty()) {
      skipped_contacts_.insert(contact.id);
      batch_.report.Skip(row.name(), row.line(), kEmptyAccount);
      return {};
    }
    if (auto ref = CheckReference(row, *account_id, IdKind::kAccount, "account"); !ref) return ref;
    known_.Add(IdKind::kContact, contact.id);
    contact.name = PersonName(row, name, first, last);
    if (contact.name.empty()) return core::Fail(row.RowError("the contact has no name"));
    contact.title = row.Text(title);
    contact.email = row.Text(email);
    contact.persona = row.Text(persona);
    Append(batch_.records.contacts, std::move(contact), row.line());
    return {};
  });
}

core::Status SalesforceReader::ReadOpportunities(CsvTable& table) {
  auto id = table.Require("Id");
  if (!id) return core::Fail(id.error());
  auto account_id = table.Require("AccountId");
  if (!account_id) return core::Fail(account_id.error());
  auto name = table.Require("Name");
  if (!name) return core::Fail(name.error());
  auto stage = table.Require("StageName");
  if (!stage) return core::Fail(stage.error());
  auto amount = table.Find("Amount");
  auto close_date = table.Find("CloseDate");
  auto is_won = table.Find("IsWon");
  auto is_closed = table.Find("IsClosed");
  auto owner = table.Find("OwnerId");
  auto created = table.Find("CreatedDate");
  auto currency = table.Find("CurrencyIsoCode");
  DateOrder order = options_.date_order;
  return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
    domain::Opportunity opp;
    opp.id = row.Text(*id);
    if (opp.id.empty()) return core::Fail(row.CellError(*id, "empty Id"));
    if (known_.InBatch(IdKind::kOpportunity, opp.id) || skipped_opportunities_.count(opp.id)) {
      return Duplicate(row, *id, "opportunity");
    }
    opp.account_id = row.Text(*account_id);
    if (opp.account_id.empty()) {
      skipped_opportunities_.insert(opp.id);
      batch_.report.Skip(row.name(), row.line(), kEmptyAccount);
      return {};
    }
    if (auto ref = CheckReference(row, *account_id, IdKind::kAccount, "account"); !ref) return ref;
    known_.Add(IdKind::kOpportunity, opp.id);
    opp.name = row.Text(*name);
    if (opp.name.empty()) return core::Fail(row.CellError(*name, "empty opportunity name"));
    auto value = row.Number(amount);
    if (!value) return core::Fail(value.error());
    opp.amount = *value;
    auto close = row.Date(close_date, order);
    if (!close) return core::Fail(close.error());
    opp.expected_close = *close;
    auto created_at = row.Time(created, order);
    if (!created_at) return core::Fail(created_at.error());
    opp.created_at = *created_at;
    opp.currency = row.Text(currency);
    opp.owner = Owner(row, owner);

    std::string_view stage_name = row.Text(*stage);
    const StageTable::Stage* known_stage = options_.stages.Find(stage_name);
    auto won = row.Bool(is_won);
    if (!won) return core::Fail(won.error());
    auto closed = row.Bool(is_closed);
    if (!closed) return core::Fail(closed.error());
    if (closed->has_value()) {
      opp.status =
          !**closed ? OpportunityStatus::kOpen
                    : (won->value_or(false) ? OpportunityStatus::kWon : OpportunityStatus::kLost);
    } else if (known_stage != nullptr) {
      opp.status = known_stage->status;
    }
    if (known_stage == nullptr) {
      batch_.report.Value(ValueEvent::kUnmapped, row.name(), "StageName", stage_name,
                          closed->has_value() ? "status from IsWon/IsClosed" : "open");
    }
    if (opp.status != OpportunityStatus::kOpen) {
      std::optional<core::Timestamp> at;
      if (opp.expected_close) at = core::Timestamp{*opp.expected_close};
      if (!at) at = opp.created_at;
      if (at) {
        domain::Outcome outcome;
        outcome.opportunity_id = opp.id;
        outcome.status = opp.status;
        outcome.at = *at;
        outcome.amount = opp.amount;
        Append(batch_.records.outcomes, std::move(outcome), row.line());
      } else {
        batch_.report.Value(ValueEvent::kDefaulted, row.name(), "CloseDate", "",
                            "closed without a date: no outcome record");
      }
    }
    Append(batch_.records.opportunities, std::move(opp), row.line());
    return {};
  });
}

core::Status SalesforceReader::ReadContactRoles(CsvTable& table) {
  auto opportunity_id = table.Require("OpportunityId");
  if (!opportunity_id) return core::Fail(opportunity_id.error());
  auto contact_id = table.Require("ContactId");
  if (!contact_id) return core::Fail(contact_id.error());
  auto role = table.Find("Role");
  auto influence = table.Find("Influence__c");
  auto stance = table.Find("Stance__c");
  auto primary = table.Find("IsPrimary");
  return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
    domain::DmuMember member;
    member.opportunity_id = row.Text(*opportunity_id);
    member.contact_id = row.Text(*contact_id);
    if (member.opportunity_id.empty() || member.contact_id.empty()) {
      batch_.report.Skip(row.name(), row.line(), "no OpportunityId or ContactId");
      return {};
    }
    if (skipped_opportunities_.count(member.opportunity_id)) {
      batch_.report.Skip(row.name(), row.line(), "its opportunity was skipped");
      return {};
    }
    if (skipped_contacts_.count(member.contact_id)) {
      batch_.report.Skip(row.name(), row.line(), "its contact was skipped");
      return {};
    }
    auto opp_ref = CheckReference(row, *opportunity_id, IdKind::kOpportunity, "opportunity");
    if (!opp_ref) return opp_ref;
    if (auto ref = CheckReference(row, *contact_id, IdKind::kContact, "contact"); !ref) return ref;
    if (!dmu_keys_.emplace(member.opportunity_id, member.contact_id).second) {
      batch_.report.Skip(row.name(), row.line(),
                         "the contact already has a role in this opportunity (first kept)");
      return {};
    }
    std::string_view label = row.Text(role);
    if (auto mapped = DmuRoleFromSalesforce(label)) {
      member.role = *mapped;
    } else {
      batch_.report.Value(label.empty() ? ValueEvent::kDefaulted : ValueEvent::kUnmapped,
                          row.name(), "Role", label, "other");
    }
    auto weight = row.Number(influence);
    if (!weight) return core::Fail(weight.error());
    if (*weight) {
      if (**weight < 0 || **weight > 1) {
        return core::Fail(row.CellError(*influence, "influence must be between 0 and 1"));
      }
      member.influence = **weight;
    } else {
      auto is_primary = row.Bool(primary);
      if (!is_primary) return core::Fail(is_primary.error());
      if (is_primary->value_or(false)) {
        member.influence = kPrimaryInfluence;
        batch_.report.Value(ValueEvent::kDefaulted, row.name(), "Influence__c", "",
                            "0.8 for the primary contact (IsPrimary)");
      }
    }
    std::string_view stance_text = row.Text(stance);
    if (!stance_text.empty()) {
      auto parsed = core::ParseEnum<domain::Stance>(domain::kStanceNames, ToLower(stance_text));
      if (parsed) {
        member.stance = *parsed;
      } else {
        batch_.report.Value(ValueEvent::kUnmapped, row.name(), "Stance__c", stance_text, "neutral");
      }
    }
    Append(batch_.records.dmu_members, std::move(member), row.line());
    return {};
  });
}

}  // namespace buyalign::crm
