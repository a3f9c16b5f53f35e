#include "engine/simulator/evaluation.hpp"

#include <gtest/gtest.h>

#include "engine/simulator/baseline_tracks.hpp"

namespace buyalign::engine::simulator {
namespace {

const ReadinessEngine& Engine() {
  static const ReadinessEngine kEngine(methodology::Methodology::Default());
  return kEngine;
}

TEST(JourneySimulator, IsDeterministicAndHasGroundTruth) {
  SimulationSettings settings;
  settings.opportunities = 5;
  const auto a = Simulate(settings, methodology::Methodology::Default());
  const auto b = Simulate(settings, methodology::Methodology::Default());
  ASSERT_EQ(a.size(), 5u);
  for (size_t o = 0; o < a.size(); ++o) {
    EXPECT_EQ(a[o].input.signals.size(), b[o].input.signals.size());
    EXPECT_EQ(a[o].truth, b[o].truth);
    EXPECT_EQ(a[o].truth.size(), a[o].input.members.size());
    EXPECT_FALSE(a[o].input.signals.empty());
    EXPECT_FALSE(a[o].input.activities.empty());
    // Every simulated record is valid for the engine.
    EXPECT_TRUE(Engine().Analyze(a[o].input, core::FromUnixSeconds(a[o].end)));
  }
}

TEST(JourneySimulator, OptimisticRepsAssessAheadOfTheTruth) {
  SimulationSettings settings;
  settings.opportunities = 40;
  settings.optimism = 2.0;
  const methodology::Methodology& m = methodology::Methodology::Default();
  double bias = 0;
  int count = 0;
  for (const SimulatedOpportunity& sim : Simulate(settings, m)) {
    for (const domain::Signal& s : sim.input.signals) {
      if (s.kind != "stage_assessed") continue;
      size_t member = 0;
      while (sim.input.members[member].contact_id != s.contact_id) ++member;
      bias += *m.StageIndex(s.stage) - sim.TrueStage(member, core::ToUnixSeconds(s.at));
      ++count;
    }
  }
  ASSERT_GT(count, 100);
  EXPECT_GT(bias / count, 1.0);
}

// The check: on several simulator settings the engine beats both baselines measured in
// the same run, on exact-stage accuracy and on mean log score, with a clear margin.
class EngineBeatsBaselines : public testing::TestWithParam<size_t> {};

TEST_P(EngineBeatsBaselines, OnScenario) {
  SimulationSettings settings = StandardScenarios(60)[GetParam()];
  const EvaluationReport r = Evaluate(settings, Engine());
  const StageScore& engine = r.methods[0].stage;
  ASSERT_GT(engine.cases, 500) << settings.name;
  for (size_t baseline : {1, 2}) {
    const StageScore& other = r.methods[baseline].stage;
    SCOPED_TRACE(settings.name + " vs " + std::string(kMethodNames[baseline]));
    EXPECT_GT(engine.exact, other.exact + 0.02);
    EXPECT_GT(engine.within_one, other.within_one + 0.04);
    EXPECT_GT(engine.log_score, other.log_score + 0.3);
  }
}

// normal, fast pace, slow pace, high noise, quiet DMUs, very optimistic reps.
INSTANTIATE_TEST_SUITE_P(Scenarios, EngineBeatsBaselines, testing::Values(0, 1, 2, 4, 5, 6));

TEST(Evaluation, EngineFrictionsAreMorePreciseThanBaselines) {
  SimulationSettings settings = StandardScenarios(60)[0];
  const EvaluationReport r = Evaluate(settings, Engine());
  for (FrictionKind kind : {FrictionKind::kLaggingMember, FrictionKind::kBackwardMove,
                            FrictionKind::kSellerAhead, FrictionKind::kSellerBehind}) {
    const size_t k = static_cast<size_t>(kind);
    SCOPED_TRACE(std::string(kFrictionKindNames[k]));
    EXPECT_GT(r.methods[0].frictions[k].true_positives, 10);
    EXPECT_GT(r.methods[0].frictions[k].Precision(), r.methods[1].frictions[k].Precision());
    EXPECT_GT(r.methods[0].frictions[k].Precision(), r.methods[2].frictions[k].Precision());
  }
}

}  // namespace
}  // namespace buyalign::engine::simulator
