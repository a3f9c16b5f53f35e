#include "crm/import_report.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace buyalign::crm {
namespace {

ImportReport Sample() {
  ImportReport report;
  report.SetStored({{{"account", {2, 1, 3}}, {"opportunity", {5, 0, 0}}}});
  report.RowsRead("Opportunity.csv", 6);
  report.Skip("Opportunity.csv", 7, "no AccountId");
  report.Skip("Opportunity.csv", 9, "no AccountId");
  report.Value(ValueEvent::kUnmapped, "Opportunity.csv", "StageName", "Pilot \"R\"", "open");
  report.Value(ValueEvent::kUnmapped, "Opportunity.csv", "StageName", "Pilot \"R\"", "open");
  report.Note("Task.csv: absent, skipped");
  return report;
}

TEST(ImportReport, TableShowsCountsSkipsValuesAndNotes) {
  std::string table = Sample().ToTable();
  EXPECT_NE(table.find("account            2        1          3"), std::string::npos) << table;
  EXPECT_NE(table.find("Opportunity.csv: 2 x no AccountId (lines 7, 9)"), std::string::npos)
      << table;
  EXPECT_NE(table.find("unmapped Opportunity.csv StageName \"Pilot \"R\"\" -> open: 2"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("Task.csv: absent, skipped"), std::string::npos);
}

TEST(ImportReport, JsonIsValidAndComplete) {
  rapidjson::Document json;
  json.Parse(Sample().ToJson().c_str());
  ASSERT_FALSE(json.HasParseError());
  EXPECT_EQ(json["stored"]["account"]["updated"].GetInt(), 1);
  EXPECT_EQ(json["rows"]["Opportunity.csv"].GetInt(), 6);
  EXPECT_EQ(json["skipped"][0]["count"].GetInt(), 2);
  EXPECT_EQ(json["skipped"][0]["lines"][1].GetInt(), 9);
  EXPECT_STREQ(json["values"][0]["value"].GetString(), "Pilot \"R\"");
  EXPECT_EQ(json["values"][0]["count"].GetInt(), 2);
  EXPECT_STREQ(json["notes"][0].GetString(), "Task.csv: absent, skipped");
}

TEST(ImportReport, ExampleLinesAreCappedButCountsAreNot) {
  ImportReport report;
  for (int line = 2; line < 100; ++line) report.Skip("f.csv", line, "why");
  EXPECT_EQ(report.SkippedTotal(), 98);
  EXPECT_EQ(report.skipped().begin()->second.example_lines.size(), 5u);
}

}  // namespace
}  // namespace buyalign::crm
