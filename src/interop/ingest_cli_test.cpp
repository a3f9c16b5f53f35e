// The `buyalign ingest` and `buyalign export` commands, run as a user would: the real binary, real
// files, exit codes and messages.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class IngestCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ingest_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& text) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // Runs the binary with `args` (already shell-quoted where needed) in the test's directory.
  CommandRun Buyalign(const std::string& args) {
    std::string command =
        "cd '" + dir_.string() + "' && '" BUYALIGN_BINARY "' " + args + " > out.txt 2> err.txt";
    int status = std::system(command.c_str());
    CommandRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = Slurp(dir_ / "out.txt");
    run.err = Slurp(dir_ / "err.txt");
    return run;
  }

  fs::path dir_;
};

const char* kGood =
    R"({"type":"account","id":"a1","name":"Transport Janssens"}
{"type":"contact","id":"c1","account_id":"a1","name":"Thomas"}
{"type":"opportunity","id":"o1","account_id":"a1","name":"Route planning","status":"open"}
{"type":"signal","id":"s1","opportunity_id":"o1","contact_id":"c1","kind":"reports_pain","at":"2026-02-10T10:00:00Z"}
)";

TEST_F(IngestCliTest, GoodFileExitsZeroAndPrintsTheSummary) {
  Write("good.jsonl", kGood);
  CommandRun run = Buyalign("ingest good.jsonl --db crm.db");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("created"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("account"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("total"), std::string::npos) << run.out;
  EXPECT_TRUE(fs::exists(dir_ / "crm.db"));
  EXPECT_NE(run.err.find("reading"), std::string::npos) << run.err;
}

TEST_F(IngestCliTest, BadFileExitsTwoNamingLineAndFieldAndLeavesTheDatabaseAlone) {
  Write("good.jsonl", kGood);
  ASSERT_EQ(Buyalign("ingest good.jsonl --db crm.db").exit_code, 0);
  ASSERT_EQ(Buyalign("export --db crm.db --out before.jsonl").exit_code, 0);

  std::string bad = kGood;
  bad += R"({"type":"account","id":"a2","name":"Other"})"
         "\n";
  bad +=
      R"({"type":"opportunity","id":"o2","account_id":"a1","name":"x","status":"open","amount":"lots"})"
      "\n";
  Write("bad.jsonl", bad);
  CommandRun run = Buyalign("ingest bad.jsonl --db crm.db");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(
      run.err.find("buyalign: bad.jsonl: line 6, field amount: expected a number, got a string"),
      std::string::npos)
      << run.err;

  ASSERT_EQ(Buyalign("export --db crm.db --out after.jsonl").exit_code, 0);
  EXPECT_EQ(Slurp(dir_ / "after.jsonl"), Slurp(dir_ / "before.jsonl"));
}

TEST_F(IngestCliTest, UnknownReferenceExitsTwoNamingTheLine) {
  Write("orphan.jsonl", R"({"type":"contact","id":"c1","account_id":"nope","name":"Thomas"})"
                        "\n");
  CommandRun run = Buyalign("ingest orphan.jsonl --db crm.db");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("buyalign: orphan.jsonl: line 1"), std::string::npos) << run.err;
}

TEST_F(IngestCliTest, MissingFileExitsTwo) {
  CommandRun run = Buyalign("ingest nothere.jsonl --db crm.db");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("nothere.jsonl"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "crm.db"));
}

TEST_F(IngestCliTest, ExportWritesTheFileAndLeavesNoTemporary) {
  Write("good.jsonl", kGood);
  ASSERT_EQ(Buyalign("ingest good.jsonl").exit_code, 0);  // --db defaults to buyalign.db
  EXPECT_TRUE(fs::exists(dir_ / "buyalign.db"));
  CommandRun run = Buyalign("export --out out.jsonl");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::string exported = Slurp(dir_ / "out.jsonl");
  EXPECT_EQ(std::count(exported.begin(), exported.end(), '\n'), 4);
  EXPECT_EQ(exported.rfind(R"({"type":"account","id":"a1")", 0), 0u) << exported;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos);
  }
}

TEST_F(IngestCliTest, ExportOfAMissingDatabaseExitsTwo) {
  CommandRun run = Buyalign("export --db missing.db --out out.jsonl");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "missing.db"));
  EXPECT_FALSE(fs::exists(dir_ / "out.jsonl"));
}

}  // namespace
