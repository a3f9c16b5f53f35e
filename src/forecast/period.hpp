#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "forecast/monte_carlo.hpp"

namespace buyalign::forecast {

enum class Granularity { kMonth, kQuarter };

// A calendar month or quarter with its name as the API spells it ("2026-07", "2026-Q3") and its
// half-open date range [begin, end). A plain value.
struct NamedPeriod {
  std::string name;
  Granularity granularity = Granularity::kQuarter;
  Period range;
};

// Parses "YYYY-Qn" (n 1..4) or "YYYY-MM". kInvalidArgument naming `field` otherwise.
core::Result<NamedPeriod> ParsePeriod(std::string_view text, std::string_view field = "period");

// The month or quarter that contains `day`.
NamedPeriod PeriodOf(core::Date day, Granularity granularity);

// The `count` whole periods that end on or before `day`, oldest first: for a day in 2026-Q1 and
// count 2, 2025-Q3 and 2025-Q4.
std::vector<NamedPeriod> PeriodsBefore(core::Date day, Granularity granularity, int count);

// "month" or "quarter"; kInvalidArgument naming `field` otherwise.
core::Result<Granularity> ParseGranularity(std::string_view text,
                                           std::string_view field = "granularity");

// The calendar day of a moment (UTC).
inline core::Date DayOf(core::Timestamp t) { return std::chrono::floor<std::chrono::days>(t); }
// Midnight UTC at the start of `day`.
inline core::Timestamp StartOf(core::Date day) { return core::Timestamp{day.time_since_epoch()}; }

}  // namespace buyalign::forecast
