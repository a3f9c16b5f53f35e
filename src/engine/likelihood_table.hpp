#pragma once

#include <vector>

#include "engine/evidence.hpp"
#include "engine/stage_vector.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::engine {

// P(evidence | stage) for every piece of evidence, tempered by the reliability r of its source:
// L'(s) = r L(s) + (1 - r) mean(L). Read: with probability r the signal reflects the buyer's stage,
// otherwise it is noise that any stage shows equally often, so an unreliable source moves the
// distribution less and no single signal can rule a stage out. Stage and assessment likelihoods are
// precomputed per (kind or assessed stage, source); content likelihoods are formed per evidence
// from the item's stage tags (the stage-wise maximum of one kernel per tag).
//
// Immutable after construction; safe to share across threads.
class LikelihoodTable {
 public:
  explicit LikelihoodTable(const methodology::Methodology& methodology);

  // The tempered likelihood of `e`. Returns a pointer into the table, or into `scratch` for
  // content evidence; a content signal without tags yields a flat likelihood.
  const double* For(const Evidence& e, StageVector& scratch) const;

 private:
  static constexpr size_t kSources = domain::kSignalSourceNames.size();
  const double* StageRow(size_t kind, size_t source) const {
    return &stage_rows_[(kind * kSources + source) * methodology::kMaxStages];
  }

  int n_;
  std::vector<methodology::SignalModel> models_;
  std::vector<double> reliability_;      // per source
  std::vector<double> stage_rows_;       // (kind, source) -> kMaxStages values
  std::vector<double> assessment_rows_;  // (assessed stage, source) -> kMaxStages values
  std::vector<double> content_kernels_;  // tagged stage -> kMaxStages values, untempered
};

}  // namespace buyalign::engine
