#include "engine/simulator/journey_simulator.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "engine/dmu_summary.hpp"

namespace buyalign::engine::simulator {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kEpoch = 1767225600;  // 2026-01-01

using Rng = std::mt19937_64;

double Uniform(Rng& rng, double a = 0, double b = 1) {
  return std::uniform_real_distribution<double>(a, b)(rng);
}
int UniformInt(Rng& rng, int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); }
bool Chance(Rng& rng, double p) { return Uniform(rng) < p; }
double Exponential(Rng& rng, double mean) {
  return std::exponential_distribution<double>(1.0 / mean)(rng);
}

template <class T>
const T& Pick(Rng& rng, const std::vector<T>& items) {
  return items[static_cast<size_t>(UniformInt(rng, 0, static_cast<int>(items.size()) - 1))];
}

double NoiseFactor(domain::SignalSource source) {
  switch (source) {
    case domain::SignalSource::kMeeting:
      return 0.5;
    case domain::SignalSource::kWeb:
    case domain::SignalSource::kContent:
      return 1.5;
    default:
      return 1.0;
  }
}

// What the methodology offers the simulation, indexed by stage.
struct Library {
  std::vector<std::vector<int>> kinds_at;  // stage-model signal kinds pointing (also) at a stage
  std::vector<int> stage_kinds;            // every stage-model kind that is not a backward one
  int assessment_kind = -1;
  int content_kind = -1;
  std::vector<int> backward_kinds;
  std::vector<std::vector<int>> activities_at;  // activity kinds fitting a stage

  explicit Library(const methodology::Methodology& m) {
    const size_t n = static_cast<size_t>(m.stage_count());
    kinds_at.resize(n);
    activities_at.resize(n);
    for (size_t k = 0; k < m.signals().size(); ++k) {
      const methodology::SignalDefinition& s = m.signals()[k];
      const int kind = static_cast<int>(k);
      if (s.model == methodology::SignalModel::kAssessment) assessment_kind = kind;
      if (s.model == methodology::SignalModel::kContent) content_kind = kind;
      if (s.model != methodology::SignalModel::kStage) continue;
      if (s.backward) {
        backward_kinds.push_back(kind);
        continue;
      }
      stage_kinds.push_back(kind);
      kinds_at[static_cast<size_t>(s.main_stage)].push_back(kind);
      for (int also : s.also_stages) kinds_at[static_cast<size_t>(also)].push_back(kind);
    }
    for (size_t a = 0; a < m.activities().size(); ++a) {
      for (int s : m.activities()[a].fits) {
        activities_at[static_cast<size_t>(s)].push_back(static_cast<int>(a));
      }
    }
  }
};

// One member's true journey: semi-Markov with gamma dwell times and occasional jumps back.
std::vector<std::pair<int64_t, int>> Journey(Rng& rng, const SimulationSettings& st, int n,
                                             int start_stage, int64_t start, int64_t end,
                                             double pace) {
  std::vector<std::pair<int64_t, int>> path{{start, start_stage}};
  double t = static_cast<double>(start);
  int stage = start_stage;
  while (t < static_cast<double>(end) && stage < n - 1) {
    const double factor = stage == 0 ? 1.5 : (stage == n - 2 ? 0.5 : 1.0);
    const double mean = st.mean_dwell_days * pace * factor;
    const double dwell = std::gamma_distribution<double>(2.0, mean / 2.0)(rng);
    const double back =
        st.backward_per_year > 0 ? Exponential(rng, 365.0 / st.backward_per_year) : 1e18;
    if (back < dwell && stage > 0) {
      t += back * kDay;
      const double u = Uniform(rng);
      stage = std::max(0, stage - (u < 0.6 ? 1 : u < 0.9 ? 2 : 3));
    } else {
      t += dwell * kDay;
      ++stage;
    }
    if (t < static_cast<double>(end)) path.emplace_back(static_cast<int64_t>(t), stage);
  }
  return path;
}

int StageAt(const std::vector<std::pair<int64_t, int>>& path, int64_t t) {
  int stage = path.front().second;
  for (const auto& [at, s] : path) {
    if (at > t) break;
    stage = s;
  }
  return stage;
}

}  // namespace

int SimulatedOpportunity::TrueStage(size_t member, int64_t t) const {
  return StageAt(truth[member], t);
}

std::vector<SimulatedOpportunity> Simulate(const SimulationSettings& st,
                                           const methodology::Methodology& m) {
  const int n = m.stage_count();
  const Library lib(m);
  Rng rng(st.seed);
  const std::vector<domain::DmuRole> other_roles{
      domain::DmuRole::kEvaluator, domain::DmuRole::kTechnicalBuyer, domain::DmuRole::kBusinessUser,
      domain::DmuRole::kChampion,  domain::DmuRole::kProcurement,    domain::DmuRole::kInfluencer,
      domain::DmuRole::kLegal};
  const std::vector<std::string> names{"Marie",  "Tom",   "Ines", "Jan", "Sofie",
                                       "Pieter", "Lotte", "Bram", "Eva", "Koen"};
  std::vector<SimulatedOpportunity> out;
  for (int o = 0; o < st.opportunities; ++o) {
    SimulatedOpportunity sim;
    OpportunityInput& in = sim.input;
    const std::string oid = "o" + std::to_string(o);
    in.opportunity_id = oid;
    sim.start = kEpoch + static_cast<int64_t>(o) * 2 * kDay;
    sim.end = sim.start + static_cast<int64_t>(st.max_days) * kDay;

    // The DMU and where each member starts.
    const int members = UniformInt(rng, 2, 5);
    const int lead_stage = UniformInt(rng, 1, std::min(4, n - 2));
    for (int i = 0; i < members; ++i) {
      MemberInput member;
      member.contact_id = oid + "-c" + std::to_string(i);
      member.name = names[static_cast<size_t>((o + i) % static_cast<int>(names.size()))];
      if (i == 0) {
        member.role =
            Chance(rng, 0.85) ? domain::DmuRole::kEconomicBuyer : domain::DmuRole::kDecisionMaker;
        member.influence = Uniform(rng, 0.7, 1.0);
      } else {
        member.role = Pick(rng, other_roles);
        member.influence = Uniform(rng, 0.2, 0.8);
      }
      const double u = Uniform(rng);
      member.stance = u < 0.15   ? domain::Stance::kChampion
                      : u < 0.45 ? domain::Stance::kSupporter
                      : u < 0.8  ? domain::Stance::kNeutral
                      : u < 0.92 ? domain::Stance::kSkeptic
                                 : domain::Stance::kBlocker;
      in.members.push_back(member);
      const int start_stage = std::max(0, lead_stage - UniformInt(rng, 0, 2));
      const double pace = std::exp(std::normal_distribution<double>(0, st.pace_spread)(rng));
      sim.truth.push_back(Journey(rng, st, n, start_stage, sim.start, sim.end, pace));
    }
    in.account_contact_count = members + UniformInt(rng, 0, 4);

    // Buyer signals, rep assessments and content engagement.
    std::map<uint32_t, std::string> content_ids;
    int signal_id = 0;
    const auto emit = [&](size_t member, int kind, int64_t at, domain::SignalSource source) {
      domain::Signal s;
      s.id = oid + "-s" + std::to_string(signal_id++);
      s.opportunity_id = oid;
      s.contact_id = in.members[member].contact_id;
      s.kind = m.signal_kinds()[static_cast<size_t>(kind)];
      s.at = core::FromUnixSeconds(at);
      s.source = source;
      in.signals.push_back(std::move(s));
      return &in.signals.back();
    };
    for (size_t i = 0; i < in.members.size(); ++i) {
      const auto& path = sim.truth[i];
      const bool quiet = Chance(rng, st.quiet_share);
      const double mean_gap = 7.0 / (st.signals_per_week * (quiet ? 0.15 : 1.0));
      for (double t = sim.start + Exponential(rng, mean_gap) * kDay; t < sim.end;
           t += Exponential(rng, mean_gap) * kDay) {
        const int64_t at = static_cast<int64_t>(t);
        const int truth = StageAt(path, at);
        if (lib.content_kind >= 0 && Chance(rng, st.content_share)) {
          const bool noisy = Chance(rng, st.noise * NoiseFactor(domain::SignalSource::kContent));
          int tagged = noisy ? (truth + UniformInt(rng, 2, n - 2)) % n : truth;
          uint32_t tags = 1u << tagged;
          if (Chance(rng, 0.5)) tags |= 1u << std::min(n - 1, tagged + 1);
          auto [it, inserted] = content_ids.emplace(tags, oid + "-k" + std::to_string(tags));
          if (inserted) {
            for (int s = 0; s < n; ++s) {
              if (tags & (1u << s))
                in.content_stages[it->second].push_back(m.stages()[static_cast<size_t>(s)]);
            }
          }
          emit(i, lib.content_kind, at, domain::SignalSource::kContent)->content_id = it->second;
          continue;
        }
        const std::vector<int>& right = lib.kinds_at[static_cast<size_t>(truth)];
        if (right.empty()) continue;
        const int kind = Pick(rng, right);
        const domain::SignalSource source = m.signals()[static_cast<size_t>(kind)].source;
        int emitted = kind;
        if (Chance(rng, st.noise * NoiseFactor(source))) {
          do {
            emitted = Pick(rng, lib.stage_kinds);
          } while (m.signals()[static_cast<size_t>(emitted)].main_stage == truth);
        }
        emit(i, emitted, at, source);
      }
      // A backward move is often voiced: a new requirement or a reopened evaluation.
      for (size_t k = 1; k < path.size(); ++k) {
        if (path[k].second >= path[k - 1].second || lib.backward_kinds.empty()) continue;
        if (!Chance(rng, 0.7)) continue;
        const int64_t at = path[k].first + static_cast<int64_t>(Uniform(rng, 0, 2) * kDay);
        if (at >= sim.end) continue;
        int best = lib.backward_kinds.front();
        for (int kind : lib.backward_kinds) {
          if (std::abs(m.signals()[static_cast<size_t>(kind)].main_stage - path[k].second) <
              std::abs(m.signals()[static_cast<size_t>(best)].main_stage - path[k].second)) {
            best = kind;
          }
        }
        emit(i, best, at, m.signals()[static_cast<size_t>(best)].source);
      }
      // The rep assesses the members that matter, optimistically.
      if (lib.assessment_kind >= 0 && in.members[i].influence >= 0.5) {
        for (double t = sim.start + Exponential(rng, st.assessment_every_days) * kDay; t < sim.end;
             t += Exponential(rng, st.assessment_every_days) * kDay) {
          const int64_t at = static_cast<int64_t>(t);
          const int truth = StageAt(path, at);
          const int bias = static_cast<int>(
              std::lround(std::normal_distribution<double>(st.optimism, 0.7)(rng)));
          const int assessed = std::clamp(truth + std::max(bias, -1), 0, n - 1);
          domain::Signal* s =
              emit(i, lib.assessment_kind, at, domain::SignalSource::kRepAssessment);
          s->stage = m.stages()[static_cast<size_t>(assessed)];
        }
      }
    }

    // The seller works from their own view: the latest assessment of the most influential member,
    // sometimes running one or two stages past it.
    int seller_view = lead_stage;
    int activity_id = 0;
    for (double t = sim.start + Exponential(rng, st.activity_every_days) * kDay; t < sim.end;
         t += Exponential(rng, st.activity_every_days) * kDay) {
      const int64_t at = static_cast<int64_t>(t);
      for (const domain::Signal& s : in.signals) {
        if (s.contact_id == in.members[0].contact_id && !s.stage.empty() &&
            core::ToUnixSeconds(s.at) <= at) {
          seller_view = std::max(seller_view, *m.StageIndex(s.stage));
        }
      }
      int aimed = seller_view;
      if (Chance(rng, st.seller_ahead_share))
        aimed = std::min(n - 1, aimed + UniformInt(rng, 1, 2));
      const std::vector<int>& kinds = lib.activities_at[static_cast<size_t>(aimed)];
      if (kinds.empty()) continue;
      std::vector<double> weights;
      for (const MemberInput& member : in.members) weights.push_back(member.influence);
      const size_t target = std::discrete_distribution<size_t>(weights.begin(), weights.end())(rng);
      domain::Activity a;
      a.id = oid + "-x" + std::to_string(activity_id++);
      a.opportunity_id = oid;
      a.contact_ids = {in.members[target].contact_id};
      a.kind = m.activity_kinds()[static_cast<size_t>(Pick(rng, kinds))];
      a.at = core::FromUnixSeconds(at);
      in.activities.push_back(std::move(a));
    }

    // The expected close: the seller's optimistic guess from the usual dwell times.
    double usual = 0;
    for (int s = lead_stage; s < m.purchase_stage(); ++s) usual += st.mean_dwell_days;
    in.expected_close = std::chrono::floor<std::chrono::days>(core::FromUnixSeconds(
        sim.start + static_cast<int64_t>(usual * Uniform(rng, 0.5, 1.3) * kDay)));

    // When the DMU as a whole (influence-weighted true position) reached the purchase stage.
    std::vector<int64_t> changes;
    for (const auto& path : sim.truth) {
      for (const auto& [at, s] : path) changes.push_back(at);
    }
    std::sort(changes.begin(), changes.end());
    std::vector<double> influences;
    for (const MemberInput& member : in.members) influences.push_back(member.influence);
    for (int64_t t : changes) {
      std::vector<double> positions;
      for (size_t i = 0; i < sim.truth.size(); ++i) positions.push_back(StageAt(sim.truth[i], t));
      const double p =
          *WeightedPosition(positions, influences, std::vector<bool>(positions.size(), true));
      if (std::lround(p) >= m.purchase_stage()) {
        sim.purchase_reached = t;
        break;
      }
    }
    out.push_back(std::move(sim));
  }
  return out;
}

std::vector<SimulationSettings> StandardScenarios(int opportunities) {
  std::vector<SimulationSettings> out;
  const auto add = [&](std::string name, uint64_t seed, auto change) {
    SimulationSettings s;
    s.name = std::move(name);
    s.seed = seed;
    s.opportunities = opportunities;
    change(s);
    out.push_back(s);
  };
  add("normal", 11, [](SimulationSettings&) {});
  add("fast pace", 12, [](SimulationSettings& s) {
    s.mean_dwell_days = 8;
    s.max_days = 120;
  });
  add("slow pace", 13, [](SimulationSettings& s) {
    s.mean_dwell_days = 45;
    s.max_days = 400;
  });
  add("low noise", 14, [](SimulationSettings& s) { s.noise = 0.05; });
  add("high noise", 15, [](SimulationSettings& s) { s.noise = 0.35; });
  add("quiet DMUs", 16, [](SimulationSettings& s) {
    s.quiet_share = 0.6;
    s.signals_per_week = 0.5;
  });
  add("very optimistic reps", 17, [](SimulationSettings& s) { s.optimism = 2.0; });
  add("honest reps", 18, [](SimulationSettings& s) { s.optimism = 0.0; });
  add("chatty buyers", 19, [](SimulationSettings& s) { s.signals_per_week = 3; });
  return out;
}

}  // namespace buyalign::engine::simulator
