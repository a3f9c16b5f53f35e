#include "forecast/stratified_split.hpp"

#include <algorithm>
#include <cmath>

#include "forecast/xoshiro.hpp"

namespace buyalign::forecast {
namespace {

// Positions into `rows` of each class, each list shuffled (Fisher-Yates with our own generator:
// std::shuffle's use of the generator is not specified, so it could differ between libraries).
std::vector<std::vector<size_t>> ShuffledClasses(std::span<const float> labels,
                                                 std::span<const size_t> rows, uint64_t seed) {
  std::vector<std::vector<size_t>> classes(2);
  for (size_t i = 0; i < rows.size(); ++i) classes[labels[rows[i]] > 0.5f ? 1 : 0].push_back(i);
  Xoshiro256 rng(seed);
  for (auto& members : classes) {
    for (size_t i = members.size(); i > 1; --i) std::swap(members[i - 1], members[rng.Below(i)]);
  }
  return classes;
}

}  // namespace

HoldoutSplit StratifiedHoldout(std::span<const float> labels, std::span<const size_t> rows,
                               double share, uint64_t seed) {
  HoldoutSplit split;
  std::vector<char> held(rows.size(), 0);
  for (const auto& members : ShuffledClasses(labels, rows, seed)) {
    if (members.size() < 2) continue;
    const auto wanted =
        static_cast<size_t>(std::llround(share * static_cast<double>(members.size())));
    const size_t count = std::clamp<size_t>(wanted, 1, members.size() - 1);
    for (size_t i = 0; i < count; ++i) held[members[i]] = 1;
  }
  for (size_t i = 0; i < rows.size(); ++i)
    (held[i] ? split.holdout : split.train).push_back(rows[i]);
  return split;
}

std::vector<int> StratifiedFolds(std::span<const float> labels, std::span<const size_t> rows,
                                 int folds, uint64_t seed) {
  std::vector<int> fold_of(rows.size(), 0);
  int next = 0;
  for (const auto& members : ShuffledClasses(labels, rows, seed)) {
    for (size_t position : members) {
      fold_of[position] = next;
      next = (next + 1) % folds;
    }
  }
  return fold_of;
}

}  // namespace buyalign::forecast
