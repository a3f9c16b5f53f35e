#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace buyalign::crm {

// Builds the error of a bad cell: "Opportunity.csv: line 14, column 5 (CloseDate): <message>".
// The message is complete on its own (commands print it as is); `line` and `field` (the column
// name) are also set for callers that want them apart. `column` is 1-based; 0 leaves the column
// out, an empty `column_name` leaves the name out.
core::Error ErrorAt(std::string_view file, int64_t line, size_t column,
                    std::string_view column_name, std::string_view message,
                    core::ErrorCode code = core::ErrorCode::kInvalidArgument);

// "\"text\"" with the text cut to 60 bytes, for quoting input in messages.
std::string Quoted(std::string_view text);

}  // namespace buyalign::crm
