// Crash safety over real HTTP (docs/security.md): clients flood the real server with writes, the
// test kills it with SIGKILL at a random moment, restarts it on the same database file, and
// checks that every write that was acknowledged is there and that SQLite finds the file intact.
// Five iterations, each at its own random moment; the seed is printed, and
// BUYALIGN_CRASH_SEED=N runs the same write mix and kill delays again.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "database_check.hpp"
#include "http_client.hpp"
#include "server_process.hpp"
#include "write_load.hpp"

namespace buyalign::api_test {
namespace {

constexpr int kWriters = 3;
constexpr int kIterations = 5;

uint64_t BaseSeed() {
  static const uint64_t seed = [] {
    if (const char* fixed = std::getenv("BUYALIGN_CRASH_SEED")) {
      return static_cast<uint64_t>(std::stoull(fixed));
    }
    return static_cast<uint64_t>(std::random_device{}()) * kIterations;
  }();
  return seed;
}

class CrashSafety : public ::testing::TestWithParam<int> {};

TEST_P(CrashSafety, EveryAcknowledgedWriteSurvivesSigkill) {
  const uint64_t seed = BaseSeed() + static_cast<uint64_t>(GetParam());
  std::mt19937_64 rng(seed);
  // After the first writes are in, somewhere in the next second: mid-transaction, mid-response,
  // between requests, wherever the moment falls.
  const int kill_after_ms = static_cast<int>(rng() % 1000);
  std::cout << "crash test seed " << seed << " (BUYALIGN_CRASH_SEED=" << seed - GetParam()
            << "), SIGKILL " << kill_after_ms << " ms into the load" << std::endl;
  RecordProperty("seed", std::to_string(seed));

  ServerProcess server;
  WriteLoad load(server.port(), kWriters, seed);
  ASSERT_TRUE(load.WaitForAcknowledged(20, 30000)) << "the load never got going";
  std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
  server.Kill();
  load.Stop();

  const std::vector<Written> ledger = load.Ledger();
  EXPECT_TRUE(load.Surprises().empty()) << load.Surprises().front();
  std::cout << load.acknowledged() << " writes acknowledged, " << ledger.size()
            << " records written or attempted" << std::endl;

  server.Restart();
  HttpClient client(server.port());
  EXPECT_EQ(VerifyLedger(client, ledger), "");
  EXPECT_EQ(IntegrityCheck(server.db()), "ok");
  EXPECT_EQ(ForeignKeyProblems(server.db()), "");
  // And the recovered database takes writes again.
  EXPECT_EQ(client.Post("/api/v1/accounts", R"({"id":"after-crash","name":"After"})").status, 201);
}

INSTANTIATE_TEST_SUITE_P(RandomMoments, CrashSafety, ::testing::Range(0, kIterations));

}  // namespace
}  // namespace buyalign::api_test
