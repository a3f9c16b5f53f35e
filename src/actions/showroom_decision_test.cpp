#include "actions/showroom_decision.hpp"

#include <gtest/gtest.h>

#include "actions/actions_test_data.hpp"

namespace buyalign::actions {
namespace {

using domain::DmuRole;
using domain::Stance;
using engine::OpportunityInput;
using namespace testdata;

ShowroomDecision Decide(const OpportunityInput& in, double day, const Personas& personas = {}) {
  core::Result<engine::OpportunityReadiness> readiness = Engine().Analyze(in, DayAt(day));
  EXPECT_TRUE(readiness.has_value());
  const DealView deal(in, *readiness, personas, methodology::Methodology::Default());
  return DecideShowroom(deal, DefaultPlaybook(), Picker());
}

bool AnyReasonHas(const ShowroomDecision& d, std::string_view text) {
  return std::any_of(d.reasons.begin(), d.reasons.end(),
                     [&](const std::string& r) { return r.find(text) != std::string::npos; });
}

// A couple in the kitchen showroom on their third visit: need and wishes clear, their choice made.
OpportunityInput ReadyCouple() {
  OpportunityInput in;
  in.opportunity_id = "o-kitchen";
  in.members = {{"c-an", "An", DmuRole::kEconomicBuyer, 0.8, Stance::kSupporter},
                {"c-bert", "Bert", DmuRole::kDecisionMaker, 0.7, Stance::kSupporter}};
  for (const char* c : {"c-an", "c-bert"}) {
    in.signals.push_back(MakeSignal(c, "shares_kpis_or_costs", 0));
    in.signals.push_back(MakeSignal(c, "shares_requirements", 10));
    in.signals.push_back(MakeSignal(c, "asks_for_proposal", 40));
    in.signals.push_back(MakeSignal(c, "informs_shortlisted", 44));
  }
  return in;
}

TEST(Showroom, ReadyDecisionMakersWithAClearNeedGetAQuote) {
  const ShowroomDecision d = Decide(ReadyCouple(), 45);
  EXPECT_EQ(d.decision, "quote_now");
  EXPECT_TRUE(AnyReasonHas(d, "An (economic buyer) is most likely at shortlist_selected"));
  EXPECT_TRUE(AnyReasonHas(d, "need_quantified is evidenced"));
  EXPECT_FALSE(d.prepare.empty());
}

TEST(Showroom, BuyerStillComparingWithAnUnquantifiedNeedBooksAFollowUp) {
  OpportunityInput in;
  in.opportunity_id = "o-walk-in";
  in.members = {{"c-an", "An", DmuRole::kEconomicBuyer, 0.8, Stance::kNeutral}};
  in.signals = {MakeSignal("c-an", "reports_pain", 0),
                MakeSignal("c-an", "researches_alternatives", 5),
                MakeSignal("c-an", "compares_competitor_pricing", 6)};
  const ShowroomDecision d = Decide(in, 6, {{"c-an", "finance"}});
  EXPECT_EQ(d.decision, "book_follow_up");
  EXPECT_TRUE(AnyReasonHas(d, "not ready to choose yet")) << d.reasons.front();
  EXPECT_TRUE(AnyReasonHas(d, "Still unclear: nothing shows need_quantified"));
  EXPECT_TRUE(AnyReasonHas(d, "shop"));
  // Prepared for the earliest open stage, need_quantified: its stage rule's questions and content.
  ASSERT_FALSE(d.prepare.empty());
  EXPECT_EQ(d.prepare.front(), "What does the problem cost you per month?");
  ASSERT_FALSE(d.content.empty());
  EXPECT_EQ(d.content.front().id, "k-roi");
}

TEST(Showroom, ReadyBuyerWhoJustComparedPricesStillBooksAFollowUp) {
  OpportunityInput in = ReadyCouple();
  in.signals.push_back(MakeSignal("c-bert", "compares_competitor_pricing", 44.5));
  const ShowroomDecision d = Decide(in, 45);
  EXPECT_EQ(d.decision, "book_follow_up");
  EXPECT_TRUE(AnyReasonHas(d, "Bert"));
}

}  // namespace
}  // namespace buyalign::actions
