#include "engine/readiness_engine.hpp"

#include <algorithm>
#include <numeric>

#include "engine/dmu_summary.hpp"
#include "engine/frictions.hpp"

namespace buyalign::engine {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kMomentumDays = 30;

// Indices of the signals at or before `as_of`, in time order (ties in input order).
std::vector<size_t> SignalsInOrder(const OpportunityInput& input, int64_t as_of) {
  std::vector<size_t> order;
  for (size_t i = 0; i < input.signals.size(); ++i) {
    if (core::ToUnixSeconds(input.signals[i].at) <= as_of) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return input.signals[a].at < input.signals[b].at; });
  return order;
}

}  // namespace

ReadinessEngine::ReadinessEngine(const methodology::Methodology& methodology)
    : filter_(methodology) {}

core::Result<std::vector<MemberTrack>> ReadinessEngine::Tracks(const OpportunityInput& input,
                                                               core::Timestamp as_of) const {
  const int64_t cutoff = core::ToUnixSeconds(as_of);
  std::vector<MemberTrack> tracks;
  std::vector<MemberState> states(input.members.size());
  for (size_t m = 0; m < input.members.size(); ++m) {
    tracks.emplace_back(filter_.stage_count(), &filter_.transitions(), filter_.prior());
  }
  for (size_t i : SignalsInOrder(input, cutoff)) {
    const domain::Signal& signal = input.signals[i];
    auto member =
        std::find_if(input.members.begin(), input.members.end(),
                     [&](const MemberInput& m) { return m.contact_id == signal.contact_id; });
    if (member == input.members.end()) continue;
    const std::vector<std::string>* tags = nullptr;
    if (auto it = input.content_stages.find(signal.content_id); it != input.content_stages.end()) {
      tags = &it->second;
    }
    core::Result<Evidence> evidence = filter_.Resolve(signal, tags);
    if (!evidence) {
      core::Error error = evidence.error();
      error.field = "signals[" + std::to_string(i) + "]." + error.field;
      return core::Fail(std::move(error));
    }
    const size_t m = static_cast<size_t>(member - input.members.begin());
    filter_.Update(states[m], *evidence);  // in time order, so always applied
    tracks[m].Add(evidence->at, filter_.Posterior(states[m]), static_cast<int32_t>(i));
  }
  return tracks;
}

core::Result<OpportunityReadiness> ReadinessEngine::Analyze(const OpportunityInput& input,
                                                            core::Timestamp as_of) const {
  core::Result<std::vector<MemberTrack>> tracks = Tracks(input, as_of);
  if (!tracks) return core::Fail(std::move(tracks.error()));
  return Summarize(input, *tracks, as_of);
}

OpportunityReadiness ReadinessEngine::Summarize(const OpportunityInput& input,
                                                const std::vector<MemberTrack>& tracks,
                                                core::Timestamp as_of) const {
  const methodology::Methodology& m = methodology();
  const int n = m.stage_count();
  const int64_t now = core::ToUnixSeconds(as_of);

  std::vector<MemberView> views;
  for (size_t i = 0; i < input.members.size(); ++i) {
    MemberView v;
    v.input = &input.members[i];
    v.track = &tracks[i];
    v.now = tracks[i].At(now);
    v.position = ExpectedPosition(v.now, n);
    v.stage = MostLikely(v.now, n);
    for (const domain::Signal& s : input.signals) {
      const int64_t at = core::ToUnixSeconds(s.at);
      if (s.contact_id == v.input->contact_id && at <= now) {
        v.last_evidence = std::max(v.last_evidence.value_or(at), at);
      }
    }
    views.push_back(v);
  }
  const DmuSummary dmu = SummarizeDmu(views, m);

  OpportunityReadiness out;
  out.opportunity_id = input.opportunity_id;
  out.as_of = as_of;
  if (!views.empty()) {
    out.readiness = {m.stages()[static_cast<size_t>(dmu.stage)], dmu.confidence};
    out.alignment.score = dmu.alignment;
    out.alignment.leader = views[static_cast<size_t>(dmu.leader)].input->contact_id;
    for (int i : dmu.laggards) {
      out.alignment.laggards.push_back(views[static_cast<size_t>(i)].input->contact_id);
    }
  }
  for (size_t i = 0; i < views.size(); ++i) {
    const MemberView& v = views[i];
    MemberReadiness r;
    r.contact_id = v.input->contact_id;
    r.name = v.input->name;
    r.role = v.input->role;
    r.influence = v.input->influence;
    r.stance = v.input->stance;
    r.stage = m.stages()[static_cast<size_t>(v.stage)];
    r.confidence = v.now[static_cast<size_t>(v.stage)];
    for (int s = 0; s < n; ++s) {
      r.distribution.push_back({m.stages()[static_cast<size_t>(s)], v.now[static_cast<size_t>(s)]});
    }
    if (v.last_evidence) r.last_evidence_at = core::FromUnixSeconds(*v.last_evidence);
    r.position = v.position;
    r.momentum = v.position - ExpectedPosition(tracks[i].At(now - kMomentumDays * kDay), n);
    out.members.push_back(std::move(r));
  }
  out.frictions = DetectFrictions({m, input, now, views, dmu});
  return out;
}

}  // namespace buyalign::engine
