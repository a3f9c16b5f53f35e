#pragma once

#include <cstdint>

#include "core/time.hpp"
#include "storage/store.hpp"

namespace buyalign::demo {

struct DemoOptions {
  uint64_t seed = 42;
  core::Date today;  // every record falls in the year before it; open deals close after it
};

// Builds the demo data set: the selling organisation (3 teams, 8 reps, 3 managers, an admin and
// a marketing user), a content library of 40 items, the four stories of the product
// (stories.hpp) and simulated filler deals (filler.hpp) with a year of signals, activities,
// content shares and won/lost outcomes, all for the default methodology.
//
// Deterministic: the same options give the same batch, record for record and field for field, on
// every platform. Every reference resolves within the batch. Each record's `line` is its
// position in the batch (1-based, in the order built).
storage::RecordBatch BuildDemo(const DemoOptions& options);

}  // namespace buyalign::demo
