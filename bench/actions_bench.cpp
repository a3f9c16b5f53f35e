// Next best actions for every open opportunity of a generated 10,000-opportunity set held in
// memory. The reference, timed in the same run on the same data, is the readiness analysis alone
// (ReadinessEngine::Analyze), which planning includes: the ratio is what the playbook, ranking and
// content picking add on top of it.
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "actions/content_picker.hpp"
#include "actions/next_action_planner.hpp"
#include "actions/playbook_loader.hpp"
#include "engine/readiness_engine.hpp"

namespace {

using buyalign::actions::ContentPicker;
using buyalign::actions::DefaultPlaybook;
using buyalign::actions::NextAction;
using buyalign::actions::NextActionPlanner;
using buyalign::actions::Personas;
using buyalign::engine::OpportunityInput;
using buyalign::engine::ReadinessEngine;
using buyalign::methodology::Methodology;
namespace core = buyalign::core;
namespace domain = buyalign::domain;

constexpr int kOpportunities = 10000;
constexpr int64_t kStart = 1767225600;  // 2026-01-01
constexpr int64_t kDay = 86400;
constexpr int64_t kAsOf = kStart + 200 * kDay;

struct Deal {
  OpportunityInput input;
  Personas personas;
};

// 2-6 members per deal, each walking the cycle with 3-12 signals (mostly at or near their own
// stage, some noise), a few activities, a close date 0-180 days out; 10% closed.
const std::vector<Deal>& Deals() {
  static const std::vector<Deal> kDeals = [] {
    const Methodology& m = Methodology::Default();
    std::mt19937_64 rng(7);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::vector<std::vector<std::string>> kinds_by_stage(static_cast<size_t>(m.stage_count()));
    for (const auto& s : m.signals()) {
      if (s.main_stage >= 0) kinds_by_stage[static_cast<size_t>(s.main_stage)].push_back(s.id);
    }
    const std::vector<std::string> personas = {"finance", "operations", "it", "procurement"};
    std::vector<Deal> out;
    for (int o = 0; o < kOpportunities; ++o) {
      Deal d;
      OpportunityInput& in = d.input;
      in.opportunity_id = "o" + std::to_string(o);
      in.status =
          uniform(0, 9) == 0 ? domain::OpportunityStatus::kWon : domain::OpportunityStatus::kOpen;
      in.expected_close = core::FromUnixDays((kAsOf / kDay) + uniform(0, 180));
      const int members = uniform(2, 6);
      const int deal_stage = uniform(1, 9);
      for (int i = 0; i < members; ++i) {
        const std::string id = in.opportunity_id + "-c" + std::to_string(i);
        in.members.push_back({id, "Contact " + std::to_string(i),
                              static_cast<domain::DmuRole>(uniform(0, 10)), uniform(1, 10) / 10.0,
                              static_cast<domain::Stance>(uniform(0, 4))});
        d.personas[id] = personas[static_cast<size_t>(uniform(0, 3))];
        const int signals = uniform(3, 12);
        int64_t at = kStart + uniform(0, 30) * kDay;
        for (int k = 0; k < signals; ++k) {
          at += uniform(1, 15) * kDay;
          if (at > kAsOf) break;
          int stage = std::clamp(deal_stage - 2 + k * 3 / signals + uniform(-1, 1), 0, 11);
          const auto& kinds = kinds_by_stage[static_cast<size_t>(stage)];
          if (kinds.empty()) continue;
          domain::Signal s;
          s.opportunity_id = in.opportunity_id;
          s.contact_id = id;
          s.kind = kinds[static_cast<size_t>(uniform(0, static_cast<int>(kinds.size()) - 1))];
          s.at = core::FromUnixSeconds(at);
          in.signals.push_back(std::move(s));
        }
      }
      for (int a = 0; a < uniform(1, 5); ++a) {
        domain::Activity act;
        act.opportunity_id = in.opportunity_id;
        act.contact_ids = {in.members[static_cast<size_t>(uniform(0, members - 1))].contact_id};
        act.kind = m.activity_kinds()[static_cast<size_t>(uniform(0, 12))];
        act.at = core::FromUnixSeconds(kAsOf - uniform(1, 90) * kDay);
        in.activities.push_back(std::move(act));
      }
      out.push_back(std::move(d));
    }
    return out;
  }();
  return kDeals;
}

std::vector<domain::ContentItem> Library() {
  const Methodology& m = Methodology::Default();
  std::vector<domain::ContentItem> items;
  const std::vector<std::string> personas = {"finance", "operations", "it", "procurement"};
  for (int i = 0; i < 200; ++i) {
    domain::ContentItem item;
    item.id = "k" + std::to_string(i);
    item.title = "Item " + std::to_string(i);
    item.stages = {m.stages()[static_cast<size_t>(i % m.stage_count())]};
    item.personas = {personas[static_cast<size_t>(i % 4)]};
    item.format = i % 3 == 0 ? "case_study" : "guide";
    items.push_back(std::move(item));
  }
  return items;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void BM_NextActionsForEveryOpenOpportunity(benchmark::State& state) {
  const ReadinessEngine engine(Methodology::Default());
  const ContentPicker picker(Library(), Methodology::Default());
  const NextActionPlanner planner(engine, DefaultPlaybook(), picker);
  const std::vector<Deal>& deals = Deals();
  const core::Timestamp as_of = core::FromUnixSeconds(kAsOf);
  double plan_seconds = 0;
  double analyze_seconds = 0;
  int64_t planned = 0;
  int64_t actions = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    for (const Deal& d : deals) {
      if (d.input.status != domain::OpportunityStatus::kOpen) continue;
      auto readiness = engine.Analyze(d.input, as_of);
      benchmark::DoNotOptimize(readiness);
    }
    analyze_seconds += Seconds(start);

    start = std::chrono::steady_clock::now();
    for (const Deal& d : deals) {
      if (d.input.status != domain::OpportunityStatus::kOpen) continue;
      core::Result<std::vector<NextAction>> result = planner.Plan(d.input, d.personas, as_of);
      if (!result) state.SkipWithError(result.error().message.c_str());
      actions += static_cast<int64_t>(result->size());
      ++planned;
    }
    const double seconds = Seconds(start);
    plan_seconds += seconds;
    state.SetIterationTime(seconds);
  }
  state.counters["open_opportunities"] = static_cast<double>(planned) / state.iterations();
  state.counters["actions_per_opportunity"] = static_cast<double>(actions) / planned;
  state.counters["opportunities_per_s"] = static_cast<double>(planned) / plan_seconds;
  state.counters["analyze_only_per_s"] = static_cast<double>(planned) / analyze_seconds;
  state.counters["ratio_to_analyze"] = plan_seconds / analyze_seconds;
}
BENCHMARK(BM_NextActionsForEveryOpenOpportunity)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
