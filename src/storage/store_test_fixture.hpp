#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "storage/open_store.hpp"
#include "storage/postgres/postgres_admin.hpp"
#include "storage/postgres/postgres_url.hpp"

// A fresh database per test, removed afterwards: by default a SQLite file in its own temporary
// directory; with BUYALIGN_TEST_BACKEND=postgres a new database on the PostgreSQL server that
// BUYALIGN_TEST_PG_URL names (src/storage/postgres/with_postgres starts one). The same tests
// thus run against both backends.
namespace buyalign::storage::testing {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    std::string suffix = std::to_string(random()) + std::to_string(random());
    dir_ = std::filesystem::temp_directory_path() / ("buyalign-storage-" + suffix);
    std::filesystem::create_directories(dir_);
    if (UsesPostgres()) {
      ASSERT_FALSE(ServerUrl().empty()) << "BUYALIGN_TEST_PG_URL is not set (scripts/pg-start)";
      database_ = "buyalign_test_" + suffix;
      auto created = postgres::CreateDatabase(ServerUrl(), database_);
      ASSERT_TRUE(created) << created.error().message;
      location_ = postgres::WithDatabase(ServerUrl(), database_);
    } else {
      location_ = path();
    }
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    if (!database_.empty()) postgres::DropDatabase(ServerUrl(), database_);
    std::filesystem::remove_all(dir_);
  }

  // Closes the store and opens the same database again.
  void Reopen() {
    store_.reset();
    auto opened = OpenStore(location_);
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  static bool UsesPostgres() {
    const char* backend = std::getenv("BUYALIGN_TEST_BACKEND");
    return backend != nullptr && std::string(backend) == "postgres";
  }
  static std::string ServerUrl() {
    const char* url = std::getenv("BUYALIGN_TEST_PG_URL");
    return url ? url : "";
  }

  // Where the store lives: a SQLite file path or a postgresql:// URL.
  const std::string& location() const { return location_; }
  // A file path in the test's own temporary directory (the SQLite database, or for backups).
  std::string path() const { return (dir_ / "buyalign.db").string(); }
  Store& store() { return *store_; }

  static domain::Account MakeAccount(std::string id) {
    domain::Account a;
    a.id = std::move(id);
    a.name = "Transport Janssens";
    a.industry = "logistics";
    a.employees = 85;
    a.country = "BE";
    a.segment = "mid_market";
    return a;
  }
  static domain::Contact MakeContact(std::string id, std::string account_id) {
    domain::Contact c;
    c.id = std::move(id);
    c.account_id = std::move(account_id);
    c.name = "Thomas";
    c.title = "Operations Manager";
    c.email = "thomas@example.com";
    c.persona = "operations";
    return c;
  }
  static domain::Opportunity MakeOpportunity(std::string id, std::string account_id) {
    domain::Opportunity o;
    o.id = std::move(id);
    o.account_id = std::move(account_id);
    o.name = "Route planning";
    o.amount = 48000;
    o.currency = "EUR";
    o.expected_close = core::FromUnixDays(20634);
    o.created_at = core::FromUnixSeconds(1769932800);
    return o;
  }
  static domain::Signal MakeSignal(std::string id, std::string opportunity_id,
                                   std::string contact_id, int64_t at) {
    domain::Signal s;
    s.id = std::move(id);
    s.opportunity_id = std::move(opportunity_id);
    s.contact_id = std::move(contact_id);
    s.kind = "shares_kpis_or_costs";
    s.at = core::FromUnixSeconds(at);
    s.source = domain::SignalSource::kMeeting;
    s.note = "empty return trips cost 11% of fuel";
    return s;
  }
  static domain::Activity MakeActivity(std::string id, std::string opportunity_id,
                                       std::vector<std::string> contact_ids, int64_t at) {
    domain::Activity x;
    x.id = std::move(id);
    x.opportunity_id = std::move(opportunity_id);
    x.contact_ids = std::move(contact_ids);
    x.kind = "demo";
    x.at = core::FromUnixSeconds(at);
    x.duration_min = 60;
    return x;
  }
  static domain::ContentItem MakeContent(std::string id) {
    domain::ContentItem k;
    k.id = std::move(id);
    k.title = "ROI calculator";
    k.url = "https://example.com/roi";
    k.stages = {"need_quantified", "business_case_approved"};
    k.personas = {"operations", "finance"};
    k.format = "calculator";
    return k;
  }

  // Account a1, contact c1 and opportunity o1 at account a1.
  void CreateBasics() {
    ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
    ASSERT_TRUE(store().CreateContact(MakeContact("c1", "a1")));
    ASSERT_TRUE(store().CreateOpportunity(MakeOpportunity("o1", "a1")));
  }

 private:
  std::filesystem::path dir_;
  std::string database_;  // the PostgreSQL database of this test, or empty
  std::string location_;
  std::unique_ptr<Store> store_;
};

}  // namespace buyalign::storage::testing
