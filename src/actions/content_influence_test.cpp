#include "actions/content_influence.hpp"

#include <gtest/gtest.h>

#include "actions/actions_test_data.hpp"

namespace buyalign::actions {
namespace {

using domain::DmuRole;
using domain::Stance;
using engine::OpportunityInput;
using namespace testdata;

// One-member opportunities, all at requirements_defined by day 25. `moved` of them show
// vendor-evaluation signals on days 45 and 50; the others repeat their requirements.
struct Population {
  std::vector<OpportunityInput> opportunities;
  std::vector<domain::ContentShare> shares;
};

void AddGroup(Population& pop, const std::string& prefix, int n, int moved, bool engaged) {
  for (int i = 0; i < n; ++i) {
    OpportunityInput in;
    in.opportunity_id = prefix + std::to_string(i);
    in.members = {{"c", "C", DmuRole::kEvaluator, 0.5, Stance::kNeutral}};
    auto signal = [&](const char* kind, double day) {
      domain::Signal s = MakeSignal("c", kind, day);
      s.opportunity_id = in.opportunity_id;
      in.signals.push_back(s);
    };
    signal("shares_requirements", 20);
    signal("shares_requirements", 25);
    const bool forward = i < moved;
    signal(forward ? "requests_demo" : "shares_requirements", 45);
    signal(forward ? "asks_for_references" : "shares_requirements", 50);
    if (engaged) {
      pop.shares.push_back({"k1", in.opportunity_id, "c", DayAt(30), true});
    } else {
      // Shown but not engaged: still comparable.
      pop.shares.push_back({"k1", in.opportunity_id, "c", DayAt(30), false});
    }
    pop.opportunities.push_back(std::move(in));
  }
}

core::Result<std::vector<ContentInfluence>> Measure(const Population& pop,
                                                    const InfluenceParams& params = {}) {
  return MeasureContentInfluence(Engine(), pop.opportunities, pop.shares,
                                 {Item("k1", {"requirements_defined"}, {}), Item("k2", {}, {})},
                                 DayAt(100), params);
}

TEST(ContentInfluence, EightOfTenAgainstTwoOfTenHelps) {
  Population pop;
  AddGroup(pop, "e", 10, 8, true);
  AddGroup(pop, "n", 10, 2, false);
  core::Result<std::vector<ContentInfluence>> result = Measure(pop);
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->size(), 2u);
  const ContentInfluence& k1 = result->front();
  EXPECT_EQ(k1.content_id, "k1");
  EXPECT_EQ(k1.engaged.n, 10);
  EXPECT_EQ(k1.engaged.moved_forward, 8);
  EXPECT_EQ(k1.comparison.n, 10);
  EXPECT_EQ(k1.comparison.moved_forward, 2);
  ASSERT_TRUE(k1.lift.has_value());
  EXPECT_NEAR(*k1.rate, 0.8, 1e-12);
  EXPECT_NEAR(*k1.baseline_rate, 0.2, 1e-12);
  EXPECT_NEAR(*k1.lift, 0.6, 1e-12);
  EXPECT_EQ(k1.verdict, InfluenceVerdict::kHelps);
  // Nobody engaged with k2.
  EXPECT_EQ((*result)[1].engaged.n, 0);
  EXPECT_EQ((*result)[1].verdict, InfluenceVerdict::kTooLittleData);
}

TEST(ContentInfluence, BelowTheMinimumSampleIsTooLittleData) {
  Population pop;
  AddGroup(pop, "e", 4, 4, true);
  AddGroup(pop, "n", 10, 0, false);
  core::Result<std::vector<ContentInfluence>> result = Measure(pop);
  ASSERT_TRUE(result.has_value());
  const ContentInfluence& k1 = result->front();
  EXPECT_EQ(k1.engaged.n, 4);
  EXPECT_EQ(k1.verdict, InfluenceVerdict::kTooLittleData);
  EXPECT_FALSE(k1.rate.has_value());
  EXPECT_FALSE(k1.lift.has_value());
}

TEST(ContentInfluence, SharesTooRecentToJudgeAreLeftOut) {
  Population pop;
  AddGroup(pop, "e", 10, 8, true);
  AddGroup(pop, "n", 10, 2, false);
  // Evaluated on day 50 the window after day 30 is not over yet.
  core::Result<std::vector<ContentInfluence>> result = MeasureContentInfluence(
      Engine(), pop.opportunities, pop.shares, {Item("k1", {}, {})}, DayAt(50), {});
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->front().engaged.n, 0);
}

TEST(JudgeInfluence, VerdictsFollowTheZTest) {
  const InfluenceParams p;
  EXPECT_EQ(JudgeInfluence("k", {10, 2}, {10, 8}, p).verdict, InfluenceVerdict::kHurts);
  EXPECT_EQ(JudgeInfluence("k", {10, 5}, {10, 4}, p).verdict, InfluenceVerdict::kNoEffect);
  EXPECT_EQ(JudgeInfluence("k", {10, 10}, {10, 10}, p).verdict, InfluenceVerdict::kNoEffect);
  const ContentInfluence few = JudgeInfluence("k", {10, 9}, {4, 0}, p);
  EXPECT_EQ(few.verdict, InfluenceVerdict::kTooLittleData);
  EXPECT_EQ(few.comparison.n, 4);
}

TEST(ContentPicker, ProvenInfluenceComesFirst) {
  const methodology::Methodology& m = methodology::Methodology::Default();
  std::vector<domain::ContentItem> items = {
      Item("plain", {"need_quantified"}, {"finance"}, "calculator"),
      Item("proven", {"need_quantified"}, {}, "guide"),
      Item("other_stage", {"status_quo"}, {"finance"}),
      Item("other_persona", {"need_quantified"}, {"it"}),
      Item("retired", {"need_quantified"}, {"finance"})};
  items[4].retired = true;
  const ContentPicker picker(items, m, {JudgeInfluence("proven", {10, 8}, {10, 2}, {})});
  const int stage = *m.StageIndex("need_quantified");
  const std::vector<ContentRef> picked = picker.Pick(stage, "finance", "calculator", 3);
  ASSERT_EQ(picked.size(), 2u);
  EXPECT_EQ(picked[0].id, "proven");
  EXPECT_EQ(picked[1].id, "plain");
  EXPECT_EQ(picker.Pick(stage, "finance", "", 1).size(), 1u);
}

}  // namespace
}  // namespace buyalign::actions
