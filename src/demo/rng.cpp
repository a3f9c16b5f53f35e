#include "demo/rng.hpp"

namespace buyalign::demo {
namespace {

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t Rng::Next() {
  state_ += kGolden;
  return Mix(state_);
}

int64_t Rng::Between(int64_t lo, int64_t hi) {
  if (hi <= lo) return lo;
  const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;  // 0 means the full 2^64 range
  if (span == 0) return static_cast<int64_t>(Next());
  // Reject the top sliver of the 64-bit range that would favour small remainders.
  const uint64_t limit = UINT64_MAX - (UINT64_MAX % span + 1) % span;
  uint64_t x = Next();
  while (x > limit) x = Next();
  return lo + static_cast<int64_t>(x % span);
}

double Rng::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

size_t Rng::Weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  if (total <= 0) return 0;
  double x = Unit() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;  // rounding left x just above the last weight
}

Rng Rng::Fork(uint64_t salt) const { return Rng(Mix(state_ ^ Mix(salt + kGolden))); }

}  // namespace buyalign::demo
