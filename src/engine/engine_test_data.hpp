#pragma once

#include <string>
#include <vector>

#include "engine/opportunity_input.hpp"

// Builders for hand-made opportunities in engine tests. Days count from 5 January 2026.
namespace buyalign::engine::testdata {

inline constexpr int64_t kDay = 86400;
inline constexpr int64_t kDayZero = 1767571200;  // 2026-01-05T00:00:00Z

inline core::Timestamp DayAt(double day) {
  return core::FromUnixSeconds(kDayZero + static_cast<int64_t>(day * kDay));
}

inline domain::Signal MakeSignal(std::string contact, std::string kind, double day,
                                 std::string stage = {}) {
  domain::Signal s;
  s.id = "s-" + contact + "-" + kind + "-" + std::to_string(static_cast<int>(day * 10));
  s.opportunity_id = "o1";
  s.contact_id = std::move(contact);
  s.kind = std::move(kind);
  s.at = DayAt(day);
  s.stage = std::move(stage);
  return s;
}

inline domain::Activity MakeActivity(std::string id, std::vector<std::string> contacts,
                                     std::string kind, double day) {
  domain::Activity a;
  a.id = std::move(id);
  a.opportunity_id = "o1";
  a.contact_ids = std::move(contacts);
  a.kind = std::move(kind);
  a.at = DayAt(day);
  return a;
}

// A healthy deal: three members moving together from requirements_defined (day 0) to
// vendors_evaluated (days 40-55), a demo on day 45, the close date far enough out. Evaluated at
// day 60 it has no friction at all.
inline OpportunityInput CleanDeal() {
  OpportunityInput in;
  in.opportunity_id = "o1";
  in.expected_close = std::chrono::floor<std::chrono::days>(DayAt(180));
  in.members = {
      {"c-marie", "Marie", domain::DmuRole::kEconomicBuyer, 0.9, domain::Stance::kSupporter},
      {"c-tom", "Tom", domain::DmuRole::kEvaluator, 0.6, domain::Stance::kChampion},
      {"c-ines", "Ines", domain::DmuRole::kTechnicalBuyer, 0.5, domain::Stance::kNeutral}};
  for (const MemberInput& m : in.members) {
    in.signals.push_back(MakeSignal(m.contact_id, "shares_requirements", 0));
    in.signals.push_back(MakeSignal(m.contact_id, "researches_alternatives", 20));
    in.signals.push_back(MakeSignal(m.contact_id, "requests_demo", 40));
    in.signals.push_back(MakeSignal(m.contact_id, "asks_for_references", 55));
  }
  in.activities.push_back(MakeActivity("x-demo", {"c-marie", "c-tom", "c-ines"}, "demo", 45));
  in.account_contact_count = 5;
  return in;
}

}  // namespace buyalign::engine::testdata
