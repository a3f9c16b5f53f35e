#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/records.hpp"
#include "engine/evidence.hpp"
#include "engine/likelihood_table.hpp"
#include "engine/stage_vector.hpp"
#include "engine/transition_model.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::engine {

// What the filter knows about one DMU member: the stage distribution right after the latest
// evidence (not yet propagated to "now"), when that was, and how much evidence went in. Small on
// purpose (80 bytes): the API keeps one per member in memory and updates it as signals arrive.
struct MemberState {
  static constexpr int64_t kNever = std::numeric_limits<int64_t>::min();

  std::array<float, methodology::kMaxStages> p{};  // posterior at `at`, sums to 1 up to rounding
  int64_t at = kNever;                             // Unix seconds of the latest evidence
  uint32_t evidence_count = 0;

  bool empty() const { return evidence_count == 0; }
};

enum class UpdateOutcome {
  kApplied,
  // The evidence is older than the state's latest evidence: the state is unchanged and the
  // caller must Recompute from the member's time-ordered evidence.
  kNeedsRecompute,
};

// Bayesian filtering of one member's stage: a hidden Markov model in continuous time. Between two
// pieces of evidence the distribution drifts by the TransitionModel; each piece multiplies in its
// tempered likelihood (LikelihoodTable) and the result is renormalised. A member first seen starts
// from the methodology's prior. Update is O(n^2) with no allocation; Recompute is a fold of Update,
// so incremental updates and a full recompute give bit-identical states.
//
// Immutable after construction; safe to share across threads (MemberStates are the caller's).
class ReadinessFilter {
 public:
  explicit ReadinessFilter(const methodology::Methodology& methodology);

  const methodology::Methodology& methodology() const { return methodology_; }
  const TransitionModel& transitions() const { return transitions_; }
  int stage_count() const { return n_; }
  // The distribution of a member nobody has seen yet.
  const StageVector& prior() const { return prior_; }

  // Turns a signal record into evidence. `content_stages` are the stage ids of the signal's
  // content item (content signals only; null or empty means untagged). Fails with
  // kInvalidArgument naming the field (kind, stage) when the methodology does not know it.
  core::Result<Evidence> Resolve(const domain::Signal& signal,
                                 const std::vector<std::string>* content_stages = nullptr) const;

  // Folds `e` into `state`. Evidence at the same second as the latest is applied in call order.
  UpdateOutcome Update(MemberState& state, const Evidence& e) const;

  // The member's distribution at `as_of`: the state propagated from its latest evidence, or the
  // prior when the state is empty. An `as_of` before the latest evidence is treated as equal to it
  // (evaluating the past needs Recompute with `as_of`).
  StageVector Predict(const MemberState& state, int64_t as_of) const;

  // The state after folding every evidence with `at <= as_of` from `evidence`, which must be in
  // time order (ties in the order they should be applied).
  MemberState Recompute(std::span<const Evidence> evidence,
                        int64_t as_of = std::numeric_limits<int64_t>::max()) const;

  // The state's posterior as doubles (unnormalised floats widened), for snapshots.
  StageVector Posterior(const MemberState& state) const;

 private:
  const methodology::Methodology& methodology_;
  int n_;
  TransitionModel transitions_;
  LikelihoodTable likelihoods_;
  StageVector prior_{};
  std::vector<bool> backward_kind_;  // per signal kind
  double backward_share_;
};

}  // namespace buyalign::engine
