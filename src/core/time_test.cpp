#include "core/time.hpp"

#include <gtest/gtest.h>

namespace buyalign::core {
namespace {

TEST(Time, ParsesUtcAndOffsetsToTheSameMoment) {
  auto utc = ParseTimestamp("2026-03-04T09:30:00Z");
  auto offset = ParseTimestamp("2026-03-04T11:30:00+02:00");
  ASSERT_TRUE(utc.has_value());
  ASSERT_TRUE(offset.has_value());
  EXPECT_EQ(*utc, *offset);
  EXPECT_EQ(FormatTimestamp(*utc), "2026-03-04T09:30:00Z");
}

TEST(Time, TruncatesFractionalSeconds) {
  auto t = ParseTimestamp("2026-03-04T09:30:00.987Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatTimestamp(*t), "2026-03-04T09:30:00Z");
}

TEST(Time, RefusesTimesWithoutZoneAndImpossibleDates) {
  for (const char* bad : {"2026-03-04T09:30:00", "2026-02-30T00:00:00Z", "2026-3-4", "",
                          "2026-03-04T25:00:00Z", "yesterday"}) {
    auto t = ParseTimestamp(bad);
    EXPECT_FALSE(t.has_value()) << bad;
    if (!t) {
      EXPECT_EQ(t.error().code, ErrorCode::kInvalidArgument);
    }
  }
}

TEST(Time, DateRoundTripsAndChecksTheCalendar) {
  auto d = ParseDate("2028-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDate(*d), "2028-02-29");
  EXPECT_FALSE(ParseDate("2026-02-29").has_value());
  EXPECT_FALSE(ParseDate("2026-02-01T00:00:00Z").has_value());
}

}  // namespace
}  // namespace buyalign::core
