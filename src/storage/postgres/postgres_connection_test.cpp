#include "storage/postgres/postgres_connection.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <limits>

#include "storage/postgres/postgres_url.hpp"
#include "storage/store_test_fixture.hpp"

// Runs under src/storage/postgres/with_postgres (ctest: postgres_test); skipped without a server.
namespace buyalign::storage::postgres {
namespace {

using core::ErrorCode;

class PostgresConnectionTest : public storage::testing::StoreTest {
 protected:
  void SetUp() override {
    if (!UsesPostgres()) GTEST_SKIP() << "needs BUYALIGN_TEST_BACKEND=postgres (with_postgres)";
    StoreTest::SetUp();
  }

  std::unique_ptr<PostgresConnection> Connect(int statement_timeout_ms = 0) {
    auto config = ParsePostgresUrl(location());
    EXPECT_TRUE(config);
    auto connection = PostgresConnection::Open(config->conninfo, statement_timeout_ms, true);
    EXPECT_TRUE(connection) << connection.error().message;
    return connection ? std::move(*connection) : nullptr;
  }
};

TEST_F(PostgresConnectionTest, BindsAndReadsEveryValueType) {
  auto connection = Connect();
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->Begin(TransactionMode::kRead));
  auto st = connection->Prepare("SELECT ?, ?, ?, ?, '?' AS q");
  ASSERT_TRUE(st);
  int64_t big = std::numeric_limits<int64_t>::max();
  (*st)->BindInt(1, big);
  (*st)->BindDouble(2, 0.1);
  (*st)->BindText(3, "it's \"quoted\" é");
  (*st)->BindNull(4);
  auto row = (*st)->Step();
  ASSERT_TRUE(row) << row.error().message;
  ASSERT_TRUE(*row);
  EXPECT_EQ((*st)->ColumnInt(0), big);
  EXPECT_EQ(std::get<int64_t>((*st)->Column(0)), big);
  EXPECT_EQ(std::get<double>((*st)->Column(1)), 0.1);  // exact round trip
  EXPECT_EQ((*st)->ColumnText(2), "it's \"quoted\" é");
  EXPECT_TRUE((*st)->IsNull(3));
  EXPECT_EQ((*st)->ColumnText(4), "?");
  EXPECT_EQ((*st)->ColumnName(4), "q");
  EXPECT_FALSE(*(*st)->Step());
  EXPECT_TRUE(connection->Commit());
}

TEST_F(PostgresConnectionTest, InsertReturnsIdsAndDuplicatesAreConflicts) {
  auto connection = Connect();
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->Execute("CREATE TABLE t (id ${ID}, k TEXT NOT NULL UNIQUE)"));
  ASSERT_TRUE(connection->Begin(TransactionMode::kWrite));
  auto insert = connection->Prepare("INSERT INTO t (k) VALUES (?) RETURNING id");
  ASSERT_TRUE(insert);
  (*insert)->BindText(1, "a");
  auto first = (*insert)->StepInsert();
  ASSERT_TRUE(first) << first.error().message;
  insert = connection->Prepare("INSERT INTO t (k) VALUES (?) RETURNING id");
  (*insert)->BindText(1, "b");
  auto second = (*insert)->StepInsert();
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, *first + 1);
  insert = connection->Prepare("INSERT INTO t (k) VALUES (?) RETURNING id");
  (*insert)->BindText(1, "a");
  auto duplicate = (*insert)->StepInsert();
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(connection->Rollback());
}

TEST_F(PostgresConnectionTest, TextColumnsSortInByteOrderLikeSqlite) {
  auto connection = Connect();
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->Execute("CREATE TABLE t (k TEXT NOT NULL)"));
  ASSERT_TRUE(connection->Execute("INSERT INTO t VALUES ('b'), ('B'), ('a-2'), ('a10'), ('é')"));
  ASSERT_TRUE(connection->Begin(TransactionMode::kRead));
  auto st = connection->Prepare("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(st);
  std::string order;
  while (*(*st)->Step()) order += std::string((*st)->ColumnText(0)) + " ";
  EXPECT_EQ(order, "B a-2 a10 b é ");
  connection->Commit();
}

TEST_F(PostgresConnectionTest, StatementTimeoutIsUnavailable) {
  auto connection = Connect(100);
  ASSERT_TRUE(connection);
  auto slept = connection->Execute("SELECT pg_sleep(2)");
  ASSERT_FALSE(slept);
  EXPECT_EQ(slept.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(connection->Execute("SELECT 1"));  // the session survives a timeout
}

TEST_F(PostgresConnectionTest, ABrokenConnectionIsReplacedAtTheNextTransaction) {
  auto connection = Connect();
  auto killer = Connect();
  ASSERT_TRUE(connection && killer);
  ASSERT_TRUE(connection->Begin(TransactionMode::kRead));
  auto pid = connection->Prepare("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid && *(*pid)->Step());
  int64_t backend = (*pid)->ColumnInt(0);
  connection->Commit();
  ASSERT_TRUE(killer->Execute("SELECT pg_terminate_backend(" + std::to_string(backend) + ")"));

  ASSERT_TRUE(connection->Begin(TransactionMode::kRead));
  pid = connection->Prepare("SELECT pg_backend_pid()");
  auto row = (*pid)->Step();
  ASSERT_TRUE(row) << row.error().message;  // prepared again on the new session
  EXPECT_NE((*pid)->ColumnInt(0), backend);
  connection->Commit();
}

}  // namespace
}  // namespace buyalign::storage::postgres
