#include <rapidjson/document.h>

#include "storage/store_test_fixture.hpp"

namespace buyalign::storage::testing {
namespace {

using core::ErrorCode;

using SqlStoreAudit = StoreTest;

std::vector<AuditEntry> Entries(Store& store, const AuditFilter& filter = {}) {
  auto page = store.ListAudit(filter, {"", 1000});
  EXPECT_TRUE(page) << page.error().message;
  return page ? page->items : std::vector<AuditEntry>{};
}

rapidjson::Document Json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  EXPECT_FALSE(document.HasParseError()) << text;
  return document;
}

TEST_F(SqlStoreAudit, CreateUpdateDeleteCarryBeforeAfterAndActor) {
  Actor ann{"u-ann", "api"};
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1"), ann));
  auto account = MakeAccount("a1");
  account.name = "Janssens Logistics";
  ASSERT_TRUE(store().UpdateAccount(account, 1, {"u-bob", "cli"}));
  ASSERT_TRUE(store().DeleteAccount("a1", 2, ann));

  auto entries = Entries(store(), {"", "account", "a1", {}, {}});
  ASSERT_EQ(entries.size(), 3u);  // newest first
  const AuditEntry& removed = entries[0];
  const AuditEntry& updated = entries[1];
  const AuditEntry& created = entries[2];
  EXPECT_EQ(created.action, "create");
  EXPECT_EQ(created.user_id, "u-ann");
  EXPECT_EQ(created.via, "api");
  EXPECT_TRUE(created.before.empty());
  EXPECT_EQ(Json(created.after)["name"].GetString(), std::string("Transport Janssens"));
  EXPECT_EQ(Json(created.after)["employees"].GetInt64(), 85);

  EXPECT_EQ(updated.action, "update");
  EXPECT_EQ(updated.user_id, "u-bob");
  EXPECT_EQ(updated.via, "cli");
  EXPECT_EQ(Json(updated.before)["name"].GetString(), std::string("Transport Janssens"));
  EXPECT_EQ(Json(updated.after)["name"].GetString(), std::string("Janssens Logistics"));
  EXPECT_EQ(Json(updated.after)["version"].GetInt64(), 2);

  EXPECT_EQ(removed.action, "delete");
  EXPECT_EQ(Json(removed.before)["name"].GetString(), std::string("Janssens Logistics"));
  EXPECT_TRUE(removed.after.empty());
  EXPECT_GT(removed.id, updated.id);
  EXPECT_EQ(Entries(store(), {"u-ann", "", "", {}, {}}).size(), 2u);
}

TEST_F(SqlStoreAudit, ReferencesAppearAsExternalIds) {
  CreateBasics();
  ASSERT_TRUE(store().CreateActivity(MakeActivity("x1", "o1", {"c1"}, 1772373600)));
  auto entries = Entries(store(), {"", "activity", "x1", {}, {}});
  ASSERT_EQ(entries.size(), 1u);
  auto after = Json(entries[0].after);
  EXPECT_EQ(after["opportunity_id"].GetString(), std::string("o1"));
  EXPECT_EQ(after["at"].GetString(), std::string("2026-03-01T14:00:00Z"));
  ASSERT_TRUE(after["contact_ids"].IsArray());
  EXPECT_EQ(after["contact_ids"][0].GetString(), std::string("c1"));
  auto opportunity = Entries(store(), {"", "opportunity", "o1", {}, {}});
  ASSERT_EQ(opportunity.size(), 1u);
  EXPECT_EQ(Json(opportunity[0].after)["account_id"].GetString(), std::string("a1"));
}

TEST_F(SqlStoreAudit, FailedWritesLeaveNoEntry) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
  size_t before = Entries(store()).size();
  EXPECT_FALSE(store().CreateAccount(MakeAccount("a1")));          // duplicate
  EXPECT_FALSE(store().UpdateAccount(MakeAccount("a1"), 7));       // stale version
  EXPECT_FALSE(store().CreateContact(MakeContact("c1", "a404")));  // unknown reference
  ASSERT_TRUE(store().CreateContact(MakeContact("c1", "a1")));
  EXPECT_FALSE(store().DeleteAccount("a1", 1));  // still referenced
  RecordBatch batch;
  batch.accounts.push_back({MakeAccount("a2"), 1});
  batch.contacts.push_back({MakeContact("c2", "a404"), 2});
  EXPECT_FALSE(store().Import(batch));             // fails after a2 was written: all rolled back
  EXPECT_EQ(Entries(store()).size(), before + 1);  // only c1's creation
  EXPECT_EQ(store().GetAccount("a2").error().code, ErrorCode::kNotFound);
}

TEST_F(SqlStoreAudit, AnImportIsOneEntryWithCounts) {
  RecordBatch batch;
  for (int i = 0; i < 50; ++i) batch.accounts.push_back({MakeAccount("a" + std::to_string(i)), i});
  batch.contacts.push_back({MakeContact("c1", "a1"), 51});
  ASSERT_TRUE(store().Import(batch, {}, {"u-ops", "import"}));
  batch.accounts[0].record.name = "Renamed";
  ASSERT_TRUE(store().Import(batch, {}, {"u-ops", "import"}));
  auto entries = Entries(store());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].action, "import");
  EXPECT_EQ(entries[1].via, "import");
  EXPECT_EQ(entries[1].user_id, "u-ops");
  auto first = Json(entries[1].after);
  EXPECT_EQ(first["account"]["created"].GetInt64(), 50);
  EXPECT_EQ(first["contact"]["created"].GetInt64(), 1);
  EXPECT_FALSE(first.HasMember("signal"));
  auto second = Json(entries[0].after);
  EXPECT_EQ(second["account"]["updated"].GetInt64(), 1);
  EXPECT_EQ(second["account"]["unchanged"].GetInt64(), 49);
}

TEST_F(SqlStoreAudit, ListAuditFiltersAndPages) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(store().CreateAccount(MakeAccount("a" + std::to_string(i))));
  auto first = store().ListAudit({}, {"", 2});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].record_id, "a4");
  auto second = store().ListAudit({}, {first->next_cursor, 10});
  ASSERT_TRUE(second);
  ASSERT_EQ(second->items.size(), 3u);
  EXPECT_EQ(second->items[2].record_id, "a0");
  EXPECT_TRUE(second->next_cursor.empty());
  core::Timestamp tomorrow = core::Now() + std::chrono::hours(24);
  EXPECT_TRUE(Entries(store(), {"", "", "", tomorrow, {}}).empty());
  EXPECT_EQ(Entries(store(), {"", "", "", {}, tomorrow}).size(), 5u);
  EXPECT_FALSE(store().ListAudit({}, {"zz", 10}));
}

}  // namespace
}  // namespace buyalign::storage::testing
