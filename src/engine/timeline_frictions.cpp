#include <algorithm>
#include <cmath>

#include "engine/friction_text.hpp"
#include "engine/frictions.hpp"

namespace buyalign::engine {
namespace {

constexpr int64_t kDay = 86400;

const std::string& StageId(const FrictionContext& c, int stage) {
  return c.methodology.stages()[static_cast<size_t>(stage)];
}

// Signed distance from `stage` to the nearest stage an activity fits: > 0 when the activity fits
// later stages (the seller is ahead), < 0 when it fits earlier ones, 0 inside. `fits` is sorted.
int FitGap(int stage, const std::vector<int>& fits) {
  int best = 0;
  bool found = false;
  for (int f : fits) {
    const int gap = f - stage;
    if (gap == 0) return 0;
    // The nearer fit wins; on a tie the later one, so a wrapped range reads as "ahead".
    if (!found || std::abs(gap) < std::abs(best) || (std::abs(gap) == std::abs(best) && gap > 0)) {
      best = gap;
      found = true;
    }
  }
  return best;
}

const MemberView* FindMember(const FrictionContext& c, const std::string& contact_id) {
  for (const MemberView& v : c.members) {
    if (v.input->contact_id == contact_id) return &v;
  }
  return nullptr;
}

}  // namespace

void DetectBackwardMoves(const FrictionContext& c, std::vector<Friction>& out) {
  const methodology::FrictionThresholds& f = c.methodology.frictions();
  const int n = c.methodology.stage_count();
  const int64_t since = c.as_of - static_cast<int64_t>(f.backward_window_days * kDay);
  for (const MemberView& v : c.members) {
    const std::vector<MemberTrack::Snapshot>& snaps = v.track->snapshots();
    for (size_t k = snaps.size(); k-- > 1;) {
      if (snaps[k].at > c.as_of) continue;
      if (snaps[k].at <= since) break;
      StageVector before = snaps[k - 1].p;
      StageVector after = snaps[k].p;
      Normalize(before, n);
      Normalize(after, n);
      const int from = MostLikely(before, n);
      const int to = MostLikely(after, n);
      // Leaving the last stage is going round the clock, not back.
      if (from == n - 1 || to > from - f.backward_min_stages) continue;
      double p_back = 0;
      for (int s = 0; s <= from - f.backward_min_stages; ++s)
        p_back += after[static_cast<size_t>(s)];
      if (p_back < 0.5) continue;
      std::string sentence = text::Who(*v.input) + " moved back from " + StageId(c, from) + " to " +
                             StageId(c, to) + " around " + text::Day(snaps[k].at);
      if (snaps[k].cause >= 0) {
        sentence += " (" + c.input.signals[static_cast<size_t>(snaps[k].cause)].kind + ")";
      }
      sentence += ": revisit what changed before moving on.";
      const double severity =
          (0.5 + 0.5 * v.input->influence) * std::min(1.0, (from - to) / 2.0) * p_back;
      out.push_back(
          {FrictionKind::kBackwardMove, v.input->contact_id, "", severity, std::move(sentence)});
      break;  // the latest move back is the one that matters now
    }
  }
}

void DetectSellerMismatch(const FrictionContext& c, std::vector<Friction>& out) {
  const methodology::FrictionThresholds& f = c.methodology.frictions();
  const int n = c.methodology.stage_count();
  for (const domain::Activity& a : c.input.activities) {
    const int64_t at = core::ToUnixSeconds(a.at);
    if (at > c.as_of) continue;
    const std::optional<int> kind = c.methodology.ActivityIndex(a.kind);
    if (!kind) continue;
    const methodology::ActivityDefinition& def =
        c.methodology.activities()[static_cast<size_t>(*kind)];
    if (def.fits_any || def.fits.empty()) continue;
    const double age_days = static_cast<double>(c.as_of - at) / kDay;
    for (const std::string& contact : a.contact_ids) {
      const MemberView* v = FindMember(c, contact);
      if (v == nullptr) continue;
      const StageVector p = v->track->At(at);
      double ahead = 0;
      double behind = 0;
      for (int s = 0; s < n; ++s) {
        const int gap = FitGap(s, def.fits);
        if (gap >= f.seller_ahead_min_stages) ahead += p[static_cast<size_t>(s)];
        if (-gap >= f.seller_behind_min_stages) behind += p[static_cast<size_t>(s)];
      }
      const int stage = MostLikely(p, n);
      const double weight = 0.5 + 0.5 * v->input->influence;
      if (ahead >= f.seller_ahead_min_probability && age_days <= f.seller_ahead_window_days) {
        out.push_back({FrictionKind::kSellerAhead, contact, a.id, ahead * weight,
                       text::Who(*v->input) + " was most likely still at " + StageId(c, stage) +
                           " (" + text::Percent(p[static_cast<size_t>(stage)]) + ") when you " +
                           text::ActivityPhrase(a.kind) + " on " + text::Day(at) + ", which fits " +
                           text::StageRange(c.methodology, def.fits) + "."});
      } else if (behind >= f.seller_behind_min_probability &&
                 age_days <= f.seller_behind_window_days) {
        out.push_back({FrictionKind::kSellerBehind, contact, a.id, behind * weight,
                       "You " + text::ActivityPhrase(a.kind) + " with " + text::Who(*v->input) +
                           " on " + text::Day(at) + " while they were most likely already at " +
                           StageId(c, stage) + " (" + text::Percent(p[static_cast<size_t>(stage)]) +
                           "): meet them where they are."});
      }
    }
  }
}

void DetectStalled(const FrictionContext& c, std::vector<Friction>& out) {
  if (c.input.status != domain::OpportunityStatus::kOpen || c.members.empty()) return;
  const int n = c.methodology.stage_count();
  // The DMU's evidence-backed position after every piece of evidence: each member's latest
  // snapshot, not carried forward, so a quiet DMU does not drift forward by assumption.
  std::vector<int64_t> times;
  for (const MemberView& v : c.members) {
    for (const MemberTrack::Snapshot& s : v.track->snapshots()) {
      if (s.at <= c.as_of) times.push_back(s.at);
    }
  }
  if (times.empty()) return;
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::vector<double> influences;
  for (const MemberView& v : c.members) influences.push_back(v.input->influence);
  int high = -1;
  int current = 0;
  int64_t since = times.front();
  for (int64_t t : times) {
    std::vector<double> positions(c.members.size(), 0.0);
    std::vector<bool> present(c.members.size(), false);
    for (size_t i = 0; i < c.members.size(); ++i) {
      if (const MemberTrack::Snapshot* s = c.members[i].track->LastAt(t)) {
        StageVector p = s->p;
        Normalize(p, n);
        positions[i] = MostLikely(p, n);
        present[i] = true;
      }
    }
    current = static_cast<int>(std::lround(*WeightedPosition(positions, influences, present)));
    if (current > high) {
      high = current;
      since = t;
    }
  }
  if (current >= c.methodology.purchase_stage()) return;
  const double usual = c.methodology.frictions().stalled_dwell_factor *
                       c.methodology.stage_definitions()[static_cast<size_t>(current)].dwell_days;
  const double days = static_cast<double>(c.as_of - since) / kDay;
  if (days <= usual) return;
  out.push_back(
      {FrictionKind::kStalled, "", "", std::min(1.0, days / (2 * usual)),
       "The buying group has not moved forward since " + text::Day(since) + " (" +
           std::to_string(static_cast<int>(days)) + " days around " + StageId(c, current) +
           ", where buyers usually spend about " +
           std::to_string(static_cast<int>(std::lround(
               c.methodology.stage_definitions()[static_cast<size_t>(current)].dwell_days))) +
           "): find out what holds them back."});
}

void DetectCloseDateUnrealistic(const FrictionContext& c, std::vector<Friction>& out) {
  if (c.input.status != domain::OpportunityStatus::kOpen || !c.input.expected_close ||
      c.members.empty()) {
    return;
  }
  const int purchase = c.methodology.purchase_stage();
  const int stage = c.dmu.stage;
  if (stage >= purchase) return;
  const auto& stages = c.methodology.stage_definitions();
  // Half the current stage is assumed done, then every stage up to the purchase.
  double needed = 0.5 * stages[static_cast<size_t>(stage)].dwell_days;
  for (int s = stage + 1; s < purchase; ++s) needed += stages[static_cast<size_t>(s)].dwell_days;
  const double left =
      static_cast<double>(core::ToUnixDays(*c.input.expected_close) * kDay - c.as_of) / kDay;
  if (left >= c.methodology.frictions().close_date_min_ratio * needed) return;
  const std::string close = text::Day(*c.input.expected_close);
  std::string sentence =
      left < 0 ? "The expected close date " + close +
                     " has passed while the buying group is still around " + StageId(c, stage) + "."
               : "The expected close date " + close + " leaves " +
                     std::to_string(static_cast<int>(left)) + " days, but a buying group at " +
                     StageId(c, stage) + " usually needs about " +
                     std::to_string(static_cast<int>(std::lround(needed))) + " days to reach " +
                     StageId(c, purchase) + ".";
  out.push_back({FrictionKind::kCloseDateUnrealistic, "", "",
                 std::clamp(1 - left / needed, 0.0, 1.0), std::move(sentence)});
}

}  // namespace buyalign::engine
