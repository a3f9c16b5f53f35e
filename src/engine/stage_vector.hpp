#pragma once

#include <array>

#include "methodology/methodology.hpp"

// A probability (or likelihood) per stage of the cycle. Only the first `n` entries of a
// StageVector are meaningful, n being the methodology's stage count; the rest stay 0.
namespace buyalign::engine {

using StageVector = std::array<double, methodology::kMaxStages>;

// Scales the first n entries to sum to 1; a vector with no mass becomes uniform.
void Normalize(StageVector& p, int n);

// The index of the largest entry (the first one on ties).
int MostLikely(const StageVector& p, int n);

// The mean stage index, reading the cycle as a line from its first stage to its last: within one
// deal a buyer travels from status_quo towards value_realized, so "ahead" and "behind" are linear.
double ExpectedPosition(const StageVector& p, int n);

// All mass on `stage`.
StageVector PointMass(int stage);

}  // namespace buyalign::engine
