#include "forecast/seller_stage.hpp"

#include <gtest/gtest.h>

#include "forecast/history_test_data.hpp"

namespace buyalign::forecast {
namespace {

using testdata::ActivityOn;
using testdata::DayAt;
using testdata::DealSpec;
using testdata::MakeDeal;
using testdata::StageOn;

TEST(SellerStage, StageHistoryAsOfTheMomentWinsWithTheCrmsOwnProbability) {
  DealSpec spec{.id = "o1"};
  spec.stage_changes = {StageOn(10, "Qualification", std::nullopt),
                        StageOn(40, "Negotiation/Review", 0.8), StageOn(60, "Closed Lost", 0.0)};
  spec.activities = {ActivityOn(5, "proposal_sent")};
  const DealRecord deal = MakeDeal(spec);
  const SellerStage early = SellerStageAt(deal, DayAt(20), false);
  EXPECT_EQ(early.name, "Qualification");
  EXPECT_DOUBLE_EQ(early.probability, 0.10) << "the stage table's when the change has none";
  EXPECT_EQ(early.source, "stage_history");
  const SellerStage later = SellerStageAt(deal, DayAt(50), false);
  EXPECT_EQ(later.name, "Negotiation/Review");
  EXPECT_DOUBLE_EQ(later.probability, 0.8);
  EXPECT_DOUBLE_EQ(SellerStageAt(deal, DayAt(61), false).probability, 0.0);
}

TEST(SellerStage, WithoutHistoryTheFurthestActivityUpToTheMomentCounts) {
  DealSpec spec{.id = "o2"};
  spec.activities = {ActivityOn(3, "intro_call"), ActivityOn(10, "demo"),
                     ActivityOn(12, "follow_up"), ActivityOn(30, "negotiation_meeting")};
  const DealRecord deal = MakeDeal(spec);
  EXPECT_EQ(SellerStageAt(deal, DayAt(1), false).source, "default");
  EXPECT_DOUBLE_EQ(SellerStageAt(deal, DayAt(1), false).probability, 0.10);
  const SellerStage demo = SellerStageAt(deal, DayAt(20), false);
  EXPECT_EQ(demo.name, "Value Proposition");
  EXPECT_DOUBLE_EQ(demo.probability, 0.5);
  EXPECT_EQ(demo.source, "activities");
  EXPECT_DOUBLE_EQ(SellerStageAt(deal, DayAt(31), false).probability, 0.9);
}

TEST(SellerStage, TheCurrentCrmStageIsReadOnlyLive) {
  DealSpec spec{.id = "o3"};
  spec.activities = {ActivityOn(10, "demo")};
  DealRecord deal = MakeDeal(spec);
  auto opportunity = std::make_shared<domain::Opportunity>(*deal.opportunity);
  opportunity->crm_stage = "Proposal/Price Quote";
  deal.opportunity = opportunity;
  const SellerStage live = SellerStageAt(deal, DayAt(20), true);
  EXPECT_EQ(live.source, "crm_stage");
  EXPECT_DOUBLE_EQ(live.probability, 0.75);
  EXPECT_EQ(SellerStageAt(deal, DayAt(20), false).source, "activities");
}

}  // namespace
}  // namespace buyalign::forecast
