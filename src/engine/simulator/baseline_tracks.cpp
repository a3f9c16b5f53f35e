#include "engine/simulator/baseline_tracks.hpp"

#include <algorithm>

namespace buyalign::engine::simulator {

std::optional<int> PointedStage(const domain::Signal& signal, const OpportunityInput& input,
                                const methodology::Methodology& m) {
  const std::optional<int> kind = m.SignalIndex(signal.kind);
  if (!kind) return std::nullopt;
  const methodology::SignalDefinition& def = m.signals()[static_cast<size_t>(*kind)];
  switch (def.model) {
    case methodology::SignalModel::kStage:
      return def.main_stage;
    case methodology::SignalModel::kAssessment:
      return m.StageIndex(signal.stage);
    case methodology::SignalModel::kContent:
      break;
  }
  auto it = input.content_stages.find(signal.content_id);
  if (it == input.content_stages.end()) return std::nullopt;
  std::optional<int> earliest;
  for (const std::string& id : it->second) {
    if (auto s = m.StageIndex(id)) earliest = std::min(earliest.value_or(*s), *s);
  }
  return earliest;
}

std::vector<MemberTrack> BaselineTracks(Baseline baseline, const OpportunityInput& input,
                                        const ReadinessEngine& engine, int64_t as_of) {
  const methodology::Methodology& m = engine.methodology();
  std::vector<size_t> order;
  for (size_t i = 0; i < input.signals.size(); ++i) {
    if (core::ToUnixSeconds(input.signals[i].at) <= as_of) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return input.signals[a].at < input.signals[b].at; });
  std::vector<MemberTrack> tracks;
  for (const MemberInput& member : input.members) {
    MemberTrack track(m.stage_count(), nullptr, engine.filter().prior());
    bool assessed = false;
    for (size_t i : order) {
      const domain::Signal& s = input.signals[i];
      if (s.contact_id != member.contact_id) continue;
      const std::optional<int> stage = PointedStage(s, input, m);
      if (!stage) continue;
      const bool is_assessment = !s.stage.empty();
      if (baseline == Baseline::kLatestAssessment) {
        // Once the rep has assessed the member, only their assessments count.
        if (assessed && !is_assessment) continue;
        assessed = assessed || is_assessment;
      }
      track.Add(core::ToUnixSeconds(s.at), PointMass(*stage), static_cast<int32_t>(i));
    }
    tracks.push_back(std::move(track));
  }
  return tracks;
}

std::vector<MemberTrack> TruthTracks(const SimulatedOpportunity& sim, const ReadinessEngine& engine,
                                     int64_t as_of) {
  std::vector<MemberTrack> tracks;
  for (const auto& path : sim.truth) {
    MemberTrack track(engine.methodology().stage_count(), nullptr, engine.filter().prior());
    for (const auto& [at, stage] : path) {
      if (at <= as_of) track.Add(at, PointMass(stage), -1);
    }
    tracks.push_back(std::move(track));
  }
  return tracks;
}

}  // namespace buyalign::engine::simulator
