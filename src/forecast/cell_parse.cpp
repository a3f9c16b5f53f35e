#include "forecast/cell_parse.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/time.hpp"

namespace buyalign::forecast {
namespace {

bool EqualsLower(std::string_view text, std::string_view lower) {
  return std::equal(text.begin(), text.end(), lower.begin(), lower.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
}

}  // namespace

std::string_view TrimCell(std::string_view cell) {
  const size_t begin = cell.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const size_t end = cell.find_last_not_of(" \t\r\n");
  return cell.substr(begin, end - begin + 1);
}

bool IsMissingCell(std::string_view cell) {
  cell = TrimCell(cell);
  if (cell.empty()) return true;
  if (cell.size() > 4) return false;
  constexpr std::array<std::string_view, 5> kMarkers{"na", "n/a", "null", "none", "nan"};
  return std::any_of(kMarkers.begin(), kMarkers.end(),
                     [&](std::string_view marker) { return EqualsLower(cell, marker); });
}

std::optional<double> ParseNumberCell(std::string_view cell) {
  cell = TrimCell(cell);
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  if (cell.empty()) return std::nullopt;
  double value = 0.0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> ParseBooleanCell(std::string_view cell) {
  cell = TrimCell(cell);
  for (std::string_view yes : {"true", "yes", "y", "t"}) {
    if (EqualsLower(cell, yes)) return true;
  }
  for (std::string_view no : {"false", "no", "n", "f"}) {
    if (EqualsLower(cell, no)) return false;
  }
  return std::nullopt;
}

std::optional<int64_t> ParseDateCell(std::string_view cell) {
  cell = TrimCell(cell);
  // Cheap shape check first: most cells of most columns are not dates.
  if (cell.size() < 10 || cell[4] != '-' || cell[7] != '-') return std::nullopt;
  if (cell.size() == 10) {
    auto date = core::ParseDate(cell);
    if (!date) return std::nullopt;
    return core::ToUnixDays(*date);
  }
  auto moment = core::ParseTimestamp(cell);
  if (!moment) return std::nullopt;
  return core::ToUnixDays(std::chrono::floor<std::chrono::days>(*moment));
}

}  // namespace buyalign::forecast
