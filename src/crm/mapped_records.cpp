#include "crm/mapped_records.hpp"

#include <charconv>
#include <cmath>

#include "crm/source_error.hpp"

namespace buyalign::crm {

std::optional<double> ParseDecimal(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string_view MappedRow::Get(std::string_view field) const {
  auto it = values.find(field);
  return it == values.end() ? std::string_view() : std::string_view(it->second);
}

core::Error MappedRow::Error(std::string_view field, std::string_view message) const {
  auto it = columns.find(field);
  if (it != columns.end()) return table->CellError(it->second, message);
  return table->RowError(std::string(field) + ": " + std::string(message));
}

namespace {

core::Result<std::optional<double>> Number(const MappedRow& row, std::string_view field) {
  std::string_view text = row.Get(field);
  if (text.empty()) return std::optional<double>();
  auto value = ParseDecimal(text);
  if (!value) return core::Fail(row.Error(field, "cannot read number " + Quoted(text)));
  return value;
}

}  // namespace

core::Result<domain::Team> BuildTeam(const MappedRow& row) {
  return domain::Team{std::string(row.Get("id")), std::string(row.Get("name"))};
}

core::Result<domain::User> BuildUser(const MappedRow& row) {
  domain::User user;
  user.id = row.Get("id");
  user.name = row.Get("name");
  user.email = row.Get("email");
  user.team = row.Get("team");
  if (std::string_view role = row.Get("role"); !role.empty()) {
    auto parsed = core::ParseEnum<domain::UserRole>(domain::kUserRoleNames, role);
    if (!parsed) {
      return core::Fail(row.Error(
          "role",
          "role must be " + core::JoinNames(domain::kUserRoleNames) + ", not " + Quoted(role)));
    }
    user.role = *parsed;
  }
  return user;
}

core::Result<domain::Account> BuildAccount(const MappedRow& row) {
  domain::Account account;
  account.id = row.Get("id");
  account.name = row.Get("name");
  account.industry = row.Get("industry");
  account.country = row.Get("country");
  account.segment = row.Get("segment");
  auto employees = Number(row, "employees");
  if (!employees) return core::Fail(employees.error());
  if (*employees) {
    if (**employees != std::floor(**employees) || **employees < 0) {
      return core::Fail(
          row.Error("employees", "cannot read whole number " + Quoted(row.Get("employees"))));
    }
    account.employees = static_cast<int64_t>(**employees);
  }
  return account;
}

core::Result<domain::Contact> BuildContact(const MappedRow& row) {
  domain::Contact contact;
  contact.id = row.Get("id");
  contact.account_id = row.Get("account_id");
  contact.name = row.Get("name");
  contact.title = row.Get("title");
  contact.email = row.Get("email");
  contact.persona = row.Get("persona");
  return contact;
}

core::Result<domain::Opportunity> BuildOpportunity(const MappedRow& row, DateOrder order) {
  domain::Opportunity opp;
  opp.id = row.Get("id");
  opp.account_id = row.Get("account_id");
  opp.name = row.Get("name");
  opp.owner = row.Get("owner");
  opp.currency = row.Get("currency");
  auto amount = Number(row, "amount");
  if (!amount) return core::Fail(amount.error());
  opp.amount = *amount;
  std::string_view status = row.Get("status");
  auto parsed = core::ParseEnum<domain::OpportunityStatus>(domain::kOpportunityStatusNames, status);
  if (!parsed) {
    return core::Fail(row.Error("status", "status must be open, won or lost, not " +
                                              Quoted(status) + " (add it to the field's map)"));
  }
  opp.status = *parsed;
  if (std::string_view close = row.Get("expected_close"); !close.empty()) {
    auto date = ParseFlexibleDate(close, order);
    if (!date) return core::Fail(row.Error("expected_close", date.error().message));
    opp.expected_close = *date;
  }
  if (std::string_view created = row.Get("created_at"); !created.empty()) {
    auto at = ParseFlexibleTimestamp(created, order);
    if (!at) return core::Fail(row.Error("created_at", at.error().message));
    opp.created_at = *at;
  }
  return opp;
}

}  // namespace buyalign::crm
