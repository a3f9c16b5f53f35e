#pragma once

#include <array>
#include <string>
#include <vector>

#include "engine/opportunity_readiness.hpp"
#include "engine/readiness_engine.hpp"
#include "engine/simulator/journey_simulator.hpp"

namespace buyalign::engine::simulator {

// The methods compared: the engine and the two baselines of baseline_tracks.hpp.
enum class Method { kEngine, kLatestSignal, kLatestAssessment };
inline constexpr std::array<std::string_view, 3> kMethodNames{"engine", "latest signal",
                                                              "latest assessment"};

struct StageScore {
  int64_t cases = 0;
  double exact = 0;       // share of cases where the most likely stage is the true one
  double within_one = 0;  // ... at most one stage off
  double log_score = 0;   // mean natural log of the probability given to the true stage
};

struct FrictionScore {
  int64_t true_positives = 0;
  int64_t false_positives = 0;
  int64_t false_negatives = 0;
  double Precision() const;
  double Recall() const;
};

struct MethodResult {
  StageScore stage;
  std::array<FrictionScore, kFrictionKindNames.size()> frictions{};
};

struct EvaluationReport {
  SimulationSettings settings;
  std::array<MethodResult, kMethodNames.size()> methods{};
};

// Simulates the scenario, then every 14 days of every journey evaluates each member that has at
// least one signal by then, with every method. Baselines predict one stage; for the log score they
// get the kindest calibration: their own measured exact accuracy on the predicted stage and the
// rest spread evenly. Frictions of all methods go through the same rules (ReadinessEngine::
// Summarize) and are matched on (kind, contact, activity) against the rules applied to the ground
// truth; close_date_unrealistic is matched against whether the DMU really reached the purchase
// stage by the expected close date.
EvaluationReport Evaluate(const SimulationSettings& settings, const ReadinessEngine& engine);

// A Markdown table of the stage scores of several reports, one row per scenario and method.
std::string StageTable(const std::vector<EvaluationReport>& reports);
// A Markdown table of friction precision / recall per kind and method, summed over the reports.
std::string FrictionTable(const std::vector<EvaluationReport>& reports);

}  // namespace buyalign::engine::simulator
