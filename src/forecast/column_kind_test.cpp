#include "forecast/column_kind.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace buyalign::forecast {
namespace {

std::vector<std::string> Repeat(std::vector<std::string> values, size_t times) {
  std::vector<std::string> out;
  for (size_t i = 0; i < times; ++i) out.insert(out.end(), values.begin(), values.end());
  return out;
}

TEST(DetectColumnKind, ReadsEachKind) {
  struct Case {
    std::vector<std::string> cells;
    ColumnKind expected;
  };
  std::vector<std::string> ids, notes;
  for (int i = 0; i < 40; ++i) {
    ids.push_back("OPP-" + std::to_string(1000 + i));
    notes.push_back("customer asked about pricing and delivery times, call #" + std::to_string(i));
  }
  const std::vector<Case> cases{
      {Repeat({"12", "3.5", "", "-1e3", "+4"}, 10), ColumnKind::kNumber},
      {Repeat({"yes", "No", "YES", "NA"}, 10), ColumnKind::kBoolean},
      {Repeat({"2017-03-01", "2017-12-31T10:00:00Z", "null"}, 10), ColumnKind::kDate},
      {Repeat({"Central", "East", "West"}, 10), ColumnKind::kCategory},
      {ids, ColumnKind::kIdentifier},
      {notes, ColumnKind::kText},
      {Repeat({"", "NA", "null", " "}, 5), ColumnKind::kEmpty},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DetectColumnKind(c.cells), c.expected) << c.cells.front();
  }
}

TEST(DetectColumnKind, ToleratesTwoPercentOfStrayCellsInANumberColumn) {
  auto cells = Repeat({"1", "2", "3", "4", "5"}, 20);  // 100 numbers
  cells[7] = "unknown";
  EXPECT_EQ(DetectColumnKind(cells), ColumnKind::kNumber);
  cells[8] = "n.a.";
  cells[9] = "tbd";
  EXPECT_EQ(DetectColumnKind(cells), ColumnKind::kCategory);  // 3% stray: not a number column
}

TEST(DetectColumnKind, ShortRepeatedLabelsAreCategoriesNotIdentifiers) {
  // Few rows, all distinct: too little evidence to call it an identifier.
  EXPECT_EQ(DetectColumnKind(std::vector<std::string>{"a", "b", "c"}), ColumnKind::kCategory);
}

}  // namespace
}  // namespace buyalign::forecast
