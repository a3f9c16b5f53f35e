#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "storage/open_store.hpp"

// Test support for the CRM connectors: a fresh temporary directory and SQLite store per test,
// the test data folders, and a dump of a store's records to compare stores.
namespace buyalign::crm::testing {

inline std::filesystem::path SourceDir() {
  const char* dir = std::getenv("BUYALIGN_SOURCE_DIR");
  return dir != nullptr ? std::filesystem::path(dir)
                        : std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}
inline std::filesystem::path TestData(const std::string& name) {
  return SourceDir() / "src/crm/testdata" / name;
}
inline std::filesystem::path MavenDir() {
  return SourceDir().parent_path() / "shared/data/maven-crm";
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
inline void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every record of a store as one line of text each (versions left out), in the store's order.
std::vector<std::string> Dump(storage::Store& store);

class CrmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() /
           ("buyalign-crm-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    stores_.clear();
    std::filesystem::remove_all(dir_);
  }

  const std::filesystem::path& dir() const { return dir_; }

  // A new store in its own file.
  storage::Store& NewStore() {
    auto opened =
        storage::OpenStore((dir_ / ("db" + std::to_string(stores_.size()) + ".sqlite")).string());
    EXPECT_TRUE(opened) << opened.error().message;
    stores_.push_back(std::move(*opened));
    return *stores_.back();
  }

  // A copy of a test data folder, to spoil one file of it.
  std::filesystem::path CopyOf(const std::filesystem::path& from) {
    std::filesystem::path to = dir_ / from.filename();
    std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
    return to;
  }

 private:
  std::filesystem::path dir_;
  std::vector<std::unique_ptr<storage::Store>> stores_;
};

}  // namespace buyalign::crm::testing
