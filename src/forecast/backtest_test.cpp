#include "forecast/backtest.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "forecast/history_test_data.hpp"
#include "forecast/owner_record.hpp"

namespace buyalign::forecast {
namespace {

using testdata::ActivityOn;
using testdata::DealSpec;
using testdata::MakeDeal;
using testdata::StageOn;

// Day numbers of 2025-Q3 in the test calendar (day 0 is 2025-01-06).
constexpr int kQ3 = 176;  // 2025-07-01
constexpr int kQ4 = 268;  // 2025-10-01

const engine::ReadinessEngine& Engine() {
  static const engine::ReadinessEngine engine(methodology::Methodology::Default());
  return engine;
}

ForecasterAt TrainEachTime(const History& history) {
  return [&history](core::Timestamp as_of) -> core::Result<std::shared_ptr<const WinForecaster>> {
    const OwnerRecord owners(history);
    auto fitted = WinForecaster::Fit(history, owners, Engine(), as_of, {});
    if (!fitted) return core::Fail(fitted.error());
    return std::make_shared<const WinForecaster>(std::move(*fitted));
  };
}

BacktestReport Replay(const History& history, const std::vector<NamedPeriod>& periods) {
  auto report = RunBacktest(history, [](const DealRecord&) { return true; }, periods, Engine(),
                            TrainEachTime(history), {.trials = 4000, .seed = 7, .threads = 1});
  EXPECT_TRUE(report) << report.error().message;
  return *report;
}

// A quarter whose answer is known by hand:
//   A open at the start, CRM stage Negotiation/Review (90%), expected and won inside: 10,000
//   B open at the start, Prospecting (10%), expected inside, lost inside: 5,000
//   E open at the start, Negotiation (90%) then Closed Lost after the start, expected inside:
//     2,000; its later stage must not reach the replay
//   C created after the start and won inside: booked, but in no forecast: 3,000
//   D won before the quarter: neither in the pipeline nor booked
//   F open at the start, expected after the quarter: in the pipeline, not in the stage-weighted
History KnownQuarter() {
  History h;
  DealSpec a{.id = "a",
             .amount = 10000,
             .created_day = 100,
             .signal = "asks_for_discount",
             .signal_day = 150,
             .expected_close_day = 220,
             .closed_day = 220,
             .won = true};
  a.stage_changes = {StageOn(150, "Negotiation/Review", 0.9)};
  DealSpec b{.id = "b",
             .amount = 5000,
             .created_day = 100,
             .signal = "reports_pain",
             .signal_day = 120,
             .expected_close_day = 230,
             .closed_day = 230,
             .won = false};
  b.stage_changes = {StageOn(101, "Prospecting", 0.1)};
  DealSpec e{.id = "e",
             .amount = 2000,
             .created_day = 100,
             .signal = "legal_review",
             .signal_day = 160,
             .expected_close_day = 190,
             .closed_day = 190,
             .won = false};
  e.stage_changes = {StageOn(150, "Negotiation/Review", 0.9), StageOn(190, "Closed Lost", 0.0)};
  DealSpec c{.id = "c",
             .amount = 3000,
             .created_day = kQ3 + 10,
             .signal = "asks_for_discount",
             .signal_day = kQ3 + 12,
             .expected_close_day = kQ3 + 40,
             .closed_day = kQ3 + 40,
             .won = true};
  DealSpec d{.id = "d",
             .amount = 7000,
             .created_day = 50,
             .signal = "asks_for_discount",
             .signal_day = 60,
             .expected_close_day = 150,
             .closed_day = 150,
             .won = true};
  DealSpec f{.id = "f",
             .amount = 4000,
             .created_day = 120,
             .signal = "requests_demo",
             .signal_day = 130,
             .expected_close_day = kQ4 + 30};
  f.activities = {ActivityOn(140, "demo")};
  for (const DealSpec* spec : {&a, &b, &c, &d, &e, &f}) h.deals.push_back(MakeDeal(*spec));
  return h;
}

TEST(Backtest, KnownQuarterGivesTheHandComputedActualAndStageWeightedNumbers) {
  const History history = KnownQuarter();
  const BacktestReport report = Replay(history, {*ParsePeriod("2025-Q3")});
  ASSERT_EQ(report.periods.size(), 1u);
  const BacktestPeriod& q3 = report.periods[0];
  EXPECT_EQ(q3.open_deals, 4) << "a, b, e and f were open on 1 July";
  EXPECT_EQ(q3.won_deals, 2) << "a and c";
  EXPECT_DOUBLE_EQ(q3.actual, 13000);
  EXPECT_DOUBLE_EQ(q3.forecast.stage_weighted, 0.9 * 10000 + 0.1 * 5000 + 0.9 * 2000);
  EXPECT_EQ(q3.model.closed_deals, 1) << "only d had closed";
  EXPECT_FALSE(q3.model.learned);
  EXPECT_LE(q3.forecast.p10, q3.forecast.p50);
  EXPECT_LE(q3.forecast.p50, q3.forecast.p90);
  EXPECT_LE(q3.forecast.p90, 10000 + 5000 + 2000 + 4000);
  EXPECT_NEAR(report.mean_absolute_error, std::abs(q3.forecast.p50 - 13000), 1e-9);
  EXPECT_NEAR(report.stage_weighted_mean_absolute_error, 13000 - 11300, 1e-9);
  EXPECT_NEAR(report.stage_weighted_weighted_error, 1700.0 / 13000, 1e-12);
}

TEST(Backtest, NothingAfterThePeriodStartReachesItsForecast) {
  const History history = KnownQuarter();
  const BacktestPeriod before = Replay(history, {*ParsePeriod("2025-Q3")}).periods[0];
  History changed = KnownQuarter();
  for (DealRecord& deal : changed.deals) {
    // Every outcome and stage change inside the quarter flips, and a contract is signed in b.
    if (deal.outcome && deal.outcome->at >= testdata::DayAt(kQ3)) {
      deal.outcome->status =
          deal.Won() ? domain::OpportunityStatus::kLost : domain::OpportunityStatus::kWon;
    }
    if (deal.id() == "b") {
      auto input = std::make_shared<engine::OpportunityInput>(*deal.input);
      domain::Signal s = input->signals.front();
      s.id = "s-late";
      s.kind = "contract_signed";
      s.at = testdata::DayAt(kQ3 + 5);
      input->signals.push_back(s);
      deal.input = input;
    }
  }
  const BacktestPeriod after = Replay(changed, {*ParsePeriod("2025-Q3")}).periods[0];
  EXPECT_EQ(before.forecast.p10, after.forecast.p10);
  EXPECT_EQ(before.forecast.p50, after.forecast.p50);
  EXPECT_EQ(before.forecast.p90, after.forecast.p90);
  EXPECT_EQ(before.forecast.expected, after.forecast.expected);
  EXPECT_EQ(before.forecast.stage_weighted, after.forecast.stage_weighted);
  EXPECT_NE(before.actual, after.actual) << "what happened did change";
}

// Every deal sits at Negotiation/Review in the CRM, but only the buyers who negotiate terms buy;
// the others only recognised a problem. The stage-weighted number books them all at 90%; the
// readiness-based forecast does not.
TEST(Backtest, ReadinessBeatsSellerStagesThatMislead) {
  History history;
  for (int i = 0; i < 20; ++i) {
    const bool ready = i % 2 == 0;
    DealSpec spec{.id = "deal-" + std::to_string(100 + i),
                  .amount = 1000,
                  .created_day = kQ3 - 60,
                  .signal = ready ? "asks_for_discount" : "reports_pain",
                  .signal_day = kQ3 - 5,
                  .expected_close_day = kQ3 + 30,
                  .closed_day = kQ3 + 30,
                  .won = ready};
    spec.stage_changes = {StageOn(kQ3 - 50, "Negotiation/Review", 0.9)};
    history.deals.push_back(MakeDeal(spec));
  }
  const BacktestPeriod q3 = Replay(history, {*ParsePeriod("2025-Q3")}).periods[0];
  EXPECT_DOUBLE_EQ(q3.actual, 10000);
  EXPECT_DOUBLE_EQ(q3.forecast.stage_weighted, 18000);
  EXPECT_LT(std::abs(q3.error()), std::abs(q3.stage_weighted_error()))
      << "P50 " << q3.forecast.p50 << " against 10000";
  EXPECT_LT(std::abs(q3.error()), 4000);
}

TEST(Backtest, PeriodsComeBackOldestFirstWithTheirOwnModels) {
  const History history = KnownQuarter();
  const BacktestReport report =
      Replay(history, {*ParsePeriod("2025-07"), *ParsePeriod("2025-08"), *ParsePeriod("2025-09")});
  ASSERT_EQ(report.periods.size(), 3u);
  EXPECT_EQ(report.periods[0].period.name, "2025-07");
  EXPECT_DOUBLE_EQ(report.periods[0].actual, 0);
  EXPECT_EQ(report.periods[1].model.closed_deals, 2) << "by August d and e had closed";
  double booked = 0;
  for (const BacktestPeriod& p : report.periods) booked += p.actual;
  EXPECT_DOUBLE_EQ(booked, 13000) << "the months add up to the quarter";
}

}  // namespace
}  // namespace buyalign::forecast
