#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "storage/store_test_fixture.hpp"

// Stops and restarts the server of with_postgres (BUYALIGN_TEST_PG_DIR); skipped without one.
namespace buyalign::storage::postgres {
namespace {

using core::ErrorCode;
using std::chrono::steady_clock;

class PostgresOutage : public storage::testing::StoreTest {
 protected:
  void SetUp() override {
    if (!UsesPostgres() || std::getenv("BUYALIGN_TEST_PG_DIR") == nullptr) {
      GTEST_SKIP() << "needs a server of its own (with_postgres)";
    }
    StoreTest::SetUp();
  }

  // Runs scripts/pg-start or pg-stop on the test server's directory.
  static int Script(const std::string& command) {
    std::string root =
        std::getenv("BUYALIGN_SOURCE_DIR") ? std::getenv("BUYALIGN_SOURCE_DIR") : ".";
    std::string line =
        root + "/scripts/" + command + " " + std::getenv("BUYALIGN_TEST_PG_DIR") + " >/dev/null";
    return std::system(line.c_str());
  }

  static void ExpectUnavailable(const core::Error& error) {
    EXPECT_EQ(error.code, ErrorCode::kUnavailable) << error.message;
    EXPECT_TRUE(error.message.starts_with("database unavailable: ")) << error.message;
  }
};

TEST_F(PostgresOutage, CallsFailFastWhileDownAndSucceedAfterRestart) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
  ASSERT_TRUE(store().GetAccount("a1"));
  ASSERT_EQ(Script("pg-stop --keep"), 0);

  auto started = steady_clock::now();
  auto read = store().GetAccount("a1");
  ASSERT_FALSE(read);
  ExpectUnavailable(read.error());
  auto write = store().CreateAccount(MakeAccount("a2"));
  ASSERT_FALSE(write);
  ExpectUnavailable(write.error());
  auto list = store().ListAccounts({});
  ASSERT_FALSE(list);
  ExpectUnavailable(list.error());
  EXPECT_LT(steady_clock::now() - started, std::chrono::seconds(2));

  ASSERT_EQ(Script("pg-start"), 0);
  auto again = store().GetAccount("a1");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->name, "Transport Janssens");
  auto created = store().CreateAccount(MakeAccount("a2"));
  ASSERT_TRUE(created) << created.error().message;
  auto all = store().ListAccounts({});
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->items.size(), 2u);
}

}  // namespace
}  // namespace buyalign::storage::postgres
