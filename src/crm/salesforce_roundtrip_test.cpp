#include <gtest/gtest.h>

#include "crm/crm_test_support.hpp"
#include "crm/csv_reader.hpp"
#include "crm/salesforce_export.hpp"
#include "crm/salesforce_import.hpp"

namespace buyalign::crm {
namespace {

using testing::CrmTest;
using testing::Dump;
using testing::TestData;

TEST_F(CrmTest, SalesforceImportExportImportGivesTheSameRecords) {
  auto& first = NewStore();
  auto imported = ImportSalesforce(first, TestData("salesforce"));
  ASSERT_TRUE(imported) << imported.error().message;
  auto exported_dir = dir() / "export";
  auto exported = ExportSalesforce(first, exported_dir);
  ASSERT_TRUE(exported) << exported.error().message;

  auto& second = NewStore();
  auto reimported = ImportSalesforce(second, exported_dir);
  ASSERT_TRUE(reimported) << reimported.error().message;
  auto records = Dump(first);
  EXPECT_GT(records.size(), 25u);
  EXPECT_EQ(Dump(second), records);
  EXPECT_EQ(reimported->SkippedTotal(), 0);  // what was skipped the first time is not exported

  // And the export of the copy is the same bytes.
  auto again_dir = dir() / "again";
  ASSERT_TRUE(ExportSalesforce(second, again_dir));
  for (auto file :
       {"User.csv", "Account.csv", "Contact.csv", "Opportunity.csv", "OpportunityContactRole.csv",
        "OpportunityHistory.csv", "Task.csv", "Event.csv"}) {
    EXPECT_EQ(testing::ReadFile(again_dir / file), testing::ReadFile(exported_dir / file)) << file;
  }
}

TEST_F(CrmTest, ExportWritesMeetingsAsEventsAndOnePrimaryRolePerOpportunity) {
  auto& store = NewStore();
  ASSERT_TRUE(ImportSalesforce(store, TestData("salesforce")));
  ASSERT_TRUE(ExportSalesforce(store, dir() / "out"));
  const std::string events = testing::ReadFile(dir() / "out/Event.csv");
  const std::string tasks = testing::ReadFile(dir() / "out/Task.csv");
  // The discovery meeting (an event) and the demo (a task in the sample) are meetings: events.
  EXPECT_NE(events.find("\"00U1\",\"006O1\",\"003C2\""), std::string::npos) << events;
  EXPECT_NE(events.find("\"00T1\""), std::string::npos) << events;
  EXPECT_NE(
      events.find("\"Discovery meeting\",\"2026-02-20\",\"2026-02-20T14:00:00.000+0000\",\"60\""),
      std::string::npos)
      << events;
  EXPECT_EQ(tasks.find("\"00T1\""), std::string::npos) << tasks;
  // Sending a quote is no meeting.
  EXPECT_NE(tasks.find("\"00T2\""), std::string::npos) << tasks;

  // The primary role of the sample (IsPrimary, no Influence__c) weighs 0.8 and stays primary.
  auto member = store.GetDmuMember("006O1", "003C1");
  ASSERT_TRUE(member);
  EXPECT_EQ(member->influence, 0.8);
  EXPECT_EQ(store.GetDmuMember("006O1", "003C2")->influence, 0.5);
  const std::string roles = testing::ReadFile(dir() / "out/OpportunityContactRole.csv");
  EXPECT_NE(roles.find("\"006O1\",\"003C1\",\"Evaluator\",\"true\",\"0.8\""), std::string::npos)
      << roles;
  EXPECT_NE(roles.find("\"006O1\",\"003C2\",\"Economic Buyer\",\"false\""), std::string::npos)
      << roles;
}

TEST_F(CrmTest, ExportWritesSalesforceHeadersAndQuotesEveryField) {
  auto& store = NewStore();
  ASSERT_TRUE(ImportSalesforce(store, TestData("salesforce")));
  ASSERT_TRUE(ExportSalesforce(store, dir() / "out"));
  std::string opportunities = testing::ReadFile(dir() / "out/Opportunity.csv");
  EXPECT_EQ(opportunities.substr(0, opportunities.find("\r\n")),
            "\"Id\",\"AccountId\",\"Name\",\"StageName\",\"Amount\",\"CurrencyIsoCode\","
            "\"CloseDate\",\"IsClosed\",\"IsWon\",\"OwnerId\",\"CreatedDate\"");
  // The latest stage of the history is kept, even one the stage table does not know.
  EXPECT_NE(opportunities.find("\"006O2\",\"001A2\",\"Flottenplanung\",\"Pilot Running\""),
            std::string::npos)
      << opportunities;
  EXPECT_NE(opportunities.find("\"006O3\",\"001A3\",\"Kitchen showroom\r\nsecond visit\","
                               "\"Closed Won\",\"15500.5\""),
            std::string::npos)
      << opportunities;
  auto accounts = CsvReader::Open(dir() / "out/Account.csv");
  ASSERT_TRUE(accounts);
  CsvRecord record;
  int rows = 0;
  while (accounts->Next(record).value()) ++rows;
  EXPECT_EQ(rows, 4);
}

}  // namespace
}  // namespace buyalign::crm
