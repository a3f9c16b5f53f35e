#include "engine/frictions.hpp"

#include <algorithm>
#include <functional>

#include <gtest/gtest.h>

#include "core/enum_names.hpp"
#include "engine/engine_test_data.hpp"
#include "engine/readiness_engine.hpp"

namespace buyalign::engine {
namespace {

using namespace testdata;

const ReadinessEngine& Engine() {
  static const ReadinessEngine kEngine(methodology::Methodology::Default());
  return kEngine;
}

std::vector<Friction> Frictions(const OpportunityInput& input, double day) {
  auto result = Engine().Analyze(input, DayAt(day));
  EXPECT_TRUE(result) << result.error().message;
  return result ? result->frictions : std::vector<Friction>{};
}

std::string Describe(const std::vector<Friction>& frictions) {
  std::string out;
  for (const Friction& f : frictions) {
    out += std::string(core::EnumName(kFrictionKindNames, f.kind)) + " [" + f.contact_id + "] " +
           f.explanation + "\n";
  }
  return out;
}

TEST(Frictions, CleanDealHasNone) {
  const std::vector<Friction> frictions = Frictions(CleanDeal(), 60);
  EXPECT_TRUE(frictions.empty()) << Describe(frictions);
}

// Each case changes the clean deal so that one friction kind must fire.
struct FrictionCase {
  std::string name;
  FrictionKind kind;
  std::string contact_id;  // expected on the friction; "" for DMU-wide ones
  std::string activity_id;
  std::string mentions;  // a phrase the explanation must contain
  std::function<void(OpportunityInput&)> change;
  double day = 60;
};

class FrictionFires : public testing::TestWithParam<FrictionCase> {};

TEST_P(FrictionFires, OnConstructedCase) {
  const FrictionCase& c = GetParam();
  OpportunityInput input = CleanDeal();
  c.change(input);
  const std::vector<Friction> frictions = Frictions(input, c.day);
  auto it = std::find_if(frictions.begin(), frictions.end(), [&](const Friction& f) {
    return f.kind == c.kind && f.contact_id == c.contact_id && f.activity_id == c.activity_id;
  });
  ASSERT_NE(it, frictions.end()) << Describe(frictions);
  EXPECT_GT(it->severity, 0.0);
  EXPECT_LE(it->severity, 1.0);
  EXPECT_NE(it->explanation.find(c.mentions), std::string::npos) << it->explanation;
}

void Drop(OpportunityInput& in, const std::string& contact) {
  std::erase_if(in.signals, [&](const domain::Signal& s) { return s.contact_id == contact; });
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, FrictionFires,
    testing::Values(
        FrictionCase{
            "missing_role", FrictionKind::kMissingRole, "", "", "No economic buyer",
            [](OpportunityInput& in) { in.members[0].role = domain::DmuRole::kInfluencer; }},
        FrictionCase{"lagging_member", FrictionKind::kLaggingMember, "c-ines", "",
                     "Ines (technical buyer, medium influence) is most likely still at "
                     "problem_recognized",
                     [](OpportunityInput& in) {
                       Drop(in, "c-ines");
                       for (double d : {30, 45, 55})
                         in.signals.push_back(MakeSignal("c-ines", "reports_pain", d));
                     }},
        FrictionCase{"high_influence_blocker", FrictionKind::kHighInfluenceBlocker, "c-marie", "",
                     "Marie (economic buyer, high influence) is a blocker",
                     [](OpportunityInput& in) { in.members[0].stance = domain::Stance::kBlocker; }},
        FrictionCase{"stale_member", FrictionKind::kStaleMember, "c-tom", "",
                     "since 25 January 2026 (40 days)",
                     [](OpportunityInput& in) {
                       std::erase_if(in.signals, [](const domain::Signal& s) {
                         return s.contact_id == "c-tom" && s.at > DayAt(30);
                       });
                     }},
        FrictionCase{"single_threaded", FrictionKind::kSingleThreaded, "c-marie", "",
                     "account has 5 known contacts",
                     [](OpportunityInput& in) {
                       std::erase_if(in.signals, [](const domain::Signal& s) {
                         return s.contact_id != "c-marie" && s.at > DayAt(5);
                       });
                       in.activities.clear();
                     },
                     70},
        FrictionCase{"backward_move", FrictionKind::kBackwardMove, "c-marie", "",
                     "moved back from vendors_evaluated to requirements_defined",
                     [](OpportunityInput& in) {
                       in.signals.push_back(MakeSignal("c-marie", "raises_new_requirement", 57));
                       in.signals.push_back(MakeSignal("c-marie", "shares_requirements", 58));
                     }},
        FrictionCase{"seller_ahead", FrictionKind::kSellerAhead, "c-marie", "x-contract",
                     "sent the contract on 3 March 2026",
                     [](OpportunityInput& in) {
                       in.activities.push_back(
                           MakeActivity("x-contract", {"c-marie"}, "contract_sent", 57));
                     }},
        FrictionCase{"seller_behind", FrictionKind::kSellerBehind, "c-tom", "x-intro",
                     "You held an intro call with Tom",
                     [](OpportunityInput& in) {
                       in.activities.push_back(
                           MakeActivity("x-intro", {"c-tom"}, "intro_call", 57));
                     }},
        FrictionCase{"stalled", FrictionKind::kStalled, "", "", "has not moved forward since",
                     [](OpportunityInput& in) {
                       for (const MemberInput& m : in.members) {
                         Drop(in, m.contact_id);
                         for (double d : {0, 30, 60, 90}) {
                           in.signals.push_back(MakeSignal(m.contact_id, "shares_requirements", d));
                         }
                       }
                       in.expected_close.reset();
                     },
                     95},
        FrictionCase{"close_date_unrealistic", FrictionKind::kCloseDateUnrealistic, "", "",
                     "The expected close date 16 March 2026 leaves 10 days",
                     [](OpportunityInput& in) {
                       in.expected_close = std::chrono::floor<std::chrono::days>(DayAt(70));
                     }}),
    [](const testing::TestParamInfo<FrictionCase>& info) { return info.param.name; });

TEST(Frictions, MostSevereFirst) {
  OpportunityInput input = CleanDeal();
  input.members[0].stance = domain::Stance::kBlocker;
  input.members[2].stance = domain::Stance::kSkeptic;
  input.members[2].influence = 0.7;
  const std::vector<Friction> frictions = Frictions(input, 60);
  ASSERT_EQ(frictions.size(), 2u) << Describe(frictions);
  EXPECT_GE(frictions[0].severity, frictions[1].severity);
  EXPECT_EQ(frictions[0].contact_id, "c-marie");
}

TEST(Frictions, OldActivitiesAreHistory) {
  OpportunityInput input = CleanDeal();
  input.activities.push_back(MakeActivity("x-intro", {"c-tom"}, "intro_call", 57));
  // 57 + 45 days later the mismatch is no longer reported.
  for (const Friction& f : Frictions(input, 103)) EXPECT_NE(f.kind, FrictionKind::kSellerBehind);
}

}  // namespace
}  // namespace buyalign::engine
