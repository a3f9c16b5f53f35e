#include "demo/rng.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace buyalign::demo {
namespace {

TEST(Rng, SameSeedSameSequence) {
  Rng a(42), b(42), c(43);
  std::vector<uint64_t> xs, ys, zs;
  for (int i = 0; i < 100; ++i) {
    xs.push_back(a.Next());
    ys.push_back(b.Next());
    zs.push_back(c.Next());
  }
  EXPECT_EQ(xs, ys);
  EXPECT_NE(xs, zs);
}

TEST(Rng, KnownFirstValuesPinThePortableSequence) {
  // SplitMix64's published reference output for seed 0; a change here reshuffles every demo.
  Rng rng(0);
  EXPECT_EQ(rng.Next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(rng.Next(), 0x6E789E6AA1B965F4ULL);
}

TEST(Rng, BetweenStaysInRangeAndReachesBothEnds) {
  Rng rng(7);
  bool lo = false, hi = false;
  for (int i = 0; i < 2000; ++i) {
    const int64_t x = rng.Between(-3, 3);
    ASSERT_GE(x, -3);
    ASSERT_LE(x, 3);
    lo = lo || x == -3;
    hi = hi || x == 3;
  }
  EXPECT_TRUE(lo && hi);
  EXPECT_EQ(rng.Between(5, 5), 5);
  EXPECT_EQ(rng.Between(5, 2), 5);
}

TEST(Rng, WeightedNeverPicksAZeroWeight) {
  Rng rng(9);
  const double weights[] = {0, 1, 0, 3};
  int counts[4] = {};
  for (int i = 0; i < 4000; ++i) ++counts[rng.Weighted(weights)];
  EXPECT_EQ(counts[0], 0);
  EXPECT_EQ(counts[2], 0);
  EXPECT_GT(counts[3], 2 * counts[1]);
}

TEST(Rng, ForkDoesNotAdvanceTheParent) {
  Rng a(5), b(5);
  Rng child = a.Fork(1);
  EXPECT_EQ(a.Next(), b.Next());
  EXPECT_NE(child.Next(), a.Fork(2).Next());
}

}  // namespace
}  // namespace buyalign::demo
