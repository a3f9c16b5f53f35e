#pragma once

#include <cstdint>
#include <vector>

#include "forecast/table.hpp"

namespace buyalign::forecast {

// Closed deals drawn from a known model, for tests and benchmarks of the win-model builder.
// 20 columns: deal_id (unique), outcome ("won"/"lost"), x1..x8 and n1..n2 (numbers; x1 5%
// missing), region (5 levels), product (8), agent (`agents` levels), noise_level (10, no effect),
// created and expected_close (dates), champion and noise_flag (booleans), notes (free text).
// The true log-odds: 1.5 x (-0.3 + x1 - 0.8 x2 + 0.6 x3 x4 + 0.5 (x5^2 - 1) + region effect
// + agent effect (normal, sd 0.5) + 0.8 champion - 0.01 (close - created - 100 days)).
// Only x1..x5, region, agent, champion and the date gap matter.
struct SyntheticDeals {
  Table table;
  std::vector<double> true_probability;  // per row
};
SyntheticDeals MakeSyntheticDeals(size_t rows, uint64_t seed, size_t agents = 40);

}  // namespace buyalign::forecast
