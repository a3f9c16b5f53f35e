#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "forecast/table.hpp"

namespace buyalign::forecast {

// The 0/1 labels of `target` in `table`: 1 where the trimmed cell equals `positive`, else 0.
//
// Fails with kInvalidArgument, naming the column: the column does not exist; a cell is missing
// (naming its line); the column holds a third value (naming the values and the line: a win model
// learns one outcome against the other, and folding "open" or "no decision" into losses would be
// a silent guess); `positive` never occurs (listing the values that do); or every row has the
// same class, which leaves nothing to learn.
core::Result<std::vector<float>> BinaryLabels(const Table& table, std::string_view target,
                                              std::string_view positive);

}  // namespace buyalign::forecast
