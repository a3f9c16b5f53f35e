#include "engine/member_track.hpp"

#include <algorithm>

namespace buyalign::engine {

const MemberTrack::Snapshot* MemberTrack::LastAt(int64_t t) const {
  auto it = std::upper_bound(snapshots_.begin(), snapshots_.end(), t,
                             [](int64_t time, const Snapshot& s) { return time < s.at; });
  if (it == snapshots_.begin()) return nullptr;
  return &*(it - 1);
}

StageVector MemberTrack::At(int64_t t) const {
  const Snapshot* last = LastAt(t);
  if (last == nullptr) return prior_;
  StageVector p = transitions_ != nullptr
                      ? transitions_->Propagate(last->p, TransitionModel::DaysBetween(last->at, t))
                      : last->p;
  Normalize(p, n_);
  return p;
}

}  // namespace buyalign::engine
