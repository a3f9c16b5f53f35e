#include "crm/salesforce_import.hpp"

#include <gtest/gtest.h>

#include "crm/crm_test_support.hpp"

namespace buyalign::crm {
namespace {

using testing::CrmTest;
using testing::ReadFile;
using testing::TestData;
using testing::WriteFile;

template <class T>
const T* FindById(const std::vector<storage::Sourced<T>>& records, std::string_view id) {
  for (const auto& r : records) {
    if (r.record.id == id) return &r.record;
  }
  return nullptr;
}

int64_t Skipped(const ImportReport& report, std::string_view file, std::string_view reason) {
  auto it = report.skipped().find({std::string(file), std::string(reason)});
  return it == report.skipped().end() ? 0 : it->second.count;
}

int64_t ValueCount(const ImportReport& report, ValueEvent event, std::string_view field,
                   std::string_view value) {
  int64_t total = 0;
  for (const auto& [key, count] : report.values()) {
    if (std::get<0>(key) == event && std::get<2>(key) == field && std::get<3>(key) == value) {
      total += count;
    }
  }
  return total;
}

TEST(SalesforceImport, ReadsTheSampleExportIntoRecords) {
  auto batch = ReadSalesforceExport(TestData("salesforce"));
  ASSERT_TRUE(batch) << batch.error().message;
  const auto& records = batch->records;
  EXPECT_EQ(records.users.size(), 3u);
  EXPECT_EQ(records.teams.size(), 1u);  // Benelux; the empty department makes none
  ASSERT_EQ(records.accounts.size(), 4u);
  EXPECT_EQ(FindById(records.accounts, "001A1")->name, "Transport Janssens, NV");
  EXPECT_EQ(FindById(records.accounts, "001A3")->name, "Keukens \"De Linde\"\r\nShowroom");
  EXPECT_FALSE(FindById(records.accounts, "001A2")->employees.has_value());
  EXPECT_EQ(FindById(records.accounts, "001A4")->employees, 1200);
  EXPECT_EQ(records.contacts.size(), 5u);  // the private contact is skipped
  EXPECT_EQ(FindById(records.contacts, "003C5")->name, "Zoë d'Hondt");
  EXPECT_EQ(FindById(records.users, "005A3")->name, "Søren Østergaard");
  EXPECT_EQ(FindById(records.users, "005A2")->role, domain::UserRole::kManager);
  EXPECT_EQ(FindById(records.users, "005A3")->role, domain::UserRole::kMarketing);

  ASSERT_EQ(records.opportunities.size(), 4u);  // the one without an account is skipped
  const auto* open = FindById(records.opportunities, "006O2");
  EXPECT_EQ(open->status, domain::OpportunityStatus::kOpen);
  EXPECT_FALSE(open->amount.has_value());
  const auto* won = FindById(records.opportunities, "006O3");
  EXPECT_EQ(won->status, domain::OpportunityStatus::kWon);
  EXPECT_EQ(won->name, "Kitchen showroom\r\nsecond visit");
  EXPECT_EQ(won->amount, 15500.5);
  EXPECT_EQ(core::FormatTimestamp(*won->created_at), "2026-01-05T10:00:00Z");
  const auto* lost = FindById(records.opportunities, "006O4");
  EXPECT_EQ(lost->status, domain::OpportunityStatus::kLost);
  EXPECT_EQ(lost->owner, "");  // 005A9 is not in User.csv
  ASSERT_EQ(records.outcomes.size(), 2u);
  EXPECT_EQ(core::FormatTimestamp(records.outcomes[0].record.at), "2026-03-20T00:00:00Z");

  ASSERT_EQ(records.dmu_members.size(), 5u);
  EXPECT_EQ(records.dmu_members[1].record.role, domain::DmuRole::kEconomicBuyer);
  EXPECT_EQ(records.dmu_members[2].record.role, domain::DmuRole::kOther);  // Gatekeeper
  EXPECT_EQ(records.dmu_members[4].record.role, domain::DmuRole::kTechnicalBuyer);

  ASSERT_EQ(records.activities.size(), 4u);  // the task on an account is skipped
  EXPECT_EQ(FindById(records.activities, "00T1")->kind, "demo");
  EXPECT_EQ(FindById(records.activities, "00T2")->kind, "quote_sent");
  EXPECT_EQ(FindById(records.activities, "00T4")->kind, "follow_up");
  EXPECT_TRUE(FindById(records.activities, "00T4")->contact_ids.empty());  // a lead
  const auto* meeting = FindById(records.activities, "00U1");
  EXPECT_EQ(meeting->kind, "discovery_meeting");
  EXPECT_EQ(meeting->duration_min, 60);
  EXPECT_EQ(core::FormatTimestamp(meeting->at), "2026-02-20T14:00:00Z");

  ASSERT_EQ(batch->records.stage_changes.size(), 4u);  // one refers to an opportunity not exported
  EXPECT_EQ(batch->records.stage_changes[1].record.probability, 0.2);
  EXPECT_EQ(batch->records.stage_changes[2].record.probability, 1.0);  // from the stage table
}

TEST(SalesforceImport, SummaryListsSkipsUnmappedValuesAndNotes) {
  auto batch = ReadSalesforceExport(TestData("salesforce"));
  ASSERT_TRUE(batch) << batch.error().message;
  const ImportReport& report = batch->report;
  EXPECT_EQ(Skipped(report, "Contact.csv", "no AccountId (Buyalign needs an account)"), 1);
  EXPECT_EQ(Skipped(report, "Opportunity.csv", "no AccountId (Buyalign needs an account)"), 1);
  EXPECT_EQ(Skipped(report, "OpportunityContactRole.csv",
                    "the contact already has a role in this opportunity (first kept)"),
            1);
  EXPECT_EQ(Skipped(report, "OpportunityContactRole.csv", "its contact was skipped"), 1);
  EXPECT_EQ(Skipped(report, "OpportunityContactRole.csv", "its opportunity was skipped"), 1);
  EXPECT_EQ(ValueCount(report, ValueEvent::kUnmapped, "StageName", "Pilot Running"), 2);
  EXPECT_EQ(ValueCount(report, ValueEvent::kUnmapped, "Role", "Gatekeeper"), 1);
  EXPECT_EQ(ValueCount(report, ValueEvent::kUnmapped, "OwnerId", "005A9"), 1);
  EXPECT_EQ(report.rows().at("Opportunity.csv"), 5);
  EXPECT_TRUE(report.notes().empty());  // every file is there
  std::string table = report.ToTable();
  EXPECT_NE(table.find("\"Pilot Running\" -> status from IsWon/IsClosed: 1"), std::string::npos)
      << table;
}

TEST_F(CrmTest, AbsentFilesAreNotedAndTheRestImports) {
  auto export_dir = CopyOf(TestData("salesforce"));
  for (auto file : {"Task.csv", "Event.csv", "OpportunityHistory.csv", "User.csv"}) {
    std::filesystem::remove(export_dir / file);
  }
  auto& store = NewStore();
  auto report = ImportSalesforce(store, export_dir);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->notes().size(), 4u);
  EXPECT_EQ(report->notes()[0], "User.csv: absent, skipped");
  EXPECT_EQ(report->StoredCount("opportunity").created, 4);
  EXPECT_EQ(report->StoredCount("account").created, 4);
}

TEST_F(CrmTest, ImportStoresEverythingAndASecondImportChangesNothing) {
  auto& store = NewStore();
  auto first = ImportSalesforce(store, TestData("salesforce"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->StoredCount("opportunity").created, 4);
  EXPECT_EQ(first->StoredCount("dmu_member").created, 5);
  EXPECT_EQ(first->StoredCount("activity").created, 4);
  EXPECT_EQ(first->StoredCount("outcome").created, 2);
  EXPECT_EQ(first->StoredCount("stage_change").created, 4);
  auto second = ImportSalesforce(store, TestData("salesforce"));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->StoredCount("opportunity").created, 0);
  EXPECT_EQ(second->StoredCount("opportunity").unchanged, 4);
  EXPECT_EQ(second->StoredCount("activity").updated, 0);
}

void Spoil(const std::filesystem::path& path, std::string_view from, std::string_view to) {
  std::string text = ReadFile(path);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  WriteFile(path, text);
}

// Each spoiled export must fail with this message and leave the store as it was.
struct BadInput {
  const char* file;
  const char* from;
  const char* to;
  const char* message;
};

TEST_F(CrmTest, BadInputFailsNamingTheCellAndLeavesTheStoreUnchanged) {
  const BadInput cases[] = {
      {"Opportunity.csv", "\"2026-09-15\"", "\"31-31-2026\"",
       "Opportunity.csv: line 3, column 5 (CloseDate): cannot read date \"31-31-2026\""},
      {"Opportunity.csv", "\"StageName\"", "\"Stage\"",
       "Opportunity.csv: line 1: the header has no column \"StageName\", which this file needs"},
      {"Contact.csv", "\"Els\",\"Vermeulen\"", "\"Els\",\"Ver\"meulen\"",
       "Contact.csv: line 3, column 4 (LastName): malformed quoting"},
      {"Opportunity.csv", "\"006O4\",\"001A4\"", "\"006O4\",\"001ZZ\"",
       "Opportunity.csv: line 6, column 2 (AccountId): no account with Id \"001ZZ\" in this "
       "export or in the database"},
      {"Account.csv", "\"1200\"", "\"about 1200\"",
       "Account.csv: line 6, column 4 (NumberOfEmployees): cannot read number \"about 1200\""},
      {"OpportunityContactRole.csv", "\"00K5\",\"006O4\",\"003C6\"", "\"00K5\",\"006O4\",\"003C9\"",
       "OpportunityContactRole.csv: line 6, column 3 (ContactId): no contact with Id \"003C9\""},
      {"Account.csv", "\"001A4\"", "\"001A1\"", "Account.csv: line 6, column 1 (Id): duplicate Id"},
  };
  auto& store = NewStore();
  // A first good import, so "unchanged" means more than "empty".
  ASSERT_TRUE(ImportSalesforce(store, TestData("salesforce")));
  auto before = testing::Dump(store);
  for (const auto& c : cases) {
    auto export_dir = CopyOf(TestData("salesforce"));
    Spoil(export_dir / c.file, c.from, c.to);
    // A good change too, which must not land either.
    Spoil(export_dir / "Account.csv", "Technova", "Technova SA");
    auto report = ImportSalesforce(store, export_dir);
    ASSERT_FALSE(report) << c.message;
    EXPECT_EQ(report.error().message.rfind(c.message, 0), 0u) << report.error().message;
    EXPECT_EQ(testing::Dump(store), before) << c.message;
    std::filesystem::remove_all(export_dir);
  }
}

}  // namespace
}  // namespace buyalign::crm
