#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "crm/csv_table.hpp"
#include "domain/records.hpp"

namespace buyalign::crm {

// The field texts of one row after its mapping, and the column each came from, so that a value
// that cannot be converted is reported at its cell. Fields whose text is empty are not given.
struct MappedRow {
  const CsvTable* table = nullptr;
  std::map<std::string, std::string, std::less<>> values;
  std::map<std::string, size_t, std::less<>> columns;  // absent for constants and templates

  std::string_view Get(std::string_view field) const;
  core::Error Error(std::string_view field, std::string_view message) const;
};

// Converts the texts to a record of each type, checking types and enum values (status: open,
// won, lost; role: admin, manager, rep, marketing). Required fields were checked by the caller.
core::Result<domain::Team> BuildTeam(const MappedRow& row);
core::Result<domain::User> BuildUser(const MappedRow& row);
core::Result<domain::Account> BuildAccount(const MappedRow& row);
core::Result<domain::Contact> BuildContact(const MappedRow& row);
core::Result<domain::Opportunity> BuildOpportunity(const MappedRow& row, DateOrder order);

// Reads a plain decimal number ("1100.04", "-3", "1e6"); nullopt when it is not one.
std::optional<double> ParseDecimal(std::string_view text);

}  // namespace buyalign::crm
