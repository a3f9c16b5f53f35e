#include "forecast/win_forecaster.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "forecast/close_timing.hpp"
#include "forecast/history_test_data.hpp"
#include "forecast/win_prior.hpp"

namespace buyalign::forecast {
namespace {

using testdata::DayAt;
using testdata::DealSpec;
using testdata::MakeDeal;

const engine::ReadinessEngine& Engine() {
  static const engine::ReadinessEngine engine(methodology::Methodology::Default());
  return engine;
}

// `n` closed deals, every other one won; the winners' buyers negotiate terms, the losers' only
// recognised a problem. Deal i starts on day 2i and closes 60 days later.
History ClosedHistory(int n) {
  History history;
  for (int i = 0; i < n; ++i) {
    const bool won = i % 2 == 0;
    DealSpec spec{.id = "closed-" + std::to_string(1000 + i),
                  .owner = i % 3 == 0 ? "u-ann" : "u-bob",
                  .amount = 1000.0 + 10 * i,
                  .created_day = 2 * i,
                  .signal = won ? "asks_for_discount" : "reports_pain",
                  .signal_day = 2 * i + 1,
                  .closed_day = 2 * i + 60,
                  .won = won};
    history.deals.push_back(MakeDeal(spec));
  }
  return history;
}

DealFeatures FeaturesAt(const DealRecord& deal, const OwnerRecord& owners, core::Timestamp t) {
  auto readiness = Engine().Analyze(*deal.input, t);
  EXPECT_TRUE(readiness) << readiness.error().message;
  return ComputeFeatures(deal, *readiness, owners, Engine().methodology(), t);
}

// Two open deals at `day`: one whose buyers negotiate terms, one whose buyers just feel pain.
std::vector<DealRecord> OpenPair(int day) {
  return {MakeDeal({.id = "open-ready",
                    .created_day = day - 30,
                    .signal = "asks_for_discount",
                    .signal_day = day - 10}),
          MakeDeal({.id = "open-early",
                    .created_day = day - 30,
                    .signal = "reports_pain",
                    .signal_day = day - 10})};
}

std::vector<WinEstimate> PredictPair(const WinForecaster& forecaster, const OwnerRecord& owners,
                                     int day) {
  const std::vector<DealRecord> open = OpenPair(day);
  std::vector<DealFeatures> features;
  for (const DealRecord& deal : open) features.push_back(FeaturesAt(deal, owners, DayAt(day)));
  auto estimates = forecaster.Predict(features);
  EXPECT_TRUE(estimates) << estimates.error().message;
  return *estimates;
}

TEST(WinForecaster, WithoutHistoryThePriorAnswersFromReadinessAndAlignment) {
  const History history = ClosedHistory(6);
  const OwnerRecord owners(history);
  auto forecaster = WinForecaster::Fit(history, owners, Engine(), DayAt(400), {});
  ASSERT_TRUE(forecaster) << forecaster.error().message;
  EXPECT_EQ(forecaster->summary().closed_deals, 6);
  EXPECT_FALSE(forecaster->summary().learned) << "6 closed deals are too few to learn from";
  const auto estimates = PredictPair(*forecaster, owners, 400);
  for (const WinEstimate& e : estimates) {
    EXPECT_DOUBLE_EQ(e.probability, e.prior);
    EXPECT_FALSE(e.learned.has_value());
    ASSERT_FALSE(e.reasons.empty());
    for (const WinReason& r : e.reasons) {
      EXPECT_TRUE(r.feature == Feature::kReadinessStage || r.feature == Feature::kAlignment);
    }
  }
  // Both DMUs are aligned (alignment 1): terms negotiated 81%, a problem recognised 22%.
  EXPECT_GT(estimates[0].probability, 0.75);
  EXPECT_LT(estimates[1].probability, 0.3);
  EXPECT_EQ(estimates[0].reasons.front().feature, Feature::kReadinessStage);
  EXPECT_GT(estimates[0].reasons.front().effect, 0) << "readiness pushes the ready deal up";
  EXPECT_LT(estimates[1].reasons.front().effect, 0) << "and the early one down";
}

TEST(WinPrior, FollowsTheDocumentedCurve) {
  DealFeatures f;
  f.values.fill(NAN);
  f[Feature::kReadinessStage] = 0;
  f[Feature::kAlignment] = 0.6;
  EXPECT_NEAR(WinPrior::Of(f, 10).probability, 1 / (1 + std::exp(2.4)), 1e-12);
  f[Feature::kReadinessStage] = 10;
  EXPECT_NEAR(WinPrior::Of(f, 10).probability, 1 / (1 + std::exp(-1.0)), 1e-12);
  f[Feature::kAlignment] = 1.0;
  EXPECT_NEAR(WinPrior::Of(f, 10).probability, 1 / (1 + std::exp(-1.8)), 1e-12);
}

TEST(WinForecaster, LearnsFromClosedDealsAndBlendsByTheirNumber) {
  const History history = ClosedHistory(120);
  const OwnerRecord owners(history);
  auto forecaster = WinForecaster::Fit(history, owners, Engine(), DayAt(400), {});
  ASSERT_TRUE(forecaster) << forecaster.error().message;
  ASSERT_TRUE(forecaster->summary().learned);
  EXPECT_EQ(forecaster->summary().closed_deals, 120);
  EXPECT_EQ(forecaster->summary().won, 60);
  EXPECT_NEAR(forecaster->summary().learned_weight, 120.0 / 220.0, 1e-12);
  const auto estimates = PredictPair(*forecaster, owners, 400);
  ASSERT_TRUE(estimates[0].learned && estimates[1].learned);
  EXPECT_GT(*estimates[0].learned, 0.8) << "every past deal like this one was won";
  EXPECT_LT(*estimates[1].learned, 0.2) << "every past deal like this one was lost";
  for (const WinEstimate& e : estimates) {
    const double w = e.learned_weight;
    const auto logit = [](double p) { return std::log(p / (1 - p)); };
    EXPECT_NEAR(logit(e.probability), (1 - w) * logit(e.prior) + w * logit(*e.learned), 1e-9);
  }
  EXPECT_GT(estimates[0].probability, estimates[0].prior) << "the data is surer than the prior";
  EXPECT_LT(estimates[1].probability, estimates[1].prior);
}

TEST(WinForecaster, SameHistorySameModel) {
  const History history = ClosedHistory(80);
  const OwnerRecord owners(history);
  auto a = WinForecaster::Fit(history, owners, Engine(), DayAt(400), {});
  auto b = WinForecaster::Fit(history, owners, Engine(), DayAt(400), {});
  ASSERT_TRUE(a && b);
  const auto pa = PredictPair(*a, owners, 400);
  const auto pb = PredictPair(*b, owners, 400);
  for (size_t i = 0; i < pa.size(); ++i) {
    EXPECT_EQ(pa[i].probability, pb[i].probability) << "bit for bit, as two servers need";
    ASSERT_EQ(pa[i].reasons.size(), pb[i].reasons.size());
  }
}

TEST(WinForecaster, LearnsOnlyFromDealsClosedBeforeTheMoment) {
  History history = ClosedHistory(120);
  const core::Timestamp as_of = DayAt(150);  // deals 0..44 closed before day 150
  const OwnerRecord owners(history);
  auto before = WinForecaster::Fit(history, owners, Engine(), as_of, {});
  ASSERT_TRUE(before);
  EXPECT_EQ(before->summary().closed_deals, 45);
  // Reverse every outcome after the moment: nothing the forecaster knew changes.
  for (DealRecord& deal : history.deals) {
    if (deal.outcome && deal.outcome->at >= as_of) {
      deal.outcome->status =
          deal.Won() ? domain::OpportunityStatus::kLost : domain::OpportunityStatus::kWon;
    }
  }
  const OwnerRecord changed_owners(history);
  auto after = WinForecaster::Fit(history, changed_owners, Engine(), as_of, {});
  ASSERT_TRUE(after);
  const auto p1 = PredictPair(*before, owners, 150);
  const auto p2 = PredictPair(*after, changed_owners, 150);
  for (size_t i = 0; i < p1.size(); ++i) EXPECT_EQ(p1[i].probability, p2[i].probability);
}

TEST(OwnerRecord, CountsOnlyDealsClosedStrictlyBeforeTheMoment) {
  const History history = ClosedHistory(12);  // deal i closes on day 2i + 60, won when i even
  const OwnerRecord owners(history);
  EXPECT_EQ(owners.At("u-ann", DayAt(60)).closed, 0);
  EXPECT_DOUBLE_EQ(owners.At("u-ann", DayAt(60)).win_rate, OwnerRecord::kNoHistoryRate);
  // u-ann owns deals 0, 3, 6, 9: by day 67 deals 0 (won) and 3 (lost) have closed, and everyone
  // has closed deals 0..3 (two won).
  const OwnerRecord::Rate rate = owners.At("u-ann", DayAt(67));
  EXPECT_EQ(rate.closed, 2);
  const double everyone = (2 + 5 * 0.3) / (4 + 5);
  EXPECT_NEAR(rate.win_rate, (1 + 5 * everyone) / (2 + 5), 1e-12);
  EXPECT_EQ(owners.At("u-ann", DayAt(66)).closed, 1) << "deal 3 closes on day 66, not before it";
}

TEST(CloseTiming, BuyersNearThePurchaseCloseSoonerThanBuyersAtTheStart) {
  const std::vector<DealRecord> open = OpenPair(100);
  const OwnerRecord owners(History{});
  std::vector<core::Date> medians;
  for (const DealRecord& deal : open) {
    auto readiness = Engine().Analyze(*deal.input, DayAt(100));
    ASSERT_TRUE(readiness);
    const auto dates =
        CloseDatesFromReadiness(*readiness, Engine().methodology(), std::nullopt, DayAt(100));
    double total = 0;
    for (const CloseDate& d : dates) {
      EXPECT_GT(d.date, DayOf(DayAt(100)));
      total += d.weight;
    }
    EXPECT_NEAR(total, 1.0, 1e-9);
    medians.push_back(MedianDate(dates));
  }
  EXPECT_LT(medians[0], DayOf(DayAt(100 + 45))) << "terms negotiated: weeks away";
  EXPECT_GT(medians[1], DayOf(DayAt(100 + 90))) << "problem recognised: months away";

  engine::OpportunityReadiness nobody;
  const auto fallback =
      CloseDatesFromReadiness(nobody, Engine().methodology(), testdata::DateAt(130), DayAt(100));
  ASSERT_EQ(fallback.size(), 1u);
  EXPECT_EQ(fallback[0].date, testdata::DateAt(130)) << "no DMU: the CRM's date";
}

}  // namespace
}  // namespace buyalign::forecast
