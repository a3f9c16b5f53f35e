#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace buyalign::core {

// A moment in UTC, to the second. Stored and compared as seconds since the Unix epoch.
using Timestamp = std::chrono::sys_seconds;
// A calendar date (no time of day), as days since the Unix epoch.
using Date = std::chrono::sys_days;

// Parses ISO 8601 "YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm|-hh:mm)"; a bare date means midnight UTC.
// Fractional seconds are truncated. Fails with kInvalidArgument naming what is wrong.
Result<Timestamp> ParseTimestamp(std::string_view text);
// Formats as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatTimestamp(Timestamp t);

// Parses "YYYY-MM-DD" and checks that the day exists.
Result<Date> ParseDate(std::string_view text);
std::string FormatDate(Date d);

inline int64_t ToUnixSeconds(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp FromUnixSeconds(int64_t s) { return Timestamp{std::chrono::seconds{s}}; }
inline int64_t ToUnixDays(Date d) { return d.time_since_epoch().count(); }
inline Date FromUnixDays(int64_t days) { return Date{std::chrono::days{days}}; }

// The current time, truncated to the second.
Timestamp Now();

}  // namespace buyalign::core
