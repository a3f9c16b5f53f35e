#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace buyalign::crm {

// Builds the error of a bad cell: "Opportunity.csv: line 14, column 5 (CloseDate): <message>".
// The message is complete on its own (commands print it as is); `line` and `field` (the column
// name) are also set for callers that want them apart. `column` is 1-based; 0 leaves the column
// out, an empty `column_name` leaves the name out.
core::Error ErrorAt(std::string_view file, int64_t line, size_t column,
                    std::string_view column_name, std::string_view message,
                    core::ErrorCode code = core::ErrorCode::kInvalidArgument);

// Where an ErrorAt error points, read back from its message for callers that report the parts
// apart (the API's import jobs): `file` when the message starts with one of `files` and ": ",
// the line from the error, the column from ", column N". Parts not found stay empty/0.
struct SourcePosition {
  std::string file;
  int64_t line = 0;
  int64_t column = 0;
};
SourcePosition PositionOf(const core::Error& error, const std::vector<std::string>& files);

// "\"text\"" with the text cut to 60 bytes, for quoting input in messages.
std::string Quoted(std::string_view text);

}  // namespace buyalign::crm
