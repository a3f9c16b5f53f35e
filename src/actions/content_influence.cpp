#include "actions/content_influence.hpp"

#include <cmath>
#include <map>
#include <set>

#include "engine/stage_vector.hpp"

namespace buyalign::actions {
namespace {

constexpr int64_t kDay = 86400;

// The member's most likely stage at `t`, or -1 when nothing was known about them by then (the
// prior is a guess, not an observation).
int StageAt(const engine::MemberTrack& track, int64_t t) {
  if (track.LastAt(t) == nullptr) return -1;
  return engine::MostLikely(track.At(t), track.stage_count());
}

}  // namespace

ContentInfluence JudgeInfluence(std::string content_id, GroupCount engaged, GroupCount comparison,
                                const InfluenceParams& params) {
  ContentInfluence out;
  out.content_id = std::move(content_id);
  out.engaged = engaged;
  out.comparison = comparison;
  if (engaged.n < params.min_sample || comparison.n < params.min_sample) return out;
  const double n1 = engaged.n;
  const double n2 = comparison.n;
  const double rate = engaged.moved_forward / n1;
  const double baseline = comparison.moved_forward / n2;
  out.rate = rate;
  out.baseline_rate = baseline;
  out.lift = rate - baseline;
  const double pooled = (engaged.moved_forward + comparison.moved_forward) / (n1 + n2);
  const double se = std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // se is 0 only when everybody or nobody moved: the groups are then identical.
  const double z = se > 0 ? (rate - baseline) / se : 0;
  out.verdict = z >= params.min_z    ? InfluenceVerdict::kHelps
                : z <= -params.min_z ? InfluenceVerdict::kHurts
                                     : InfluenceVerdict::kNoEffect;
  return out;
}

core::Result<std::vector<ContentInfluence>> MeasureContentInfluence(
    const engine::ReadinessEngine& engine,
    const std::vector<engine::OpportunityInput>& opportunities,
    const std::vector<domain::ContentShare>& shares, const std::vector<domain::ContentItem>& items,
    core::Timestamp as_of, const InfluenceParams& params) {
  // Every member's track, filtered once up to as_of; a track read at t only uses evidence <= t.
  std::vector<std::vector<engine::MemberTrack>> tracks;
  // Every member's track by "<opportunity>\n<contact>".
  std::map<std::string, const engine::MemberTrack*> subjects;
  for (size_t o = 0; o < opportunities.size(); ++o) {
    core::Result<std::vector<engine::MemberTrack>> t = engine.Tracks(opportunities[o], as_of);
    if (!t) {
      core::Error error = std::move(t.error());
      error.field = "opportunities[" + opportunities[o].opportunity_id + "]." + error.field;
      return core::Fail(std::move(error));
    }
    tracks.push_back(std::move(*t));
  }
  for (size_t o = 0; o < opportunities.size(); ++o) {
    for (size_t m = 0; m < opportunities[o].members.size(); ++m) {
      std::string key =
          opportunities[o].opportunity_id + "\n" + opportunities[o].members[m].contact_id;
      subjects.emplace(std::move(key), &tracks[o][m]);
    }
  }
  const int64_t window = static_cast<int64_t>(params.window_days) * kDay;
  const int64_t last_start = core::ToUnixSeconds(as_of) - window;

  std::vector<ContentInfluence> out;
  for (const domain::ContentItem& item : items) {
    // The first engaged share per member: the moment of exposure.
    std::map<std::string, int64_t> exposed;
    for (const domain::ContentShare& s : shares) {
      if (s.content_id != item.id || !s.engaged) continue;
      const std::string key = s.opportunity_id + "\n" + s.contact_id;
      const int64_t at = core::ToUnixSeconds(s.at);
      auto [it, inserted] = exposed.emplace(key, at);
      if (!inserted) it->second = std::min(it->second, at);
    }
    GroupCount engaged;
    GroupCount comparison;
    std::set<std::string> compared;
    for (const auto& [key, at] : exposed) {
      auto subject = subjects.find(key);
      if (subject == subjects.end() || at > last_start) continue;
      const int before = StageAt(*subject->second, at);
      if (before < 0) continue;
      ++engaged.n;
      if (StageAt(*subject->second, at + window) > before) ++engaged.moved_forward;
      // Comparable: never engaged with the item, at the same stage at the same moment.
      for (const auto& [other_key, other] : subjects) {
        if (exposed.count(other_key) > 0 || compared.count(other_key) > 0) continue;
        if (StageAt(*other, at) != before) continue;
        compared.insert(other_key);
        ++comparison.n;
        if (StageAt(*other, at + window) > before) ++comparison.moved_forward;
      }
    }
    out.push_back(JudgeInfluence(item.id, engaged, comparison, params));
  }
  return out;
}

}  // namespace buyalign::actions
