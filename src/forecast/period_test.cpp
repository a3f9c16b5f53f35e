#include "forecast/period.hpp"

#include <gtest/gtest.h>

namespace buyalign::forecast {
namespace {

core::Date D(const char* text) { return *core::ParseDate(text); }

TEST(Period, QuartersAndMonthsParseToHalfOpenRanges) {
  auto q3 = ParsePeriod("2026-Q3");
  ASSERT_TRUE(q3) << q3.error().message;
  EXPECT_EQ(q3->name, "2026-Q3");
  EXPECT_EQ(q3->range.begin, D("2026-07-01"));
  EXPECT_EQ(q3->range.end, D("2026-10-01"));
  auto q4 = ParsePeriod("2026-Q4");
  ASSERT_TRUE(q4);
  EXPECT_EQ(q4->range.end, D("2027-01-01"));
  auto july = ParsePeriod("2026-07");
  ASSERT_TRUE(july);
  EXPECT_EQ(july->granularity, Granularity::kMonth);
  EXPECT_EQ(july->range.begin, D("2026-07-01"));
  EXPECT_EQ(july->range.end, D("2026-08-01"));
  auto december = ParsePeriod("2025-12");
  ASSERT_TRUE(december);
  EXPECT_EQ(december->range.end, D("2026-01-01"));
}

TEST(Period, MalformedPeriodsNameTheField) {
  for (const char* bad : {"", "2026", "2026-Q5", "2026-Q0", "2026-13", "2026-00", "26-Q1", "2026-7",
                          "2026-Q3x", "Q3-2026"}) {
    auto parsed = ParsePeriod(bad);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().field, "period") << bad;
  }
}

TEST(Period, PeriodsBeforeAreTheWholeOnesOldestFirst) {
  const auto quarters = PeriodsBefore(D("2026-03-15"), Granularity::kQuarter, 3);
  ASSERT_EQ(quarters.size(), 3u);
  EXPECT_EQ(quarters[0].name, "2025-Q2");
  EXPECT_EQ(quarters[1].name, "2025-Q3");
  EXPECT_EQ(quarters[2].name, "2025-Q4");
  // On the first day of a period the one just ended is whole.
  const auto months = PeriodsBefore(D("2026-03-01"), Granularity::kMonth, 2);
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].name, "2026-01");
  EXPECT_EQ(months[1].name, "2026-02");
  EXPECT_EQ(PeriodOf(D("2026-03-31"), Granularity::kQuarter).name, "2026-Q1");
}

}  // namespace
}  // namespace buyalign::forecast
