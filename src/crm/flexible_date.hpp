#pragma once

#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"

namespace buyalign::crm {

// How to read a numeric date whose first two parts could be day or month ("03/04/2026").
enum class DateOrder {
  kAuto,        // decide per value: a part over 12 is the day; refuse a value that stays ambiguous
  kDayFirst,    // DD/MM/YYYY
  kMonthFirst,  // MM/DD/YYYY
};

// Reads the dates and times CRM exports write, as a UTC moment:
// - ISO "YYYY-MM-DD", optionally followed by 'T' or ' ' and "HH:MM[:SS[.fff]]" and a zone
//   "Z", "+hh:mm", "+hhmm" or "+hh" (Salesforce writes "2026-03-04T09:30:00.000+0000"); a time
//   without a zone is taken as UTC;
// - "DD/MM/YYYY" or "MM/DD/YYYY" (also with '-' between the parts) per `order`, "DD.MM.YYYY"
//   (always day first), each optionally followed by " HH:MM[:SS]";
// - epoch milliseconds (11 to 13 digits), as HubSpot sometimes exports them.
// Fails with kInvalidArgument: the message says why (an ambiguous day/month, a day that does not
// exist, or an unknown shape).
core::Result<core::Timestamp> ParseFlexibleTimestamp(std::string_view text,
                                                     DateOrder order = DateOrder::kAuto);

// The calendar date of the same shapes (the UTC date of a moment that has a time).
core::Result<core::Date> ParseFlexibleDate(std::string_view text,
                                           DateOrder order = DateOrder::kAuto);

}  // namespace buyalign::crm
