#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "forecast/deal_history.hpp"
#include "forecast/period.hpp"

// Builders for constructed histories in the forecast tests. Days count from Monday 6 January
// 2025 (day 0).
namespace buyalign::forecast::testdata {

inline constexpr int64_t kDay = 86400;
inline constexpr int64_t kDayZero = 1736121600;  // 2025-01-06T00:00:00Z

inline core::Timestamp DayAt(double day) {
  return core::FromUnixSeconds(kDayZero + static_cast<int64_t>(day * kDay));
}
inline core::Date DateAt(int day) { return DayOf(DayAt(day)); }

// What a constructed deal looks like: two DMU members (an economic buyer and an evaluator) who
// both show `signal` on `signal_day` and again two days later, so their readiness sits at the
// signal's stage from then on.
struct DealSpec {
  std::string id;
  std::string owner = "u-rep";
  double amount = 1000;
  int created_day = 0;
  std::string signal = "reports_pain";
  int signal_day = 1;
  std::optional<int> expected_close_day;
  std::optional<int> closed_day;  // with `won`: the outcome
  bool won = false;
  std::vector<domain::StageChange> stage_changes;
  std::vector<domain::Activity> activities;
};

inline domain::StageChange StageOn(int day, std::string stage, std::optional<double> p) {
  domain::StageChange change;
  change.stage = std::move(stage);
  change.at = DayAt(day);
  change.probability = p;
  return change;
}

inline domain::Activity ActivityOn(int day, std::string kind) {
  domain::Activity a;
  a.id = "x-" + kind + "-" + std::to_string(day);
  a.kind = std::move(kind);
  a.at = DayAt(day);
  return a;
}

inline DealRecord MakeDeal(const DealSpec& spec) {
  auto opportunity = std::make_shared<domain::Opportunity>();
  opportunity->id = spec.id;
  opportunity->account_id = "acc-" + spec.id;
  opportunity->name = spec.id;
  opportunity->owner = spec.owner;
  opportunity->amount = spec.amount;
  opportunity->currency = "EUR";
  opportunity->created_at = DayAt(spec.created_day);
  if (spec.expected_close_day) opportunity->expected_close = DateAt(*spec.expected_close_day);
  opportunity->status = !spec.closed_day ? domain::OpportunityStatus::kOpen
                        : spec.won       ? domain::OpportunityStatus::kWon
                                         : domain::OpportunityStatus::kLost;

  auto input = std::make_shared<engine::OpportunityInput>();
  input->opportunity_id = spec.id;
  input->expected_close = opportunity->expected_close;
  input->status = opportunity->status;
  input->members = {
      {"c-" + spec.id + "-eb", "Eva", domain::DmuRole::kEconomicBuyer, 0.9,
       domain::Stance::kSupporter},
      {"c-" + spec.id + "-ev", "Tom", domain::DmuRole::kEvaluator, 0.5, domain::Stance::kNeutral}};
  for (const engine::MemberInput& m : input->members) {
    for (int repeat = 0; repeat < 2; ++repeat) {
      domain::Signal s;
      s.id = "s-" + m.contact_id + "-" + std::to_string(repeat);
      s.opportunity_id = spec.id;
      s.contact_id = m.contact_id;
      s.kind = spec.signal;
      s.at = DayAt(spec.signal_day + 2 * repeat);
      input->signals.push_back(std::move(s));
    }
  }
  for (domain::Activity a : spec.activities) {
    a.opportunity_id = spec.id;
    input->activities.push_back(std::move(a));
  }
  input->account_contact_count = 2;

  DealRecord deal;
  deal.opportunity = opportunity;
  deal.input = input;
  if (spec.closed_day) {
    domain::Outcome outcome;
    outcome.opportunity_id = spec.id;
    outcome.status = opportunity->status;
    outcome.at = DayAt(*spec.closed_day);
    outcome.amount = spec.amount;
    deal.outcome = outcome;
  }
  for (domain::StageChange change : spec.stage_changes) {
    change.opportunity_id = spec.id;
    deal.stage_changes.push_back(std::move(change));
  }
  return deal;
}

}  // namespace buyalign::forecast::testdata
