#include "engine/simulator/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

#include "engine/simulator/baseline_tracks.hpp"

namespace buyalign::engine::simulator {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kCheckpointDays = 14;

using FrictionKey = std::tuple<FrictionKind, std::string, std::string>;

std::set<FrictionKey> Keys(const std::vector<Friction>& frictions) {
  std::set<FrictionKey> out;
  for (const Friction& f : frictions) out.emplace(f.kind, f.contact_id, f.activity_id);
  return out;
}

void Score(const std::set<FrictionKey>& predicted, const std::set<FrictionKey>& truth,
           std::array<FrictionScore, kFrictionKindNames.size()>& scores) {
  for (const FrictionKey& k : predicted) {
    FrictionScore& s = scores[static_cast<size_t>(std::get<0>(k))];
    (truth.count(k) ? s.true_positives : s.false_positives) += 1;
  }
  for (const FrictionKey& k : truth) {
    if (!predicted.count(k)) scores[static_cast<size_t>(std::get<0>(k))].false_negatives += 1;
  }
}

std::string Fixed(double v, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

}  // namespace

double FrictionScore::Precision() const {
  const int64_t fired = true_positives + false_positives;
  return fired == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(fired);
}

double FrictionScore::Recall() const {
  const int64_t real = true_positives + false_negatives;
  return real == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(real);
}

EvaluationReport Evaluate(const SimulationSettings& settings, const ReadinessEngine& engine) {
  const methodology::Methodology& m = engine.methodology();
  const int n = m.stage_count();
  EvaluationReport report;
  report.settings = settings;
  std::array<int64_t, 3> exact{};
  std::array<int64_t, 3> within{};
  double engine_log = 0;
  int64_t cases = 0;

  for (const SimulatedOpportunity& sim : Simulate(settings, m)) {
    const OpportunityInput& input = sim.input;
    const int64_t close_end =
        input.expected_close ? (core::ToUnixDays(*input.expected_close) + 1) * kDay : 0;
    for (int64_t t = sim.start + kCheckpointDays * kDay; t <= sim.end;
         t += kCheckpointDays * kDay) {
      const core::Timestamp as_of = core::FromUnixSeconds(t);
      std::array<std::vector<MemberTrack>, 3> tracks{
          *engine.Tracks(input, as_of), BaselineTracks(Baseline::kLatestSignal, input, engine, t),
          BaselineTracks(Baseline::kLatestAssessment, input, engine, t)};
      for (size_t i = 0; i < input.members.size(); ++i) {
        if (tracks[1][i].LastAt(t) == nullptr) continue;  // nothing heard from the member yet
        const int truth = sim.TrueStage(i, t);
        ++cases;
        for (size_t method = 0; method < 3; ++method) {
          const StageVector p = tracks[method][i].At(t);
          const int guess = MostLikely(p, n);
          exact[method] += guess == truth;
          within[method] += std::abs(guess - truth) <= 1;
          if (method == 0) engine_log += std::log(std::max(p[static_cast<size_t>(truth)], 1e-12));
        }
      }
      // Frictions: every method through the same rules, against the rules on the ground truth.
      std::set<FrictionKey> truth_keys =
          Keys(engine.Summarize(input, TruthTracks(sim, engine, t), as_of).frictions);
      std::erase_if(truth_keys, [](const FrictionKey& k) {
        return std::get<0>(k) == FrictionKind::kCloseDateUnrealistic;
      });
      const bool misses_close = input.expected_close &&
                                (!sim.purchase_reached || *sim.purchase_reached >= close_end) &&
                                !(sim.purchase_reached && *sim.purchase_reached <= t);
      if (misses_close) truth_keys.emplace(FrictionKind::kCloseDateUnrealistic, "", "");
      for (size_t method = 0; method < 3; ++method) {
        Score(Keys(engine.Summarize(input, tracks[method], as_of).frictions), truth_keys,
              report.methods[method].frictions);
      }
    }
  }
  for (size_t method = 0; method < 3; ++method) {
    StageScore& s = report.methods[method].stage;
    s.cases = cases;
    if (cases == 0) continue;
    s.exact = static_cast<double>(exact[method]) / static_cast<double>(cases);
    s.within_one = static_cast<double>(within[method]) / static_cast<double>(cases);
    if (method == 0) {
      s.log_score = engine_log / static_cast<double>(cases);
    } else {
      // Calibrated point forecast: probability `exact` on the guess, the rest spread evenly.
      const double a = std::clamp(s.exact, 1e-6, 1 - 1e-6);
      s.log_score = a * std::log(a) + (1 - a) * std::log((1 - a) / (n - 1));
    }
  }
  return report;
}

std::string StageTable(const std::vector<EvaluationReport>& reports) {
  std::string out =
      "| scenario | method | cases | exact stage | within one stage | mean log score |\n"
      "|---|---|---:|---:|---:|---:|\n";
  for (const EvaluationReport& r : reports) {
    for (size_t method = 0; method < 3; ++method) {
      const StageScore& s = r.methods[method].stage;
      out += "| " + r.settings.name + " | " + std::string(kMethodNames[method]) + " | " +
             std::to_string(s.cases) + " | " + Fixed(s.exact, 3) + " | " + Fixed(s.within_one, 3) +
             " | " + Fixed(s.log_score, 3) + " |\n";
    }
  }
  return out;
}

std::string FrictionTable(const std::vector<EvaluationReport>& reports) {
  std::string out = "| friction | true cases |";
  for (std::string_view method : kMethodNames) out += " " + std::string(method) + " P / R |";
  out += "\n|---|---:|---:|---:|---:|\n";
  for (size_t kind = 0; kind < kFrictionKindNames.size(); ++kind) {
    std::array<FrictionScore, 3> sum{};
    for (const EvaluationReport& r : reports) {
      for (size_t method = 0; method < 3; ++method) {
        const FrictionScore& s = r.methods[method].frictions[kind];
        sum[method].true_positives += s.true_positives;
        sum[method].false_positives += s.false_positives;
        sum[method].false_negatives += s.false_negatives;
      }
    }
    out += "| " + std::string(kFrictionKindNames[kind]) + " | " +
           std::to_string(sum[0].true_positives + sum[0].false_negatives) + " |";
    for (const FrictionScore& s : sum) {
      out += " " + Fixed(s.Precision(), 2) + " / " + Fixed(s.Recall(), 2) + " |";
    }
    out += "\n";
  }
  return out;
}

}  // namespace buyalign::engine::simulator
