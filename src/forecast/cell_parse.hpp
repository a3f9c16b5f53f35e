#pragma once

#include <optional>
#include <string_view>

namespace buyalign::forecast {

// How the win-model builder reads one CSV cell. Every function takes the raw cell and trims it.

// Empty, or a conventional "no value" marker: NA, N/A, null, none, nan (any case).
bool IsMissingCell(std::string_view cell);
// A decimal number ("12", "-3.5", "1e6", "+4"); nullopt for anything else, including inf/nan.
std::optional<double> ParseNumberCell(std::string_view cell);
// true/false, yes/no, y/n, t/f (any case); nullopt otherwise. 0/1 stay numbers.
std::optional<bool> ParseBooleanCell(std::string_view cell);
// An ISO 8601 date or date-time, as days since the Unix epoch (the UTC day of a date-time).
std::optional<int64_t> ParseDateCell(std::string_view cell);

std::string_view TrimCell(std::string_view cell);

}  // namespace buyalign::forecast
