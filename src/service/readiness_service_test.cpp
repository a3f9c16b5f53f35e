#include "service/readiness_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "demo/demo.hpp"
#include "service/next_actions_service.hpp"
#include "storage/open_store.hpp"

namespace buyalign::service {
namespace {

constexpr const char* kOpportunity = "opp-janssens-routeplanning";

class ReadinessServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() /
           ("buyalign-service-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(dir_);
    auto opened = storage::OpenStore((dir_ / "test.db").string());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    auto today = core::ParseDate("2026-03-15");
    ASSERT_TRUE(today);
    auto imported = store_->Import(demo::BuildDemo({.seed = 42, .today = *today}));
    ASSERT_TRUE(imported) << imported.error().message;
    as_of_ = *core::ParseTimestamp("2026-03-15T12:00:00Z");
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // A strong rep assessment of the member at `stage`, after the demo's last record.
  domain::Signal Assessment(const std::string& contact_id, const std::string& stage) {
    domain::Signal s;
    s.id = "sig-test-assessment";
    s.opportunity_id = kOpportunity;
    s.contact_id = contact_id;
    s.kind = "stage_assessed";
    s.stage = stage;
    s.source = domain::SignalSource::kRepAssessment;
    s.at = as_of_ - std::chrono::hours(1);
    return s;
  }

  std::filesystem::path dir_;
  std::unique_ptr<storage::Store> store_;
  core::Timestamp as_of_{};
};

std::vector<double> Distribution(const engine::OpportunityReadiness& r, size_t member) {
  std::vector<double> p;
  for (const auto& s : r.members.at(member).distribution) p.push_back(s.probability);
  return p;
}

TEST_F(ReadinessServiceTest, UnknownOpportunityIsNotFound) {
  ReadinessService service(*store_);
  auto r = service.Readiness("opp-nope", as_of_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::ErrorCode::kNotFound);
}

TEST_F(ReadinessServiceTest, CacheServesTheSameRecordsUntilInvalidated) {
  ReadinessService service(*store_);
  auto first = service.Load(kOpportunity);
  ASSERT_TRUE(first) << first.error().message;
  auto again = service.Load(kOpportunity);
  ASSERT_TRUE(again);
  EXPECT_EQ(first->get(), again->get()) << "a second read must come from the cache";

  const std::string contact = (*first)->input.members.front().contact_id;
  auto before = service.Readiness(kOpportunity, as_of_);
  ASSERT_TRUE(before) << before.error().message;
  const std::string far_stage = before->members.front().distribution.back().stage;
  ASSERT_TRUE(store_->CreateSignal(Assessment(contact, far_stage)));

  // Not invalidated: the write is not seen yet.
  auto stale = service.Readiness(kOpportunity, as_of_);
  ASSERT_TRUE(stale);
  EXPECT_EQ(Distribution(*stale, 0), Distribution(*before, 0));

  service.Invalidate(kOpportunity);
  auto cached = service.Readiness(kOpportunity, as_of_);
  ASSERT_TRUE(cached);
  ReadinessService fresh(*store_);
  auto loaded = fresh.Readiness(kOpportunity, as_of_);
  ASSERT_TRUE(loaded);
  ASSERT_EQ(cached->members.size(), loaded->members.size());
  for (size_t i = 0; i < cached->members.size(); ++i) {
    EXPECT_EQ(Distribution(*cached, i), Distribution(*loaded, i)) << "member " << i;
  }
  EXPECT_EQ(cached->readiness.stage, loaded->readiness.stage);
  EXPECT_EQ(cached->frictions.size(), loaded->frictions.size());
  EXPECT_NE(Distribution(*cached, 0), Distribution(*before, 0))
      << "the new assessment must move the member";
}

TEST_F(ReadinessServiceTest, InvalidateAllDropsEveryEntry) {
  ReadinessService service(*store_);
  auto first = service.Load(kOpportunity);
  ASSERT_TRUE(first);
  service.InvalidateAll();
  auto second = service.Load(kOpportunity);
  ASSERT_TRUE(second);
  EXPECT_NE(first->get(), second->get());
}

bool HasAction(const std::vector<actions::NextAction>& list, const std::string& contact,
               const std::string& reason, const std::string& activity) {
  for (const actions::NextAction& a : list) {
    if ((contact.empty() || a.contact_id == contact) && a.reason.friction == reason &&
        a.activity == activity) {
      return true;
    }
  }
  return false;
}

TEST_F(ReadinessServiceTest, CoverageSpansEveryStageWithGaps) {
  ReadinessService readiness(*store_);
  NextActionsService actions(readiness);
  auto coverage = actions.Coverage("");
  ASSERT_TRUE(coverage);
  EXPECT_EQ(coverage->stages.size(), 12u);
  EXPECT_FALSE(coverage->gaps.empty());
}

TEST_F(ReadinessServiceTest, PassedAroundStoryGetsTheMapTheDmuAction) {
  ReadinessService readiness(*store_);
  NextActionsService actions(readiness);
  auto nexivo = actions.ForOpportunity("opp-nexivo-field-service", as_of_);
  ASSERT_TRUE(nexivo) << nexivo.error().message;
  EXPECT_TRUE(HasAction(*nexivo, "", "passed_around", "discovery_meeting"));
}

TEST_F(ReadinessServiceTest, NegotiationStoryGetsTermsBeforePrice) {
  ReadinessService readiness(*store_);
  NextActionsService actions(readiness);
  auto mercier = actions.ForOpportunity("opp-mercier-handhelds", as_of_);
  ASSERT_TRUE(mercier) << mercier.error().message;
  EXPECT_TRUE(
      HasAction(*mercier, "c-mercier-isabelle", "price_before_terms", "negotiation_meeting"));
}

}  // namespace
}  // namespace buyalign::service
