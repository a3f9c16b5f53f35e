// Scenario tests: one per family of default playbook rules, built from engine inputs, asserting
// whom the top recommendation is for, the activity and the reason.
#include "actions/next_action_planner.hpp"

#include <gtest/gtest.h>

#include "actions/actions_test_data.hpp"

namespace buyalign::actions {
namespace {

using domain::DmuRole;
using domain::Stance;
using engine::MemberInput;
using engine::OpportunityInput;
using namespace testdata;

std::vector<NextAction> PlanAt(const OpportunityInput& in, double day, const Personas& p = {}) {
  core::Result<std::vector<NextAction>> actions = Planner().Plan(in, p, DayAt(day));
  EXPECT_TRUE(actions.has_value());
  return actions ? *actions : std::vector<NextAction>{};
}

// Procurement asks for a discount after a quote; nobody talked delivery times or SLA.
OpportunityInput DiscountBeforeTerms() {
  OpportunityInput in;
  in.opportunity_id = "o1";
  in.expected_close = std::chrono::floor<std::chrono::days>(DayAt(150));
  in.members = {{"c-marie", "Marie", DmuRole::kEconomicBuyer, 0.9, Stance::kSupporter},
                {"c-paul", "Paul", DmuRole::kProcurement, 0.6, Stance::kNeutral}};
  in.signals = {MakeSignal("c-marie", "shares_requirements", 0),
                MakeSignal("c-marie", "asks_for_proposal", 40),
                MakeSignal("c-marie", "involves_finance", 60),
                MakeSignal("c-marie", "executive_meeting", 70),
                MakeSignal("c-paul", "procurement_engaged", 72),
                MakeSignal("c-paul", "asks_for_discount", 75)};
  in.activities = {MakeActivity("x1", {"c-marie"}, "proposal_sent", 45),
                   MakeActivity("x2", {"c-paul"}, "quote_sent", 72)};
  return in;
}

TEST(NextActions, DiscountBeforeSlaClearsTermsBeforePrice) {
  const std::vector<NextAction> actions =
      PlanAt(DiscountBeforeTerms(), 80, {{"c-paul", "procurement"}});
  const NextAction* a = WithReason(actions, "price_before_terms");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-paul");
  EXPECT_EQ(a->role, "procurement");
  EXPECT_EQ(a->activity, "negotiation_meeting");
  EXPECT_NE(a->purpose.find("delivery times and SLA"), std::string::npos) << a->purpose;
  EXPECT_EQ(actions.front().contact_id, "c-paul") << Describe(actions);
  ASSERT_FALSE(a->content.empty());
  EXPECT_EQ(a->content.front().id, "k-sla");
  for (const std::string& q : a->questions) EXPECT_EQ(q.back(), '?') << q;
}

TEST(NextActions, DiscountAfterSlaWasDiscussedIsNotPriceBeforeTerms) {
  OpportunityInput in = DiscountBeforeTerms();
  in.activities[1].note = "Walked through delivery windows and the SLA with Paul";
  EXPECT_EQ(WithReason(PlanAt(in, 80), "price_before_terms"), nullptr);
}

TEST(NextActions, ANoteThatCallsTheSlaStillOpenIsNoDiscussion) {
  OpportunityInput in = DiscountBeforeTerms();
  for (const char* note :
       {"Quote sent; delivery times and SLA not discussed yet",
        "wants 12% off before talking about delivery or SLAs", "price only. SLA still open"}) {
    in.activities[1].note = note;
    EXPECT_NE(WithReason(PlanAt(in, 80), "price_before_terms"), nullptr) << note;
  }
  // A settled topic in one clause counts even when another clause of the note is open.
  in.activities[1].note = "SLA agreed at 99.5%; penalties not discussed yet";
  EXPECT_EQ(WithReason(PlanAt(in, 80), "price_before_terms"), nullptr);
}

TEST(NextActions, LaggingEconomicBuyerIsMetOnTheBusinessProblem) {
  OpportunityInput in;
  in.opportunity_id = "o1";
  in.expected_close = std::chrono::floor<std::chrono::days>(DayAt(200));
  in.members = {{"c-marie", "Marie", DmuRole::kEconomicBuyer, 0.9, Stance::kNeutral},
                {"c-tom", "Tom", DmuRole::kEvaluator, 0.6, Stance::kChampion},
                {"c-ines", "Ines", DmuRole::kEvaluator, 0.5, Stance::kSupporter}};
  for (double day : {0, 20, 40, 55}) {
    in.signals.push_back(MakeSignal("c-marie", "shares_requirements", day));
  }
  for (const char* c : {"c-tom", "c-ines"}) {
    in.signals.push_back(MakeSignal(c, "shares_requirements", 0));
    in.signals.push_back(MakeSignal(c, "requests_demo", 30));
    in.signals.push_back(MakeSignal(c, "asks_for_proposal", 45));
    in.signals.push_back(MakeSignal(c, "informs_shortlisted", 55));
  }
  const std::vector<NextAction> actions = PlanAt(in, 60);
  ASSERT_FALSE(actions.empty());
  const NextAction& top = actions.front();
  EXPECT_EQ(top.contact_id, "c-marie") << Describe(actions);
  EXPECT_EQ(top.activity, "value_workshop");
  EXPECT_EQ(top.reason.friction, "lagging_member");
  EXPECT_EQ(top.reason.stage, "requirements_defined");
  EXPECT_EQ(top.rule, "decision_maker_lags_early");
}

TEST(NextActions, SingleThreadedAsksTheChampionToIntroduceOthers) {
  OpportunityInput in;
  in.opportunity_id = "o1";
  in.account_contact_count = 6;
  in.members = {{"c-tom", "Tom", DmuRole::kEvaluator, 0.6, Stance::kChampion},
                {"c-marie", "Marie", DmuRole::kEconomicBuyer, 0.2, Stance::kNeutral}};
  in.signals = {MakeSignal("c-tom", "reports_pain", 0),
                MakeSignal("c-tom", "shares_kpis_or_costs", 20),
                MakeSignal("c-tom", "shares_requirements", 40)};
  in.activities = {MakeActivity("x1", {"c-tom"}, "discovery_meeting", 25)};
  const std::vector<NextAction> actions = PlanAt(in, 50);
  const NextAction* a = WithReason(actions, "single_threaded");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-tom");
  EXPECT_EQ(a->activity, "follow_up");
  EXPECT_NE(a->purpose.find("introduce"), std::string::npos);
}

// Four meetings, each with somebody new who says little; nobody with a budget.
OpportunityInput PassedAround() {
  OpportunityInput in;
  in.opportunity_id = "o1";
  in.members = {{"c-ann", "Ann", DmuRole::kInfluencer, 0.4, Stance::kNeutral},
                {"c-bob", "Bob", DmuRole::kTechnicalBuyer, 0.4, Stance::kNeutral},
                {"c-cas", "Cas", DmuRole::kBusinessUser, 0.3, Stance::kNeutral},
                {"c-dan", "Dan", DmuRole::kOther, 0.3, Stance::kNeutral}};
  in.activities = {MakeActivity("x1", {"c-ann"}, "intro_call", 0),
                   MakeActivity("x2", {"c-bob"}, "follow_up", 10),
                   MakeActivity("x3", {"c-cas"}, "follow_up", 20),
                   MakeActivity("x4", {"c-dan"}, "intro_call", 30)};
  in.signals = {
      MakeSignal("c-ann", "reports_pain", 0), MakeSignal("c-bob", "asks_industry_trends", 10),
      MakeSignal("c-cas", "reports_pain", 20), MakeSignal("c-dan", "shares_kpis_or_costs", 30)};
  return in;
}

TEST(NextActions, PassedFromContactToContactMapsTheDmuWithTheCurrentContact) {
  const std::vector<NextAction> actions = PlanAt(PassedAround(), 35);
  const NextAction* a = WithReason(actions, "passed_around");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-dan");
  EXPECT_EQ(a->activity, "discovery_meeting");
  EXPECT_NE(a->purpose.find("Map the buying group with Dan"), std::string::npos) << a->purpose;
  EXPECT_NE(a->reason.explanation.find("passed along 4 contacts"), std::string::npos)
      << a->reason.explanation;
}

TEST(NextActions, AFollowUpWithTheCurrentContactKeepsTheChain) {
  OpportunityInput in = PassedAround();
  in.activities.push_back(MakeActivity("x5", {"c-dan"}, "follow_up", 33));
  const NextAction* a = WithReason(PlanAt(in, 35), "passed_around");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->contact_id, "c-dan");
}

TEST(NextActions, GoingBackToAnEarlierContactIsARelationshipNotAHandOff) {
  OpportunityInput in = PassedAround();
  // Back to Cas after Dan: the chain since is Dan and Cas only, too short to be a pattern.
  in.activities.push_back(MakeActivity("x5", {"c-cas"}, "follow_up", 33));
  EXPECT_EQ(WithReason(PlanAt(in, 35), "passed_around"), nullptr);
}

TEST(NextActions, HandOffsToTheEconomicBuyerAreNotPassingAround) {
  OpportunityInput in = PassedAround();
  in.members[3].role = DmuRole::kEconomicBuyer;
  EXPECT_EQ(WithReason(PlanAt(in, 35), "passed_around"), nullptr);
}

TEST(NextActions, MissingEconomicBuyerIsIntroducedByTheChampion) {
  OpportunityInput in;
  in.opportunity_id = "o1";
  in.members = {{"c-tom", "Tom", DmuRole::kEvaluator, 0.6, Stance::kChampion},
                {"c-ines", "Ines", DmuRole::kTechnicalBuyer, 0.5, Stance::kNeutral}};
  for (const char* c : {"c-tom", "c-ines"}) {
    in.signals.push_back(MakeSignal(c, "shares_requirements", 10));
    in.signals.push_back(MakeSignal(c, "researches_alternatives", 25));
  }
  const std::vector<NextAction> actions = PlanAt(in, 30);
  const NextAction* a = WithReason(actions, "missing_role");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-tom");
  EXPECT_EQ(a->activity, "follow_up");
  EXPECT_NE(a->purpose.find("economic buyer"), std::string::npos);
}

TEST(NextActions, InfluentialBlockerIsHeardFirst) {
  OpportunityInput in = engine::testdata::CleanDeal();
  in.members[2].stance = Stance::kBlocker;
  in.members[2].influence = 0.8;
  const std::vector<NextAction> actions = PlanAt(in, 60);
  const NextAction* a = WithReason(actions, "high_influence_blocker");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-ines");
  EXPECT_EQ(a->activity, "discovery_meeting");
  EXPECT_EQ(actions.front().contact_id, "c-ines") << Describe(actions);
}

TEST(NextActions, StaleMemberGetsAFollowUp) {
  OpportunityInput in = engine::testdata::CleanDeal();
  std::erase_if(in.signals, [](const domain::Signal& s) {
    return s.contact_id == "c-ines" && s.at > DayAt(1);
  });
  const NextAction* a = WithReason(PlanAt(in, 60), "stale_member");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->contact_id, "c-ines");
  EXPECT_EQ(a->activity, "follow_up");
}

TEST(NextActions, SellerAheadStepsBackToTheBuyersStage) {
  OpportunityInput in = engine::testdata::CleanDeal();
  in.activities.push_back(MakeActivity("x-contract", {"c-marie"}, "contract_sent", 56));
  const std::vector<NextAction> actions = PlanAt(in, 60);
  const NextAction* a = WithReason(actions, "seller_ahead");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-marie");
  EXPECT_EQ(a->reason.stage, "vendors_evaluated");
  EXPECT_EQ(a->activity, "demo");  // the first selling activity that fits vendors_evaluated
}

TEST(NextActions, SellerBehindCatchesUpWithTheBuyer) {
  OpportunityInput in = engine::testdata::CleanDeal();
  in.activities.push_back(MakeActivity("x-intro", {"c-tom"}, "intro_call", 56));
  const std::vector<NextAction> actions = PlanAt(in, 60);
  const NextAction* a = WithReason(actions, "seller_behind");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-tom");
  EXPECT_EQ(a->activity, "demo");
}

TEST(NextActions, BackwardMoveAsksWhatChanged) {
  OpportunityInput in = engine::testdata::CleanDeal();
  in.signals.push_back(MakeSignal("c-tom", "raises_new_requirement", 57));
  in.signals.push_back(MakeSignal("c-tom", "shares_requirements", 58));
  const std::vector<NextAction> actions = PlanAt(in, 60);
  const NextAction* a = WithReason(actions, "backward_move");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-tom");
  EXPECT_EQ(a->activity, "discovery_meeting");
}

TEST(NextActions, StalledDealGoesToTheEconomicBuyer) {
  OpportunityInput in = engine::testdata::CleanDeal();
  in.signals.clear();
  in.activities.clear();
  for (const MemberInput& m : in.members) {
    for (double day : {0, 20, 40, 60, 75}) {
      in.signals.push_back(MakeSignal(m.contact_id, "shares_requirements", day));
    }
  }
  const std::vector<NextAction> actions = PlanAt(in, 80);
  const NextAction* a = WithReason(actions, "stalled");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-marie");
  EXPECT_EQ(a->activity, "discovery_meeting");
}

TEST(NextActions, UnrealisticCloseDateIsCheckedWithTheEconomicBuyer) {
  OpportunityInput in = engine::testdata::CleanDeal();
  in.expected_close = std::chrono::floor<std::chrono::days>(DayAt(70));
  const std::vector<NextAction> actions = PlanAt(in, 60);
  const NextAction* a = WithReason(actions, "close_date_unrealistic");
  ASSERT_NE(a, nullptr) << Describe(actions);
  EXPECT_EQ(a->contact_id, "c-marie");
  EXPECT_EQ(a->activity, "follow_up");
  EXPECT_LE(a->due, *in.expected_close);
}

TEST(NextActions, HealthyDealMovesEachMemberOnFromTheirStage) {
  const OpportunityInput in = engine::testdata::CleanDeal();
  const std::vector<NextAction> actions = PlanAt(in, 60, {{"c-marie", "finance"}});
  ASSERT_EQ(actions.size(), 3u) << Describe(actions);
  for (const NextAction& a : actions) {
    EXPECT_EQ(a.reason.friction, "");
    EXPECT_EQ(a.reason.stage, "vendors_evaluated");
    EXPECT_EQ(a.activity, "demo");
    EXPECT_EQ(a.rule, "stage_evaluate");
    ASSERT_EQ(a.content.size(), 1u);
    EXPECT_EQ(a.content.front().id, "k-case");
    EXPECT_EQ(a.due, std::chrono::floor<std::chrono::days>(DayAt(70)));
  }
  EXPECT_EQ(actions.front().contact_id, "c-marie");  // the most influential
}

TEST(NextActions, ClosedOpportunityHasNoActions) {
  OpportunityInput in = engine::testdata::CleanDeal();
  in.status = domain::OpportunityStatus::kWon;
  EXPECT_TRUE(PlanAt(in, 60).empty());
}

}  // namespace
}  // namespace buyalign::actions
