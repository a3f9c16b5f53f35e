#include <gtest/gtest.h>

#include <set>

#include "actions/action_score.hpp"
#include "actions/actions_test_data.hpp"
#include "actions/rep_actions.hpp"

namespace buyalign::actions {
namespace {

using domain::DmuRole;
using domain::Stance;
using engine::OpportunityInput;
using namespace testdata;

const RankingParams kParams;

TEST(ExpectedValue, GrowsWithEachFactor) {
  ScoreInputs base;
  base.severity = 0.5;
  base.influence = 0.5;
  base.distance_stages = 1;
  base.days_to_close = 60;
  base.days_since_evidence = 10;
  const double v = ExpectedValue(kParams, base);
  auto with = [&](auto change) {
    ScoreInputs in = base;
    change(in);
    return ExpectedValue(kParams, in);
  };
  EXPECT_GT(with([](ScoreInputs& in) { in.severity = 0.9; }), v);
  EXPECT_GT(with([](ScoreInputs& in) { in.influence = 0.9; }), v);
  EXPECT_GT(with([](ScoreInputs& in) { in.distance_stages = 3; }), v);
  EXPECT_GT(with([](ScoreInputs& in) { in.days_to_close = 10; }), v);
  EXPECT_GT(with([](ScoreInputs& in) { in.days_since_evidence = 50; }), v);
  EXPECT_GT(with([](ScoreInputs& in) { in.days_since_evidence.reset(); }), v);
  EXPECT_DOUBLE_EQ(with([](ScoreInputs& in) { in.severity = 0; }), 0);
}

TEST(ExpectedValue, MatchesTheDocumentedFormula) {
  ScoreInputs in{0.8, 1.0, 3, 0, 60};  // every bonus at its maximum
  EXPECT_NEAR(ExpectedValue(kParams, in), 0.8 * 1.0 * 1.5 * 1.5 * 1.3, 1e-12);
  in = {0.5, 0.0, 0, std::nullopt, 0};  // no bonus, influence at the floor
  EXPECT_NEAR(ExpectedValue(kParams, in), 0.5 * 0.3, 1e-12);
}

// Seven members at the same stage, influence 0.1 .. 0.7: stage rules for all of them.
OpportunityInput BigDmu() {
  OpportunityInput in = engine::testdata::CleanDeal();
  in.members.clear();
  in.signals.clear();
  for (int i = 1; i <= 7; ++i) {
    const std::string id = "c" + std::to_string(i);
    in.members.push_back(
        {id, "M" + std::to_string(i), DmuRole::kEvaluator, 0.1 * i, Stance::kNeutral});
    for (double day : {0, 20, 40, 55}) {
      in.signals.push_back(
          MakeSignal(id, day < 30 ? "researches_alternatives" : "requests_demo", day));
    }
  }
  in.members[6].role = DmuRole::kEconomicBuyer;
  in.activities = {MakeActivity("x-demo", {"c1", "c2", "c3", "c4", "c5", "c6", "c7"}, "demo", 45)};
  return in;
}

TEST(Ranking, AtMostFiveHighestInfluenceFirstWithoutDuplicates) {
  core::Result<std::vector<NextAction>> actions = Planner().Plan(BigDmu(), {}, DayAt(60));
  ASSERT_TRUE(actions.has_value());
  ASSERT_EQ(actions->size(), 5u) << Describe(*actions);
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < actions->size(); ++i) {
    const NextAction& a = (*actions)[i];
    EXPECT_TRUE(seen.insert({a.contact_id, a.activity}).second) << a.contact_id;
    if (i > 0) {
      EXPECT_GE((*actions)[i - 1].score, a.score);
    }
  }
  EXPECT_EQ(actions->front().contact_id, "c7");
  EXPECT_EQ((*actions)[1].contact_id, "c6");
}

TEST(Ranking, FrictionOutranksPlainProgress) {
  OpportunityInput in = BigDmu();
  in.members[0].stance = Stance::kBlocker;  // c1, influence 0.1: not a high-influence blocker
  in.members[1].stance = Stance::kBlocker;  // c2
  in.members[1].influence = 0.65;
  core::Result<std::vector<NextAction>> actions = Planner().Plan(in, {}, DayAt(60));
  ASSERT_TRUE(actions.has_value());
  EXPECT_EQ(actions->front().contact_id, "c2") << Describe(*actions);
  EXPECT_EQ(actions->front().reason.friction, "high_influence_blocker");
}

TEST(Ranking, SameContactAndActivityIsRecommendedOnce) {
  // Tom alone: no economic buyer (missing_role -> ask the champion, follow_up) and single
  // threaded (ask Tom, follow_up): one follow-up with Tom, not two.
  OpportunityInput in;
  in.opportunity_id = "o1";
  in.members = {{"c-tom", "Tom", DmuRole::kEvaluator, 0.6, Stance::kChampion}};
  in.signals = {MakeSignal("c-tom", "shares_requirements", 10)};
  core::Result<std::vector<NextAction>> actions = Planner().Plan(in, {}, DayAt(20));
  ASSERT_TRUE(actions.has_value());
  const auto follow_ups = std::count_if(actions->begin(), actions->end(), [](const NextAction& a) {
    return a.contact_id == "c-tom" && a.activity == "follow_up";
  });
  EXPECT_EQ(follow_ups, 1) << Describe(*actions);
}

NextAction Action(std::string opportunity, double score, int due_day) {
  NextAction a;
  a.opportunity_id = std::move(opportunity);
  a.score = score;
  a.due = std::chrono::floor<std::chrono::days>(DayAt(due_day));
  return a;
}

TEST(RepActions, TopNByScoreThenDueThenOpportunity) {
  std::vector<std::vector<NextAction>> per = {{Action("o2", 0.5, 10), Action("o2", 0.2, 3)},
                                              {Action("o1", 0.9, 20), Action("o1", 0.5, 10)},
                                              {Action("o3", 0.5, 5)}};
  const std::vector<NextAction> top = TopActions(per, 4);
  ASSERT_EQ(top.size(), 4u);
  EXPECT_EQ(top[0].opportunity_id, "o1");  // 0.9
  EXPECT_EQ(top[1].opportunity_id, "o3");  // 0.5, due first
  EXPECT_EQ(top[2].opportunity_id, "o1");  // 0.5, due day 10, o1 before o2
  EXPECT_EQ(top[3].opportunity_id, "o2");
  EXPECT_EQ(TopActions(per, 100).size(), 5u);
}

TEST(RepActions, PlansAcrossOpenOpportunitiesOnly) {
  RepOpportunity healthy{engine::testdata::CleanDeal(), {}};
  healthy.input.opportunity_id = "o-healthy";
  RepOpportunity blocked{engine::testdata::CleanDeal(), {}};
  blocked.input.opportunity_id = "o-blocked";
  blocked.input.members[0].stance = Stance::kBlocker;  // Marie, 0.9
  RepOpportunity won{engine::testdata::CleanDeal(), {}};
  won.input.opportunity_id = "o-won";
  won.input.status = domain::OpportunityStatus::kWon;
  core::Result<std::vector<NextAction>> top =
      PlanForRep(Planner(), {healthy, blocked, won}, DayAt(60), 4);
  ASSERT_TRUE(top.has_value());
  ASSERT_EQ(top->size(), 4u);
  EXPECT_EQ(top->front().opportunity_id, "o-blocked");
  EXPECT_EQ(top->front().reason.friction, "high_influence_blocker");
  for (const NextAction& a : *top) EXPECT_NE(a.opportunity_id, "o-won");
  for (size_t i = 1; i < top->size(); ++i) {
    EXPECT_GE((*top)[i - 1].score, (*top)[i].score);
  }
}

TEST(RepActions, EngineErrorNamesTheOpportunity) {
  RepOpportunity bad{engine::testdata::CleanDeal(), {}};
  bad.input.opportunity_id = "o-bad";
  bad.input.signals.push_back(MakeSignal("c-tom", "sings_loudly", 10));
  core::Result<std::vector<NextAction>> top = PlanForRep(Planner(), {bad}, DayAt(60), 5);
  ASSERT_FALSE(top.has_value());
  EXPECT_EQ(top.error().field.rfind("opportunities[o-bad].signals[", 0), 0u) << top.error().field;
}

}  // namespace
}  // namespace buyalign::actions
