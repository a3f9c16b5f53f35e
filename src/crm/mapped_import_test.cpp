#include "crm/mapped_import.hpp"

#include <gtest/gtest.h>

#include <map>

#include "crm/crm_test_support.hpp"

namespace buyalign::crm {
namespace {

using testing::CrmTest;

core::Result<CsvMapping> MavenMapping() {
  return CsvMapping::Load(testing::SourceDir() / "configs/maven-crm.mapping.toml");
}

int64_t Value(const ImportReport& report, ValueEvent event, std::string_view field,
              std::string_view value, std::string_view outcome) {
  int64_t total = 0;
  for (const auto& [key, count] : report.values()) {
    if (std::get<0>(key) == event && std::get<2>(key) == field && std::get<3>(key) == value &&
        std::get<4>(key) == outcome) {
      total += count;
    }
  }
  return total;
}

TEST_F(CrmTest, MavenDataSetImportsCompletelyAndNamesItsQuirks) {
  if (!std::filesystem::exists(testing::MavenDir())) GTEST_SKIP() << "no shared/data/maven-crm";
  auto mapping = MavenMapping();
  ASSERT_TRUE(mapping) << mapping.error().message;
  auto& store = NewStore();
  auto report = ImportMappedCsv(store, testing::MavenDir(), *mapping);
  ASSERT_TRUE(report) << report.error().message;

  EXPECT_EQ(report->StoredCount("opportunity").created, 8800);
  EXPECT_EQ(report->StoredCount("account").created, 86);  // 85 and the placeholder
  EXPECT_EQ(report->StoredCount("user").created, 41);     // 35 agents and 6 managers
  EXPECT_EQ(report->StoredCount("team").created, 3);
  EXPECT_EQ(report->StoredCount("outcome").created, 4238 + 2473);

  // The quirks, each counted.
  EXPECT_EQ(Value(*report, ValueEvent::kDefaulted, "account_id (account)", "",
                  "placeholder maven-unknown-account"),
            1425);
  EXPECT_EQ(Value(*report, ValueEvent::kNormalised, "product", "GTXPro", "GTX Pro"), 1480);
  EXPECT_EQ(Value(*report, ValueEvent::kNormalised, "sector", "technolgy", "technology"), 12);
  EXPECT_EQ(Value(*report, ValueEvent::kDefaulted, "created_at (engage_date)", "", "left empty"),
            500);
  EXPECT_EQ(Value(*report, ValueEvent::kDefaulted, "expected_close (close_date)", "", "left empty"),
            2089);
  EXPECT_EQ(report->SkippedTotal(), 32 + 29);  // repeated offices and managers, merged
  std::string table = report->ToTable();
  EXPECT_NE(table.find("revenue multiplied by 1000000 for segment"), std::string::npos) << table;
  EXPECT_NE(table.find("columns not imported: year_established, subsidiary_of"), std::string::npos)
      << table;

  // Spot checks of the records themselves.
  auto opp = store.GetOpportunity("Z063OYW0");
  ASSERT_TRUE(opp);
  EXPECT_EQ(opp->name, "GTX Pro deal Z063OYW0");
  EXPECT_EQ(opp->account_id, "maven-isdom");
  EXPECT_EQ(opp->owner, "maven-darcel-schlecht");
  EXPECT_EQ(opp->status, domain::OpportunityStatus::kWon);
  EXPECT_EQ(opp->amount, 4514);
  auto acme = store.GetAccount("maven-acme-corporation");
  ASSERT_TRUE(acme);
  EXPECT_EQ(acme->industry, "technology");
  EXPECT_EQ(acme->segment, "enterprise");  // 1,100.04 million
  EXPECT_EQ(acme->employees, 2822);
  auto manager = store.GetUser("maven-dustin-brinkmann");
  ASSERT_TRUE(manager);
  EXPECT_EQ(manager->role, domain::UserRole::kManager);
  EXPECT_EQ(manager->team, "maven-office-central");

  // A second import finds everything unchanged.
  auto again = ImportMappedCsv(store, testing::MavenDir(), *mapping);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->StoredCount("opportunity").unchanged, 8800);
}

TEST_F(CrmTest, MappedCsvOfOneFileWithUnknownStatusFailsAtTheCell) {
  testing::WriteFile(dir() / "deals.csv",
                     "deal;customer;stage;value;closes\n"
                     "d1;Acme;open;1000.50;31.12.2026\n"
                     "d2;Acme;maybe;2000;01.01.2027\n");
  auto mapping = CsvMapping::Parse(R"(
[[source]]
record = "account"
[source.fields]
id = { column = "customer", derive = "slug" }
name = "customer"

[[source]]
record = "opportunity"
[source.fields]
id = "deal"
account_id = { column = "customer", ref = "account.name" }
name = { template = "Deal {deal}" }
status = { column = "stage", strict_map = true, map = { open = "open", won = "won" } }
amount = "value"
expected_close = "closes"
)",
                                   "test.mapping.toml");
  ASSERT_TRUE(mapping) << mapping.error().message;
  auto& store = NewStore();
  auto report = ImportMappedCsv(store, dir() / "deals.csv", *mapping);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().message,
            "deals.csv: line 3, column 3 (stage): no mapping for \"maybe\"");
  EXPECT_TRUE(testing::Dump(store).empty());
}

TEST(CsvMapping, RejectsUnknownFieldsAndMissingRequiredOnes) {
  auto unknown = CsvMapping::Parse(
      "[[source]]\nrecord = \"account\"\n[source.fields]\nid = \"a\"\nname = \"b\"\nrevenue = "
      "\"c\"\n",
      "m.toml");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, "m.toml: source 1: a account has no field \"revenue\"");
  auto missing = CsvMapping::Parse(
      "[[source]]\nrecord = \"opportunity\"\n[source.fields]\nid = \"a\"\n", "m.toml");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("needs the field \"account_id\""), std::string::npos);
}

}  // namespace
}  // namespace buyalign::crm
