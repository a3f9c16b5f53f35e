#pragma once

#include <cstdint>
#include <vector>

#include "engine/stage_vector.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::engine {

// How a buyer's stage drifts between two pieces of evidence: a continuous-time Markov chain on the
// clock. From each stage a buyer moves forward at rate 1/dwell_days, after the last stage round to
// the cycle's restart stages; at rate 1/backward_every_days they move back 1..max_back_stages
// stages (each further stage half as likely). The transition matrix P(d) = exp(Q d) is precomputed
// for every whole day d up to the horizon, so propagating a distribution is one mat-vec.
//
// Immutable after construction; safe to share across threads.
class TransitionModel {
 public:
  explicit TransitionModel(const methodology::Methodology& methodology);

  int stage_count() const { return n_; }
  int horizon_days() const { return horizon_; }

  // Whole days from `from` to `to` (Unix seconds, to >= from), rounded to the nearest day.
  static int64_t DaysBetween(int64_t from, int64_t to) { return (to - from + 43200) / 86400; }

  // out = p * P(days): where a buyer with stage distribution `p` now is likely `days` later.
  // Days beyond the horizon take several steps. `out` may not alias `p`.
  void Propagate(const double* p, double* out, int64_t days) const;
  StageVector Propagate(const StageVector& p, int64_t days) const;

  // out = p * J: every buyer steps back 1..max_back_stages stages (each further stage half as
  // likely; from the first stage nobody moves). Used for signals that announce a backward move.
  void JumpBack(const double* p, double* out) const;

  // P(days)[from][to] for days <= horizon; for tests and documentation.
  double Probability(int64_t days, int from, int to) const;

  // The generator Q, row-major n x n (rows sum to 0).
  const std::vector<double>& generator() const { return generator_; }

 private:
  int n_;
  int horizon_;
  std::vector<double> generator_;
  std::vector<double> jump_back_;  // J transposed, n*n
  // P(d) transposed, for d = 0..horizon, each n*n, so a mat-vec reads contiguous memory.
  std::vector<double> transposed_;
};

}  // namespace buyalign::engine
