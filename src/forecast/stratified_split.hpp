#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace buyalign::forecast {

// Seeded, stratified row splits: each part keeps the overall share of positives (within one
// row), so a small holdout or fold is not left without one class. Pure functions; `labels` is
// indexed by table row, `rows` are the table rows to split.

struct HoldoutSplit {
  std::vector<size_t> train;
  std::vector<size_t> holdout;
};
// Holds out round(share x count) rows of each class, at least one and never all of them (a
// class with a single row stays in training).
HoldoutSplit StratifiedHoldout(std::span<const float> labels, std::span<const size_t> rows,
                               double share, uint64_t seed);

// The fold (0..folds-1) of each of `rows`, classes dealt round-robin after a seeded shuffle.
std::vector<int> StratifiedFolds(std::span<const float> labels, std::span<const size_t> rows,
                                 int folds, uint64_t seed);

}  // namespace buyalign::forecast
