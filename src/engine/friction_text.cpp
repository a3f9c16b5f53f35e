#include "engine/friction_text.hpp"

#include <array>
#include <cmath>
#include <utility>

#include "core/enum_names.hpp"

namespace buyalign::engine::text {

std::string RoleName(domain::DmuRole role) {
  std::string name(core::EnumName(domain::kDmuRoleNames, role));
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  return name;
}

std::string Who(const MemberInput& member) {
  const char* influence = member.influence >= 0.7   ? "high"
                          : member.influence >= 0.4 ? "medium"
                                                    : "low";
  return (member.name.empty() ? member.contact_id : member.name) + " (" + RoleName(member.role) +
         ", " + influence + " influence)";
}

std::string Day(core::Date date) {
  static constexpr std::array<const char*, 12> kMonths{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const std::chrono::year_month_day ymd{date};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string Day(int64_t unix_seconds) {
  return Day(std::chrono::floor<std::chrono::days>(core::FromUnixSeconds(unix_seconds)));
}

std::string Percent(double p) {
  return std::to_string(static_cast<int>(std::lround(p * 100))) + "%";
}

std::string ActivityPhrase(std::string_view kind) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kPhrases{{
      {"intro_call", "held an intro call"},
      {"discovery_meeting", "held a discovery meeting"},
      {"value_workshop", "ran a value workshop"},
      {"requirements_workshop", "ran a requirements workshop"},
      {"demo", "gave a demo"},
      {"reference_call", "set up a reference call"},
      {"proposal_sent", "sent a proposal"},
      {"quote_sent", "sent a quote"},
      {"negotiation_meeting", "held a negotiation meeting"},
      {"contract_sent", "sent the contract"},
      {"onboarding_session", "ran an onboarding session"},
      {"business_review", "held a business review"},
      {"follow_up", "followed up"},
  }};
  for (const auto& [id, phrase] : kPhrases) {
    if (id == kind) return std::string(phrase);
  }
  return "logged " + std::string(kind);
}

std::string StageRange(const methodology::Methodology& m, const std::vector<int>& stages) {
  if (stages.empty()) return "no stage";
  const auto id = [&](int s) { return m.stages()[static_cast<size_t>(s)]; };
  const bool consecutive = stages.back() - stages.front() + 1 == static_cast<int>(stages.size());
  if (stages.size() == 1) return id(stages.front());
  if (consecutive) return id(stages.front()) + " to " + id(stages.back());
  std::string out;
  for (size_t i = 0; i < stages.size(); ++i) {
    if (i > 0) out += i + 1 == stages.size() ? " or " : ", ";
    out += id(stages[i]);
  }
  return out;
}

}  // namespace buyalign::engine::text
