#include "crm/flexible_date.hpp"

#include <gtest/gtest.h>

namespace buyalign::crm {
namespace {

struct Case {
  const char* text;
  DateOrder order;
  const char* expected;  // FormatTimestamp, or "" for an error
};

TEST(FlexibleDate, ReadsTheShapesCrmExportsWrite) {
  const Case cases[] = {
      {"2026-03-04", DateOrder::kAuto, "2026-03-04T00:00:00Z"},
      {"2026-03-04T09:30:00Z", DateOrder::kAuto, "2026-03-04T09:30:00Z"},
      {"2026-03-04T09:30:00.000+0000", DateOrder::kAuto, "2026-03-04T09:30:00Z"},
      {"2026-03-04T09:30:00.123+02:00", DateOrder::kAuto, "2026-03-04T07:30:00Z"},
      {"2026-03-04 09:30", DateOrder::kAuto, "2026-03-04T09:30:00Z"},
      {"2026/03/04", DateOrder::kAuto, "2026-03-04T00:00:00Z"},
      {"31/12/2026", DateOrder::kAuto, "2026-12-31T00:00:00Z"},
      {"12/31/2026", DateOrder::kAuto, "2026-12-31T00:00:00Z"},
      {"03/04/2026", DateOrder::kDayFirst, "2026-04-03T00:00:00Z"},
      {"03/04/2026", DateOrder::kMonthFirst, "2026-03-04T00:00:00Z"},
      {"05/05/2026", DateOrder::kAuto, "2026-05-05T00:00:00Z"},
      {"4.3.2026", DateOrder::kAuto, "2026-03-04T00:00:00Z"},
      {"04.03.2026 17:05:09", DateOrder::kMonthFirst, "2026-03-04T17:05:09Z"},
      {"1772617800000", DateOrder::kAuto, "2026-03-04T09:50:00Z"},
      {"03/04/2026", DateOrder::kAuto, ""},  // ambiguous
      {"31-31-2026", DateOrder::kAuto, ""},
      {"2026-02-30", DateOrder::kAuto, ""},
      {"2026-03-04T25:00:00Z", DateOrder::kAuto, ""},
      {"next tuesday", DateOrder::kAuto, ""},
      {"2026-03-04x", DateOrder::kAuto, ""},
      {"12345", DateOrder::kAuto, ""},
  };
  for (const auto& c : cases) {
    auto parsed = ParseFlexibleTimestamp(c.text, c.order);
    if (std::string(c.expected).empty()) {
      EXPECT_FALSE(parsed) << c.text;
    } else {
      ASSERT_TRUE(parsed) << c.text << ": " << parsed.error().message;
      EXPECT_EQ(core::FormatTimestamp(*parsed), c.expected) << c.text;
    }
  }
}

TEST(FlexibleDate, ErrorsQuoteTheValueAndExplainAmbiguity) {
  EXPECT_EQ(ParseFlexibleDate("31-31-2026").error().message, "cannot read date \"31-31-2026\"");
  EXPECT_NE(ParseFlexibleDate("03/04/2026").error().message.find("either way round"),
            std::string::npos);
}

TEST(FlexibleDate, DateOfAMomentIsItsUtcDay) {
  auto date = ParseFlexibleDate("2026-03-04T23:30:00-02:00");
  ASSERT_TRUE(date);
  EXPECT_EQ(core::FormatDate(*date), "2026-03-05");
}

}  // namespace
}  // namespace buyalign::crm
