#include "forecast/column_kind.hpp"

#include <array>
#include <unordered_set>

#include "forecast/cell_parse.hpp"

namespace buyalign::forecast {
namespace {

constexpr double kTypedShare = 0.98;
constexpr double kTextMeanLength = 25.0;
constexpr size_t kMinRowsForIdentifier = 20;

constexpr std::array<std::pair<ColumnKind, std::string_view>, 7> kNames{{
    {ColumnKind::kNumber, "number"},
    {ColumnKind::kBoolean, "boolean"},
    {ColumnKind::kDate, "date"},
    {ColumnKind::kCategory, "category"},
    {ColumnKind::kText, "text"},
    {ColumnKind::kIdentifier, "identifier"},
    {ColumnKind::kEmpty, "empty"},
}};

}  // namespace

std::string_view ColumnKindName(ColumnKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

bool ParseColumnKind(std::string_view name, ColumnKind& kind) {
  for (const auto& [k, n] : kNames) {
    if (n == name) {
      kind = k;
      return true;
    }
  }
  return false;
}

ColumnKind DetectColumnKind(std::span<const std::string> cells) {
  size_t present = 0, booleans = 0, numbers = 0, dates = 0, with_space = 0;
  double total_length = 0.0;
  std::unordered_set<std::string_view> distinct;
  for (const std::string& cell : cells) {
    if (IsMissingCell(cell)) continue;
    ++present;
    const std::string_view text = TrimCell(cell);
    if (ParseBooleanCell(text)) ++booleans;
    if (ParseNumberCell(text)) ++numbers;
    if (ParseDateCell(text)) ++dates;
    if (text.find(' ') != std::string_view::npos) ++with_space;
    total_length += static_cast<double>(text.size());
    distinct.insert(text);
  }
  if (present == 0) return ColumnKind::kEmpty;
  const auto share = [&](size_t count) {
    return static_cast<double>(count) / static_cast<double>(present);
  };
  if (share(booleans) >= kTypedShare && distinct.size() <= 8) return ColumnKind::kBoolean;
  if (share(numbers) >= kTypedShare) return ColumnKind::kNumber;
  if (share(dates) >= kTypedShare) return ColumnKind::kDate;
  if (total_length / static_cast<double>(present) >= kTextMeanLength && share(with_space) > 0.5 &&
      share(distinct.size()) >= 0.5) {
    return ColumnKind::kText;
  }
  if (distinct.size() == present && present >= kMinRowsForIdentifier) {
    return ColumnKind::kIdentifier;
  }
  return ColumnKind::kCategory;
}

}  // namespace buyalign::forecast
