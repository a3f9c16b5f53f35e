#include "engine/readiness_engine.hpp"

#include <numeric>

#include <gtest/gtest.h>

#include "engine/engine_test_data.hpp"

namespace buyalign::engine {
namespace {

using namespace testdata;

class ReadinessEngineTest : public testing::Test {
 protected:
  ReadinessEngine engine_{methodology::Methodology::Default()};

  OpportunityReadiness Analyze(const OpportunityInput& input, double day) {
    auto r = engine_.Analyze(input, DayAt(day));
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }
};

TEST_F(ReadinessEngineTest, MembersCarryTheFullDistribution) {
  const OpportunityReadiness r = Analyze(CleanDeal(), 60);
  EXPECT_EQ(r.opportunity_id, "o1");
  EXPECT_EQ(r.as_of, DayAt(60));
  ASSERT_EQ(r.members.size(), 3u);
  for (const MemberReadiness& m : r.members) {
    ASSERT_EQ(m.distribution.size(), 12u);
    double sum = 0;
    for (const StageProbability& p : m.distribution) sum += p.probability;
    EXPECT_NEAR(sum, 1.0, 1e-9);
    EXPECT_EQ(m.stage, "vendors_evaluated");
    EXPECT_EQ(m.last_evidence_at, DayAt(55));
    EXPECT_GT(m.momentum, 0.5);  // from options_explored-ish to vendors_evaluated in 30 days
  }
  EXPECT_EQ(r.readiness.stage, "vendors_evaluated");
  EXPECT_GT(r.alignment.score, 0.95);
  EXPECT_TRUE(r.alignment.laggards.empty());
}

TEST_F(ReadinessEngineTest, AsOfIgnoresLaterEvidence) {
  OpportunityInput input = CleanDeal();
  const OpportunityReadiness before = Analyze(input, 50);
  input.signals.push_back(MakeSignal("c-marie", "contract_signed", 51));
  input.activities.push_back(MakeActivity("x-late", {"c-marie"}, "intro_call", 52));
  const OpportunityReadiness again = Analyze(input, 50);
  ASSERT_EQ(before.members.size(), again.members.size());
  for (size_t i = 0; i < before.members.size(); ++i) {
    for (size_t s = 0; s < 12; ++s) {
      EXPECT_EQ(before.members[i].distribution[s].probability,
                again.members[i].distribution[s].probability);
    }
  }
  EXPECT_EQ(before.frictions.size(), again.frictions.size());
  // From day 51 on the late signal counts (one signal is evidence, not a verdict).
  EXPECT_GT(Analyze(input, 51).members[0].distribution[10].probability,
            before.members[0].distribution[10].probability + 0.05);
}

TEST_F(ReadinessEngineTest, AlignmentFallsWhenMembersDrift) {
  OpportunityInput input = CleanDeal();
  std::erase_if(input.signals, [](const domain::Signal& s) { return s.contact_id == "c-ines"; });
  for (double d : {40, 50, 55}) input.signals.push_back(MakeSignal("c-ines", "reports_pain", d));
  const OpportunityReadiness r = Analyze(input, 60);
  EXPECT_LT(r.alignment.score, 0.8);
  ASSERT_EQ(r.alignment.laggards.size(), 1u);
  EXPECT_EQ(r.alignment.laggards[0], "c-ines");
  EXPECT_NE(r.alignment.leader, "c-ines");
}

TEST_F(ReadinessEngineTest, UnknownSignalKindNamesTheRecord) {
  OpportunityInput input = CleanDeal();
  input.signals[3].kind = "sends_flowers";
  auto r = engine_.Analyze(input, DayAt(60));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "signals[3].kind");
}

TEST_F(ReadinessEngineTest, MemberWithoutEvidenceHasThePrior) {
  OpportunityInput input = CleanDeal();
  input.members.push_back(
      {"c-new", "Noor", domain::DmuRole::kLegal, 0.2, domain::Stance::kNeutral});
  const OpportunityReadiness r = Analyze(input, 60);
  const MemberReadiness& noor = r.members.back();
  EXPECT_FALSE(noor.last_evidence_at.has_value());
  EXPECT_LT(noor.confidence, 0.2);
  EXPECT_EQ(noor.momentum, 0);
}

TEST_F(ReadinessEngineTest, BuildsInputFromRecords) {
  domain::Opportunity o;
  o.id = "o1";
  o.account_id = "a1";
  domain::DmuMember dm{"o1", "c1", domain::DmuRole::kChampion, 0.7, domain::Stance::kChampion};
  domain::Contact c1;
  c1.id = "c1";
  c1.account_id = "a1";
  c1.name = "Thomas";
  domain::Contact c2 = c1;
  c2.id = "c2";
  domain::ContentItem k;
  k.id = "k1";
  k.stages = {"need_quantified"};
  domain::Signal s = MakeSignal("c1", "content_engaged", 1);
  s.content_id = "k1";
  const OpportunityInput input = MakeOpportunityInput(o, {dm}, {c1, c2}, {s}, {}, {k});
  ASSERT_EQ(input.members.size(), 1u);
  EXPECT_EQ(input.members[0].name, "Thomas");
  EXPECT_EQ(input.account_contact_count, 2);
  EXPECT_EQ(input.content_stages.at("k1"), std::vector<std::string>{"need_quantified"});
  const OpportunityReadiness r = Analyze(input, 1);
  EXPECT_EQ(r.members[0].stage, "need_quantified");
}

}  // namespace
}  // namespace buyalign::engine
