// A backup taken while clients write through the real server (docs/security.md): `buyalign
// backup` runs against the live database file during the load, and `buyalign restore` of it
// gives a consistent database that holds every write acknowledged before the backup started and
// nothing that was never written.
#include <cstdint>
#include <iostream>
#include <random>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "cli_process.hpp"
#include "database_check.hpp"
#include "http_client.hpp"
#include "server_process.hpp"
#include "write_load.hpp"

namespace buyalign::api_test {
namespace {

// Only the records acknowledged at their first version: a later update may or may not be in the
// backup, depending on whether it landed before the backup's snapshot.
std::vector<Written> CreatedAndAcknowledged(const std::vector<Written>& ledger) {
  std::vector<Written> out;
  for (const Written& written : ledger) {
    if (written.version > 0) out.push_back(written);
  }
  return out;
}

// The ids of every record of a listing, following its cursors.
std::set<std::string> ListedPaths(HttpClient& client, const std::string& collection) {
  std::set<std::string> paths;
  std::string cursor;
  for (;;) {
    HttpResult page = client.Get(collection + "?limit=1000&cursor=" + cursor);
    rapidjson::Document doc = page.Json();
    if (page.status != 200 || !doc.IsObject()) break;
    for (const auto& item : doc["items"].GetArray()) {
      paths.insert(collection + "/" + item["id"].GetString());
    }
    if (!doc["next_cursor"].IsString()) break;
    cursor = doc["next_cursor"].GetString();
  }
  return paths;
}

TEST(BackupUnderLoad, RestoresEveryWriteAcknowledgedBeforeItStarted) {
  const uint64_t seed = std::random_device{}();
  std::cout << "backup test seed " << seed << std::endl;
  ServerProcess server;
  WriteLoad load(server.port(), 3, seed);
  ASSERT_TRUE(load.WaitForAcknowledged(100, 30000)) << "the load never got going";

  const std::vector<Written> before = CreatedAndAcknowledged(load.Ledger());
  const long long acknowledged_at_start = load.acknowledged();
  const std::filesystem::path backup = server.dir() / "backup.db";
  CliResult backed_up = RunCli({"backup", "--db", server.db().string(), "--out", backup.string()});
  const long long acknowledged_at_end = load.acknowledged();
  ASSERT_EQ(backed_up.exit_code, 0) << backed_up.output;
  // The load carried on afterwards too: the backup did not stop the server's writers.
  ASSERT_TRUE(load.WaitForAcknowledged(acknowledged_at_end + 50, 30000));
  load.Stop();
  std::cout << acknowledged_at_end - acknowledged_at_start
            << " writes acknowledged while the backup ran" << std::endl;
  EXPECT_TRUE(load.Surprises().empty()) << load.Surprises().front();
  EXPECT_EQ(IntegrityCheck(backup), "ok");

  // The disaster: stop the server, put the backup back, start again.
  ASSERT_EQ(server.Terminate(), 0);
  CliResult restored = RunCli({"restore", "--from", backup.string(), "--db", server.db().string()});
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  EXPECT_EQ(IntegrityCheck(server.db()), "ok");
  EXPECT_EQ(ForeignKeyProblems(server.db()), "");
  server.Restart();

  HttpClient client(server.port());
  for (const Written& written : before) {
    HttpResult read = client.Get(written.path);
    ASSERT_EQ(read.status, 200) << written.path << " was acknowledged before the backup started";
  }
  // Nothing the load never wrote: every restored record is one the ledger knows.
  std::set<std::string> known;
  for (const Written& written : load.Ledger()) known.insert(written.path);
  for (const char* collection : {"/api/v1/accounts", "/api/v1/contacts"}) {
    const std::set<std::string> listed = ListedPaths(client, collection);
    EXPECT_FALSE(listed.empty()) << collection;
    for (const std::string& path : listed) EXPECT_TRUE(known.count(path)) << path;
  }
}

}  // namespace
}  // namespace buyalign::api_test
