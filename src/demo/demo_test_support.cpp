#include "demo/demo_test_support.hpp"

#include <sstream>

namespace buyalign::demo::testing {
namespace {

template <class T>
std::string Opt(const std::optional<T>& value) {
  if (!value) return "-";
  std::ostringstream out;
  out.precision(17);
  out << *value;
  return out.str();
}

std::string Opt(const std::optional<core::Date>& value) {
  return value ? core::FormatDate(*value) : "-";
}

std::string Opt(const std::optional<core::Timestamp>& value) {
  return value ? core::FormatTimestamp(*value) : "-";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += item + ",";
  return out;
}

}  // namespace

std::string DumpBatch(const storage::RecordBatch& b) {
  std::ostringstream out;
  out.precision(17);
  for (const auto& [r, line] : b.teams) out << line << " team " << r.id << '|' << r.name << '\n';
  for (const auto& [r, line] : b.users) {
    out << line << " user " << r.id << '|' << r.name << '|' << r.email << '|'
        << static_cast<int>(r.role) << '|' << r.team << '\n';
  }
  for (const auto& [r, line] : b.accounts) {
    out << line << " account " << r.id << '|' << r.name << '|' << r.industry << '|'
        << Opt(r.employees) << '|' << r.country << '|' << r.segment << '\n';
  }
  for (const auto& [r, line] : b.contacts) {
    out << line << " contact " << r.id << '|' << r.account_id << '|' << r.name << '|' << r.title
        << '|' << r.email << '|' << r.persona << '\n';
  }
  for (const auto& [r, line] : b.content) {
    out << line << " content " << r.id << '|' << r.title << '|' << r.url << '|' << Join(r.stages)
        << '|' << Join(r.personas) << '|' << Join(r.segments) << '|' << r.format << '|' << r.retired
        << '\n';
  }
  for (const auto& [r, line] : b.opportunities) {
    out << line << " opportunity " << r.id << '|' << r.account_id << '|' << r.name << '|' << r.owner
        << '|' << Opt(r.amount) << '|' << r.currency << '|' << Opt(r.expected_close) << '|'
        << static_cast<int>(r.status) << '|' << Opt(r.created_at) << '\n';
  }
  for (const auto& [r, line] : b.dmu_members) {
    out << line << " dmu " << r.opportunity_id << '|' << r.contact_id << '|'
        << static_cast<int>(r.role) << '|' << r.influence << '|' << static_cast<int>(r.stance)
        << '\n';
  }
  for (const auto& [r, line] : b.signals) {
    out << line << " signal " << r.id << '|' << r.opportunity_id << '|' << r.contact_id << '|'
        << r.kind << '|' << core::FormatTimestamp(r.at) << '|' << static_cast<int>(r.source) << '|'
        << r.stage << '|' << r.content_id << '|' << r.note << '\n';
  }
  for (const auto& [r, line] : b.activities) {
    out << line << " activity " << r.id << '|' << r.opportunity_id << '|' << Join(r.contact_ids)
        << '|' << r.kind << '|' << core::FormatTimestamp(r.at) << '|' << Opt(r.duration_min) << '|'
        << r.owner << '|' << r.note << '\n';
  }
  for (const auto& [r, line] : b.content_shares) {
    out << line << " share " << r.content_id << '|' << r.opportunity_id << '|' << r.contact_id
        << '|' << core::FormatTimestamp(r.at) << '|' << r.engaged << '\n';
  }
  for (const auto& [r, line] : b.outcomes) {
    out << line << " outcome " << r.opportunity_id << '|' << static_cast<int>(r.status) << '|'
        << core::FormatTimestamp(r.at) << '|' << Opt(r.amount) << '|' << r.reason << '\n';
  }
  return out.str();
}

}  // namespace buyalign::demo::testing
