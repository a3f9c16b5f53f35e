#include <algorithm>
#include <cmath>
#include <set>

#include "core/enum_names.hpp"
#include "engine/friction_text.hpp"
#include "engine/frictions.hpp"

namespace buyalign::engine {
namespace {

constexpr int64_t kDay = 86400;

const std::string& StageId(const FrictionContext& c, int stage) {
  return c.methodology.stages()[static_cast<size_t>(stage)];
}

}  // namespace

void DetectMissingRoles(const FrictionContext& c, std::vector<Friction>& out) {
  for (domain::DmuRole role : c.methodology.frictions().required_roles) {
    const bool known = std::any_of(c.members.begin(), c.members.end(),
                                   [&](const MemberView& v) { return v.input->role == role; });
    if (known) continue;
    const double severity = 0.4 + 0.6 * c.Progress();
    std::string sentence = "No " + text::RoleName(role) + " is known in this deal";
    if (!c.members.empty())
      sentence += " while the buying group is around " + StageId(c, c.dmu.stage);
    sentence += ": find out who it is and involve them.";
    out.push_back({FrictionKind::kMissingRole, "", "", severity, std::move(sentence)});
  }
}

void DetectLaggingMembers(const FrictionContext& c, std::vector<Friction>& out) {
  const methodology::FrictionThresholds& f = c.methodology.frictions();
  for (int i : c.dmu.laggards) {
    const MemberView& v = c.members[static_cast<size_t>(i)];
    if (v.input->influence < f.lagging_min_influence) continue;
    const double rest = c.dmu.rest_position[static_cast<size_t>(i)];
    const double gap = rest - v.position;
    // Half the influence at the threshold gap, all of it two stages further behind.
    const double severity =
        v.input->influence * std::clamp(0.5 + 0.25 * (gap - f.lagging_min_stages), 0.5, 1.0);
    const int rest_stage =
        std::clamp(static_cast<int>(std::lround(rest)), 0, c.methodology.stage_count() - 1);
    out.push_back({FrictionKind::kLaggingMember, v.input->contact_id, "", severity,
                   text::Who(*v.input) + " is most likely still at " + StageId(c, v.stage) + " (" +
                       text::Percent(v.now[static_cast<size_t>(v.stage)]) +
                       ") while the rest of the buying group is around " + StageId(c, rest_stage) +
                       "."});
  }
}

void DetectHighInfluenceBlockers(const FrictionContext& c, std::vector<Friction>& out) {
  const double min_influence = c.methodology.frictions().blocker_min_influence;
  for (const MemberView& v : c.members) {
    const domain::Stance stance = v.input->stance;
    if (stance != domain::Stance::kBlocker && stance != domain::Stance::kSkeptic) continue;
    if (v.input->influence < min_influence) continue;
    const bool blocker = stance == domain::Stance::kBlocker;
    out.push_back({FrictionKind::kHighInfluenceBlocker, v.input->contact_id, "",
                   v.input->influence * (blocker ? 1.0 : 0.7),
                   text::Who(*v.input) + " is a " + (blocker ? "blocker" : "skeptic") +
                       ": learn what they need before pushing for a decision."});
  }
}

void DetectStaleMembers(const FrictionContext& c, std::vector<Friction>& out) {
  const methodology::FrictionThresholds& f = c.methodology.frictions();
  for (const MemberView& v : c.members) {
    if (v.input->influence < f.stale_min_influence) continue;
    if (!v.last_evidence) {
      out.push_back({FrictionKind::kStaleMember, v.input->contact_id, "", v.input->influence,
                     "Nothing has been heard from " + text::Who(*v.input) +
                         " yet: where they stand is a guess."});
      continue;
    }
    const double days = static_cast<double>(c.as_of - *v.last_evidence) / kDay;
    if (days <= f.stale_after_days) continue;
    out.push_back({FrictionKind::kStaleMember, v.input->contact_id, "",
                   v.input->influence * std::min(1.0, days / (2 * f.stale_after_days)),
                   "Nothing heard from " + text::Who(*v.input) + " since " +
                       text::Day(*v.last_evidence) + " (" + std::to_string(static_cast<int>(days)) +
                       " days): where they stand now is a guess."});
  }
}

void DetectSingleThreaded(const FrictionContext& c, std::vector<Friction>& out) {
  const double window = c.methodology.frictions().single_threaded_window_days * kDay;
  const auto recent = [&](core::Timestamp at) {
    const int64_t t = core::ToUnixSeconds(at);
    return t <= c.as_of && t > c.as_of - window;
  };
  std::set<std::string> engaged;
  for (const domain::Signal& s : c.input.signals) {
    if (recent(s.at)) engaged.insert(s.contact_id);
  }
  for (const domain::Activity& a : c.input.activities) {
    if (recent(a.at)) engaged.insert(a.contact_ids.begin(), a.contact_ids.end());
  }
  if (engaged.size() != 1) return;
  const std::string& contact = *engaged.begin();
  std::string who = contact;
  for (const MemberView& v : c.members) {
    if (v.input->contact_id == contact) who = text::Who(*v.input);
  }
  std::string sentence = "Only " + who + " has been engaged in the last " +
                         std::to_string(static_cast<int>(window / kDay)) + " days";
  if (c.input.account_contact_count && *c.input.account_contact_count > 1) {
    sentence += " although the account has " + std::to_string(*c.input.account_contact_count) +
                " known contacts";
  }
  sentence += ": the deal hangs on one person.";
  out.push_back(
      {FrictionKind::kSingleThreaded, contact, "", 0.4 + 0.6 * c.Progress(), std::move(sentence)});
}

}  // namespace buyalign::engine
