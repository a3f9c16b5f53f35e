#include "forecast/monte_carlo.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "forecast/quantile.hpp"

namespace buyalign::forecast {
namespace {

const core::Date kJan1 = core::FromUnixDays(19723);  // 2024-01-01
const Period kJanuary{kJan1, kJan1 + std::chrono::days{31}};

ForecastDeal Deal(double amount, double p, int close_in_days, double stage_p = 0.5) {
  return {amount, p, stage_p, {{kJan1 + std::chrono::days{close_in_days}, 1.0}}};
}

TEST(Quantile, InterpolatesBetweenOrderStatistics) {
  std::vector<double> values{5, 1, 4, 2, 3};
  EXPECT_DOUBLE_EQ(Quantile(values, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(Quantile(values, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(Quantile(values, 1.0), 5.0);
  EXPECT_DOUBLE_EQ(Quantile(values, 0.1), 1.4);  // position 0.4 between 1 and 2
}

TEST(MonteCarloRevenue, CertainDealsGiveExactTotals) {
  // Won for sure inside the period, lost for sure, and won for sure but closing after the period.
  std::vector<ForecastDeal> deals{Deal(1000, 1.0, 3), Deal(250, 1.0, 30), Deal(9999, 0.0, 5),
                                  Deal(7777, 1.0, 40)};
  auto forecast = MonteCarloRevenue(deals, kJanuary, {.trials = 500, .seed = 7});
  ASSERT_TRUE(forecast.has_value()) << forecast.error().message;
  EXPECT_DOUBLE_EQ(forecast->p10, 1250.0);
  EXPECT_DOUBLE_EQ(forecast->p50, 1250.0);
  EXPECT_DOUBLE_EQ(forecast->p90, 1250.0);
  EXPECT_DOUBLE_EQ(forecast->expected, 1250.0);
  EXPECT_DOUBLE_EQ(forecast->stage_weighted, 0.5 * (1000 + 250 + 9999));
}

TEST(MonteCarloRevenue, OneCoinFlipDealSpansZeroToAmount) {
  std::vector<ForecastDeal> deals{Deal(500, 0.5, 10)};
  auto forecast = MonteCarloRevenue(deals, kJanuary, {.trials = 10'000, .seed = 3});
  ASSERT_TRUE(forecast.has_value());
  EXPECT_DOUBLE_EQ(forecast->p10, 0.0);
  EXPECT_DOUBLE_EQ(forecast->p90, 500.0);
  EXPECT_NEAR(forecast->mean, 250.0, 10.0);  // 4 standard errors of 2.5
}

TEST(MonteCarloRevenue, CloseDateWeightsSplitTheProbability) {
  // Won for sure, but only a quarter of the close-date weight lies in January.
  ForecastDeal deal{100, 1.0, 1.0, {{kJan1, 1.0}, {kJan1 + std::chrono::days{45}, 3.0}}};
  std::vector<ForecastDeal> deals(200, deal);
  auto forecast = MonteCarloRevenue(deals, kJanuary, {.trials = 4000, .seed = 11});
  ASSERT_TRUE(forecast.has_value());
  EXPECT_DOUBLE_EQ(forecast->expected, 200 * 100 * 0.25);
  EXPECT_DOUBLE_EQ(forecast->stage_weighted, 200 * 100 * 0.25);
  EXPECT_NEAR(forecast->mean, 5000.0, 30.0);
  // Binomial(200, 0.25) x 100: sd = 100 x sqrt(37.5) ~ 612; P10/P90 ~ mean -/+ 1.28 sd.
  EXPECT_NEAR(forecast->p10, 5000.0 - 1.28 * 612, 150.0);
  EXPECT_NEAR(forecast->p90, 5000.0 + 1.28 * 612, 150.0);
}

TEST(MonteCarloRevenue, SameSeedSameResultWhateverTheThreadCount) {
  std::vector<ForecastDeal> deals;
  for (int i = 0; i < 1000; ++i) deals.push_back(Deal(10 + i, (i % 10) / 10.0, i % 60));
  auto one = MonteCarloRevenue(deals, kJanuary, {.trials = 1000, .seed = 5, .threads = 1});
  auto two = MonteCarloRevenue(deals, kJanuary, {.trials = 1000, .seed = 5, .threads = 2});
  auto other = MonteCarloRevenue(deals, kJanuary, {.trials = 1000, .seed = 6, .threads = 2});
  ASSERT_TRUE(one && two && other);
  EXPECT_EQ(one->p10, two->p10);
  EXPECT_EQ(one->p50, two->p50);
  EXPECT_EQ(one->mean, two->mean);
  EXPECT_NE(one->mean, other->mean);
  EXPECT_NEAR(one->mean, one->expected, 0.01 * one->expected);
}

TEST(MonteCarloRevenue, RejectsBadInputNamingTheField) {
  std::vector<ForecastDeal> deals{Deal(1, 0.5, 1), Deal(1, 1.5, 1)};
  auto bad_probability = MonteCarloRevenue(deals, kJanuary, {});
  ASSERT_FALSE(bad_probability.has_value());
  EXPECT_EQ(bad_probability.error().field, "deals[1].win_probability");

  deals[1] = ForecastDeal{1, 0.5, 0.5, {}};
  EXPECT_EQ(MonteCarloRevenue(deals, kJanuary, {}).error().field, "deals[1].close_dates");
  EXPECT_EQ(MonteCarloRevenue({}, kJanuary, {.trials = 0}).error().field, "trials");
  EXPECT_EQ(MonteCarloRevenue({}, Period{kJan1, kJan1}, {}).error().field, "period");
}

}  // namespace
}  // namespace buyalign::forecast
