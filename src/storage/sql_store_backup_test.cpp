#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "storage/sqlite/sqlite_backup.hpp"
#include "storage/store_test_fixture.hpp"

namespace buyalign::storage::testing {
namespace {

using core::ErrorCode;

using SqlStoreBackup = StoreTest;

std::string IntegrityCheck(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string verdict = "cannot check";
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    verdict = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return verdict;
}

TEST_F(SqlStoreBackup, BackupDuringWritesHoldsEveryAcknowledgedWrite) {
  std::atomic<int> acknowledged{0};
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      if (!store().CreateAccount(MakeAccount("a" + std::to_string(i)))) return;
      acknowledged = i + 1;
    }
  });
  while (acknowledged < 50) std::this_thread::yield();
  int before_backup = acknowledged;
  std::string backup = path() + ".backup";
  auto ok = store().Backup(backup);
  int after_backup = acknowledged;
  stop = true;
  writer.join();
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(IntegrityCheck(backup), "ok");

  std::string restored = path() + ".restored";
  auto restore = sqlite::RestoreSqlite(backup, restored);
  ASSERT_TRUE(restore) << restore.error().message;
  EXPECT_EQ(IntegrityCheck(restored), "ok");
  auto reopened = OpenStore(restored);
  ASSERT_TRUE(reopened) << reopened.error().message;
  auto page = (*reopened)->ListAccounts({"", 1000});
  ASSERT_TRUE(page);
  int count = static_cast<int>(page->items.size());
  EXPECT_GE(count, before_backup);
  EXPECT_LE(count, after_backup + 1);
  for (int i = 0; i < before_backup; ++i) {
    EXPECT_TRUE((*reopened)->GetAccount("a" + std::to_string(i))) << i;
  }
}

TEST_F(SqlStoreBackup, RestoreReplacesTheDatabaseAndDropsAStaleWal) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("kept")));
  std::string backup = path() + ".backup";
  ASSERT_TRUE(store().Backup(backup));

  // The target holds other content, and a stale -wal lies beside it that must not be replayed.
  std::string target = path() + ".target";
  {
    auto other = OpenStore(target);
    ASSERT_TRUE(other);
    ASSERT_TRUE((*other)->CreateAccount(MakeAccount("gone")));
  }
  std::ofstream(target + "-wal") << "stale";
  ASSERT_TRUE(sqlite::RestoreSqlite(backup, target));
  EXPECT_FALSE(std::filesystem::exists(target + "-wal"));
  auto restored = OpenStore(target);
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_TRUE((*restored)->GetAccount("kept"));
  EXPECT_EQ((*restored)->GetAccount("gone").error().code, ErrorCode::kNotFound);
}

TEST_F(SqlStoreBackup, RestoreRejectsWhatIsNotABackup) {
  std::string target = path() + ".target";
  std::string garbage = path() + ".garbage";
  std::ofstream(garbage) << "this is not a database";
  EXPECT_EQ(sqlite::RestoreSqlite(garbage, target).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(sqlite::RestoreSqlite(path() + ".missing", target).error().code,
            ErrorCode::kInvalidArgument);
  // A valid SQLite file that is not a Buyalign database.
  std::string foreign = path() + ".foreign";
  sqlite3* db = nullptr;
  sqlite3_open(foreign.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto restored = sqlite::RestoreSqlite(foreign, target);
  ASSERT_FALSE(restored);
  EXPECT_NE(restored.error().message.find("schema_migrations"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(target));
}

}  // namespace
}  // namespace buyalign::storage::testing
