#pragma once

#include <span>
#include <string>
#include <string_view>

namespace buyalign::forecast {

// What a CSV column holds, as the win-model builder sees it.
enum class ColumnKind {
  kNumber,      // every present cell is a number
  kBoolean,     // true/false, yes/no, ...
  kDate,        // ISO dates or date-times
  kCategory,    // short labels that repeat
  kText,        // free text (long, mostly unique, with spaces): ignored
  kIdentifier,  // a label unique to every row: carries nothing that generalises, ignored
  kEmpty,       // no present cell at all
};

std::string_view ColumnKindName(ColumnKind kind);
// The kind named by ColumnKindName, or false.
bool ParseColumnKind(std::string_view name, ColumnKind& kind);

// Decides a column's kind from its cells. A kind is chosen when at least 98% of the present cells
// read as it (the rest are then treated as missing), tried in the order boolean, number, date.
// Otherwise the column is text when its present cells average 25 characters or more, contain a
// space in most cells and are at least half unique; an identifier when every present cell is
// distinct (and there are 20 or more); else a category.
ColumnKind DetectColumnKind(std::span<const std::string> cells);

}  // namespace buyalign::forecast
