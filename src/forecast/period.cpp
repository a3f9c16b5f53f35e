#include "forecast/period.hpp"

#include <charconv>
#include <cstdio>

namespace buyalign::forecast {
namespace {

using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

// The period starting in `y`-`m` (for a quarter, `m` is its first month).
NamedPeriod Make(int y, unsigned m, Granularity granularity) {
  const year_month_day first{year{y}, month{m}, std::chrono::day{1}};
  const auto next = std::chrono::year_month{year{y}, month{m}} +
                    std::chrono::months{granularity == Granularity::kQuarter ? 3 : 1};
  char name[16];
  if (granularity == Granularity::kQuarter) {
    std::snprintf(name, sizeof name, "%04d-Q%u", y, (m - 1) / 3 + 1);
  } else {
    std::snprintf(name, sizeof name, "%04d-%02u", y, m);
  }
  return {name,
          granularity,
          {core::Date{first},
           core::Date{year_month_day{next.year(), next.month(), std::chrono::day{1}}}}};
}

bool ParseUnsigned(std::string_view text, unsigned& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

core::Result<NamedPeriod> ParsePeriod(std::string_view text, std::string_view field) {
  const auto bad = [&] {
    return core::Fail(core::Error::Invalid(
        "must be a quarter such as 2026-Q3 or a month such as 2026-07, not \"" + std::string(text) +
            "\"",
        std::string(field)));
  };
  unsigned y = 0, n = 0;
  if (text.size() != 7 || text[4] != '-' || !ParseUnsigned(text.substr(0, 4), y) || y < 1970) {
    return bad();
  }
  if (text[5] == 'Q') {
    if (!ParseUnsigned(text.substr(6), n) || n < 1 || n > 4) return bad();
    return Make(static_cast<int>(y), 3 * (n - 1) + 1, Granularity::kQuarter);
  }
  if (!ParseUnsigned(text.substr(5), n) || n < 1 || n > 12) return bad();
  return Make(static_cast<int>(y), n, Granularity::kMonth);
}

NamedPeriod PeriodOf(core::Date day, Granularity granularity) {
  const year_month_day ymd{day};
  unsigned m = static_cast<unsigned>(ymd.month());
  if (granularity == Granularity::kQuarter) m = 3 * ((m - 1) / 3) + 1;
  return Make(static_cast<int>(ymd.year()), m, granularity);
}

std::vector<NamedPeriod> PeriodsBefore(core::Date day, Granularity granularity, int count) {
  std::vector<NamedPeriod> periods;
  // The period holding `day` has not ended yet, so the latest whole one is the one before it.
  core::Date cursor = PeriodOf(day, granularity).range.begin;
  for (int i = 0; i < count; ++i) {
    const NamedPeriod previous = PeriodOf(cursor - std::chrono::days{1}, granularity);
    periods.insert(periods.begin(), previous);
    cursor = previous.range.begin;
  }
  return periods;
}

core::Result<Granularity> ParseGranularity(std::string_view text, std::string_view field) {
  if (text == "month") return Granularity::kMonth;
  if (text == "quarter") return Granularity::kQuarter;
  return core::Fail(core::Error::Invalid("must be month or quarter", std::string(field)));
}

}  // namespace buyalign::forecast
