#pragma once

#include <cstdint>

namespace buyalign::forecast {

// SplitMix64: expands one 64-bit seed into well-mixed words; used to seed Xoshiro256 streams so
// nearby seeds (0, 1, 2...) give unrelated streams.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// xoshiro256** (Blackman and Vigna): a fast generator with 256 bits of state, good enough for
// Monte Carlo and bootstrap work, and bit-for-bit reproducible on every platform (plain integer
// arithmetic, no std distributions). Not thread-safe: each thread owns its own generator.
class Xoshiro256 {
 public:
  explicit Xoshiro256(uint64_t seed) {
    for (uint64_t& word : s_) word = SplitMix64(seed);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // A uniform double in [0, 1) with 53 random bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // A uniform integer in [0, n), n > 0 (Lemire's multiply-shift; the bias is below 2^-32 for the
  // n we use, far under Monte Carlo noise).
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t s_[4];
};

}  // namespace buyalign::forecast
