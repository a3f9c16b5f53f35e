#include <gtest/gtest.h>

#include <filesystem>

#include "demo/demo.hpp"
#include "storage/open_store.hpp"

namespace buyalign::demo {
namespace {

class DemoImport : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("buyalign_demo_import_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::filesystem::path path_;
};

int64_t Created(const storage::ImportSummary& summary, std::string_view type) {
  for (const auto& [name, count] : summary.counts) {
    if (name == type) return count.created;
  }
  return -1;
}

TEST_F(DemoImport, LandsInAFreshStoreAndReimportsUnchanged) {
  const auto batch = BuildDemo({.seed = 42, .today = *core::ParseDate("2026-03-15")});
  auto store = storage::OpenStore(path_.string());
  ASSERT_TRUE(store.has_value()) << core::Describe(store.error());
  auto first = (*store)->Import(batch);
  ASSERT_TRUE(first.has_value()) << core::Describe(first.error());
  EXPECT_EQ(Created(*first, "opportunity"), static_cast<int64_t>(batch.opportunities.size()));
  EXPECT_EQ(Created(*first, "signal"), static_cast<int64_t>(batch.signals.size()));

  auto page = (*store)->ListOpportunities({}, {.cursor = "", .limit = 1000});
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->items.size(), batch.opportunities.size());

  auto again = (*store)->Import(batch);
  ASSERT_TRUE(again.has_value()) << core::Describe(again.error());
  for (const auto& [type, count] : again->counts) {
    EXPECT_EQ(count.created, 0) << type;
    EXPECT_EQ(count.updated, 0) << type;
  }
}

}  // namespace
}  // namespace buyalign::demo
