#include "crm/hubspot_import.hpp"

#include <gtest/gtest.h>

#include "crm/crm_test_support.hpp"

namespace buyalign::crm {
namespace {

using testing::CrmTest;
using testing::TestData;

TEST(HubSpotImport, ReadsCompaniesContactsAndDealsWithTheirAssociations) {
  auto batch = ReadHubSpotExport(TestData("hubspot"));
  ASSERT_TRUE(batch) << batch.error().message;
  const auto& r = batch->records;
  ASSERT_EQ(r.accounts.size(), 3u);
  EXPECT_EQ(r.accounts[0].record.name, "Fjord Analytics, AS");
  EXPECT_EQ(r.accounts[1].record.name, "Café Lumière");
  EXPECT_FALSE(r.accounts[1].record.employees.has_value());

  ASSERT_EQ(r.contacts.size(), 3u);  // the one without a company is skipped
  EXPECT_EQ(r.contacts[0].record.name, "Ingrid Håland");
  EXPECT_EQ(r.contacts[1].record.account_id, "102");  // by the company's name
  EXPECT_EQ(r.contacts[1].record.title, "Owner\n(and chef)");
  EXPECT_EQ(r.contacts[2].record.account_id, "103");  // the first of "103;101"

  ASSERT_EQ(r.opportunities.size(), 4u);  // "Nobody deal" has no company and no contact
  EXPECT_EQ(r.opportunities[0].record.status, domain::OpportunityStatus::kOpen);
  EXPECT_EQ(r.opportunities[1].record.status, domain::OpportunityStatus::kWon);
  EXPECT_EQ(r.opportunities[1].record.amount, 4800.5);
  EXPECT_EQ(r.opportunities[2].record.status, domain::OpportunityStatus::kLost);
  EXPECT_FALSE(r.opportunities[2].record.amount.has_value());
  EXPECT_EQ(r.opportunities[3].record.account_id, "103");  // the company of contact 203
  EXPECT_EQ(r.opportunities[0].record.owner, "hubspot-owner-kari-nordmann");
  EXPECT_EQ(core::FormatTimestamp(*r.opportunities[0].record.created_at), "2026-01-10T08:00:00Z");
  EXPECT_EQ(r.users.size(), 2u);
  EXPECT_EQ(r.outcomes.size(), 2u);
  EXPECT_EQ(r.dmu_members.size(), 4u);  // 999 is not in the contacts export

  const auto& report = batch->report;
  EXPECT_EQ(report.ValueTotal(ValueEvent::kUnmapped, "Deal Stage"), 1);
  EXPECT_EQ(report.ValueTotal(ValueEvent::kUnmapped, "Associated Contact IDs"), 1);
  EXPECT_EQ(report.SkippedTotal(), 2);
}

TEST_F(CrmTest, HubSpotImportStoresInOneGo) {
  auto& store = NewStore();
  auto report = ImportHubSpot(store, TestData("hubspot"));
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->StoredCount("opportunity").created, 4);
  EXPECT_EQ(report->StoredCount("contact").created, 3);
  EXPECT_EQ(report->StoredCount("dmu_member").created, 4);
}

TEST_F(CrmTest, HubSpotBadAmountNamesTheCell) {
  auto export_dir = CopyOf(TestData("hubspot"));
  auto deals = export_dir / "hubspot-crm-exports-all-deals-2026-03-01.csv";
  std::string text = testing::ReadFile(deals);
  text.replace(text.find("4800.5"), 6, "4800.5 EUR");
  testing::WriteFile(deals, text);
  auto& store = NewStore();
  auto report = ImportHubSpot(store, export_dir);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().message.rfind("hubspot-crm-exports-all-deals-2026-03-01.csv: line 3, "
                                         "column 4 (Amount): cannot read number",
                                         0),
            0u)
      << report.error().message;
  EXPECT_TRUE(testing::Dump(store).empty());
}

}  // namespace
}  // namespace buyalign::crm
