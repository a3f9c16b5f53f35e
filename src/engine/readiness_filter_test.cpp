#include "engine/readiness_filter.hpp"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

namespace buyalign::engine {
namespace {

using methodology::Methodology;

constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1767225600;  // 2026-01-01

class ReadinessFilterTest : public testing::Test {
 protected:
  const Methodology& m_ = Methodology::Default();
  ReadinessFilter filter_{m_};

  Evidence Signal(std::string_view kind, int64_t day, std::string stage = {}) {
    domain::Signal s;
    s.kind = std::string(kind);
    s.at = core::FromUnixSeconds(kStart + day * kDay);
    s.stage = std::move(stage);
    auto e = filter_.Resolve(s);
    EXPECT_TRUE(e) << kind;
    return *e;
  }
  int Stage(std::string_view id) { return *m_.StageIndex(id); }
  double P(const StageVector& p, std::string_view stage) {
    return p[static_cast<size_t>(Stage(stage))];
  }
  double Max(const StageVector& p) { return *std::max_element(p.begin(), p.end()); }
};

TEST_F(ReadinessFilterTest, StateIsSmall) { EXPECT_LE(sizeof(MemberState), 128u); }

TEST_F(ReadinessFilterTest, TransitionRowsAreDistributions) {
  const TransitionModel& t = filter_.transitions();
  for (int64_t d : {0, 1, 30, 400}) {
    for (int from = 0; from < 12; ++from) {
      double sum = 0;
      for (int to = 0; to < 12; ++to) sum += t.Probability(d, from, to);
      EXPECT_NEAR(sum, 1.0, 1e-12);
    }
  }
  EXPECT_DOUBLE_EQ(t.Probability(0, 4, 4), 1.0);
  // Forward is far likelier than backward, and the clock wraps after value_realized.
  EXPECT_GT(t.Probability(21, 4, 5), 5 * t.Probability(21, 4, 3));
  EXPECT_GT(t.Probability(200, 11, 0), 0.05);
}

TEST_F(ReadinessFilterTest, SignalMovesProbabilityTowardsItsStage) {
  MemberState state;
  const double before = P(filter_.Predict(state, kStart), "vendors_evaluated");
  ASSERT_EQ(filter_.Update(state, Signal("requests_demo", 0)), UpdateOutcome::kApplied);
  const StageVector after = filter_.Predict(state, kStart);
  EXPECT_GT(P(after, "vendors_evaluated"), before + 0.3);
  EXPECT_EQ(MostLikely(after, 12), Stage("vendors_evaluated"));
}

TEST_F(ReadinessFilterTest, TimeWithoutEvidenceLowersConfidence) {
  MemberState state;
  filter_.Update(state, Signal("shares_requirements", 0));
  filter_.Update(state, Signal("shares_requirements", 2));
  const double now = Max(filter_.Predict(state, kStart + 2 * kDay));
  const double month = Max(filter_.Predict(state, kStart + 32 * kDay));
  const double quarter = Max(filter_.Predict(state, kStart + 92 * kDay));
  EXPECT_GT(now, month);
  EXPECT_GT(month, quarter);
  // And the mass drifts forward, not backward.
  EXPECT_GT(ExpectedPosition(filter_.Predict(state, kStart + 60 * kDay), 12),
            ExpectedPosition(filter_.Predict(state, kStart + 2 * kDay), 12));
}

TEST_F(ReadinessFilterTest, BackwardSignalMovesMassBack) {
  MemberState state;
  for (int day : {0, 3, 6}) filter_.Update(state, Signal("requests_demo", day));
  ASSERT_EQ(MostLikely(filter_.Predict(state, kStart + 6 * kDay), 12), Stage("vendors_evaluated"));
  filter_.Update(state, Signal("raises_new_requirement", 8));
  filter_.Update(state, Signal("shares_requirements", 9));
  const StageVector p = filter_.Predict(state, kStart + 9 * kDay);
  EXPECT_EQ(MostLikely(p, 12), Stage("requirements_defined"));
  EXPECT_LT(P(p, "vendors_evaluated"), 0.2);
}

TEST_F(ReadinessFilterTest, UnreliableSourceMovesLess) {
  MemberState meeting;
  MemberState web;
  Evidence e = Signal("requests_demo", 0);
  e.source = static_cast<uint8_t>(domain::SignalSource::kMeeting);
  filter_.Update(meeting, e);
  e.source = static_cast<uint8_t>(domain::SignalSource::kWeb);
  filter_.Update(web, e);
  EXPECT_GT(P(filter_.Predict(meeting, kStart), "vendors_evaluated"),
            P(filter_.Predict(web, kStart), "vendors_evaluated"));
}

TEST_F(ReadinessFilterTest, OptimisticAssessmentLeansBack) {
  MemberState state;
  filter_.Update(state, Signal("stage_assessed", 0, "shortlist_selected"));
  const StageVector p = filter_.Predict(state, kStart);
  EXPECT_GT(P(p, "vendors_evaluated"), P(p, "business_case_approved"));
}

TEST_F(ReadinessFilterTest, ContentCountsThroughItsStageTags) {
  domain::Signal s;
  s.kind = "content_engaged";
  s.at = core::FromUnixSeconds(kStart);
  const std::vector<std::string> tags{"need_quantified", "business_case_approved"};
  auto e = filter_.Resolve(s, &tags);
  ASSERT_TRUE(e);
  MemberState state;
  filter_.Update(state, *e);
  const StageVector p = filter_.Predict(state, kStart);
  const StageVector prior = filter_.prior();
  EXPECT_GT(P(p, "need_quantified"), P(prior, "need_quantified"));
  EXPECT_GT(P(p, "business_case_approved"), P(prior, "business_case_approved"));
  EXPECT_LT(P(p, "options_explored"), P(prior, "options_explored"));
}

TEST_F(ReadinessFilterTest, ResolveNamesUnknownFields) {
  domain::Signal s;
  s.kind = "reports_pains";
  auto bad_kind = filter_.Resolve(s);
  ASSERT_FALSE(bad_kind);
  EXPECT_EQ(bad_kind.error().field, "kind");
  s.kind = "stage_assessed";
  s.stage = "closing";
  auto bad_stage = filter_.Resolve(s);
  ASSERT_FALSE(bad_stage);
  EXPECT_EQ(bad_stage.error().field, "stage");
}

TEST_F(ReadinessFilterTest, IncrementalEqualsFullRecompute) {
  std::mt19937 rng(7);
  std::vector<Evidence> evidence;
  int64_t day = 0;
  for (int i = 0; i < 200; ++i) {
    day += std::uniform_int_distribution<int>(0, 9)(rng);
    const auto& kinds = m_.signal_kinds();
    std::string kind = kinds[std::uniform_int_distribution<size_t>(0, 33)(rng)];
    evidence.push_back(Signal(kind, day));
  }
  MemberState incremental;
  for (const Evidence& e : evidence) {
    ASSERT_EQ(filter_.Update(incremental, e), UpdateOutcome::kApplied);
  }
  const MemberState full = filter_.Recompute(evidence);
  EXPECT_EQ(incremental.at, full.at);
  EXPECT_EQ(incremental.evidence_count, full.evidence_count);
  for (size_t s = 0; s < 12; ++s) EXPECT_EQ(incremental.p[s], full.p[s]);
}

TEST_F(ReadinessFilterTest, OlderEvidenceNeedsRecompute) {
  MemberState state;
  filter_.Update(state, Signal("requests_demo", 10));
  const MemberState before = state;
  EXPECT_EQ(filter_.Update(state, Signal("reports_pain", 5)), UpdateOutcome::kNeedsRecompute);
  EXPECT_EQ(state.evidence_count, before.evidence_count);
  EXPECT_EQ(state.p, before.p);
  EXPECT_EQ(filter_.Update(state, Signal("reports_pain", 10)), UpdateOutcome::kApplied);
}

TEST_F(ReadinessFilterTest, AsOfIgnoresLaterEvidence) {
  const std::vector<Evidence> evidence{
      Signal("reports_pain", 0), Signal("shares_kpis_or_costs", 10), Signal("legal_review", 40)};
  const MemberState at_20 = filter_.Recompute(evidence, kStart + 20 * kDay);
  EXPECT_EQ(at_20.evidence_count, 2u);
  const MemberState first_two = filter_.Recompute(std::span(evidence).first(2));
  EXPECT_EQ(at_20.p, first_two.p);
  EXPECT_NE(MostLikely(filter_.Predict(at_20, kStart + 20 * kDay), 12), Stage("terms_negotiated"));
}

}  // namespace
}  // namespace buyalign::engine
