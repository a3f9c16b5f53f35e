// Prints the evaluation tables of docs/methodology.md: the engine against the "latest signal" and
// "latest rep assessment" baselines on every standard simulator scenario.
//
//   readiness_eval [opportunities-per-scenario] [methodology.toml]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/readiness_engine.hpp"
#include "engine/simulator/evaluation.hpp"
#include "methodology/methodology_loader.hpp"

int main(int argc, char** argv) {
  using namespace buyalign;
  const int opportunities = argc > 1 ? std::atoi(argv[1]) : 200;
  methodology::Methodology methodology = methodology::Methodology::Default();
  if (argc > 2) {
    auto loaded = methodology::LoadMethodology(argv[2]);
    if (!loaded) {
      std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
      return 2;
    }
    methodology = std::move(*loaded);
  }
  const engine::ReadinessEngine engine(methodology);
  std::vector<engine::simulator::EvaluationReport> reports;
  for (const auto& settings : engine::simulator::StandardScenarios(opportunities)) {
    reports.push_back(engine::simulator::Evaluate(settings, engine));
    std::fprintf(stderr, "evaluated %s\n", settings.name.c_str());
  }
  std::printf("%s\n%s", engine::simulator::StageTable(reports).c_str(),
              engine::simulator::FrictionTable(reports).c_str());
  return 0;
}
