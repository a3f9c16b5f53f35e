#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "forecast/table.hpp"

namespace buyalign::forecast {

// The 0/1 labels of `target` in `table`: 1 where the trimmed cell equals `positive`, else 0 (a
// target with three or more values is "positive versus the rest").
//
// Fails with kInvalidArgument, naming the column: the column does not exist; a cell is missing
// (naming its line); `positive` never occurs (listing a few values that do); or every row has the
// same class, which leaves nothing to learn.
core::Result<std::vector<float>> BinaryLabels(const Table& table, std::string_view target,
                                              std::string_view positive);

}  // namespace buyalign::forecast
