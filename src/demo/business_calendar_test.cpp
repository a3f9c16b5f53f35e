#include "demo/business_calendar.hpp"

#include <gtest/gtest.h>

namespace buyalign::demo {
namespace {

core::Date Day(const char* text) { return *core::ParseDate(text); }

TEST(BusinessCalendar, EveryMinuteIsAWeekdayDuringOfficeHoursBeforeToday) {
  const BusinessCalendar calendar(Day("2026-03-15"));  // a Sunday
  EXPECT_GE(calendar.end(), 255 * BusinessCalendar::kMinutesPerDay);
  core::Timestamp previous{};
  for (int64_t m = 0; m < calendar.end(); m += 37) {
    const core::Timestamp t = calendar.At(m);
    EXPECT_GT(t, previous);
    previous = t;
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const unsigned wd = std::chrono::weekday{day}.c_encoding();
    EXPECT_TRUE(wd >= 1 && wd <= 5) << core::FormatTimestamp(t);
    const auto hour = std::chrono::duration_cast<std::chrono::hours>(t - day).count();
    EXPECT_GE(hour, 8);
    EXPECT_LT(hour, 18);
    EXPECT_LT(t, core::Timestamp{calendar.today()});
    EXPECT_GE(t, core::Timestamp{calendar.today() - std::chrono::days{365}});
  }
}

TEST(BusinessCalendar, DaysAgoLandsOnTheLastWorkingDay) {
  const BusinessCalendar calendar(Day("2026-03-15"));
  // 2026-03-14 is a Saturday: one day ago means Friday the 13th.
  EXPECT_EQ(core::FormatTimestamp(calendar.At(calendar.DaysAgo(1, 10, 30))),
            "2026-03-13T10:30:00Z");
  EXPECT_EQ(core::FormatTimestamp(calendar.At(calendar.DaysAgo(5, 9))), "2026-03-10T09:00:00Z");
  EXPECT_EQ(calendar.DateOf(calendar.DaysAgo(5, 9)), Day("2026-03-10"));
  // Out of the window: clamped to its first working day.
  EXPECT_EQ(calendar.DaysAgo(1000, 8), 0);
}

}  // namespace
}  // namespace buyalign::demo
