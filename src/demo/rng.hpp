#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace buyalign::demo {

// A small seeded pseudo-random generator (SplitMix64) with its own distribution code. The
// standard library's distributions are not specified bit for bit, so a demo built with them could
// differ between library versions; everything here is plain integer arithmetic and gives the same
// sequence everywhere. Not thread-safe: each builder owns its own Rng.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next();
  // A uniform integer in [lo, hi]; lo when hi < lo. Unbiased (rejection sampling).
  int64_t Between(int64_t lo, int64_t hi);
  // A uniform double in [0, 1) with 53 random bits.
  double Unit();
  bool Chance(double p) { return Unit() < p; }
  // An index drawn with the given non-negative weights; 0 when they sum to zero.
  size_t Weighted(std::span<const double> weights);

  template <class T>
  const T& Pick(std::span<const T> items) {
    return items[static_cast<size_t>(Between(0, static_cast<int64_t>(items.size()) - 1))];
  }
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return Pick(std::span<const T>(items));
  }

  // An independent stream for one part of the data set (one opportunity, say), derived from this
  // generator's state and `salt` without advancing it: adding records to one part then does not
  // reshuffle every other part.
  Rng Fork(uint64_t salt) const;

 private:
  uint64_t state_;
};

}  // namespace buyalign::demo
