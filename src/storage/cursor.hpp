#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

// Page cursors: the sort key of the last record of a page, hex-encoded so callers treat it as an
// opaque token (and it survives URLs unescaped). Keyset pagination: a page starts strictly after
// the cursor's key, so concurrent inserts never shift later pages.
namespace buyalign::storage {

inline constexpr int kMinPageLimit = 1;
inline constexpr int kMaxPageLimit = 1000;
int ClampLimit(int limit);

// For lists ordered by external id.
std::string EncodeIdCursor(std::string_view id);
// The id after which the page starts ("" for an empty cursor). kInvalidArgument, field "cursor",
// for a token this store did not produce.
core::Result<std::string> DecodeIdCursor(std::string_view cursor);

// For lists ordered by (time, external id).
struct TimeKey {
  int64_t at = 0;
  std::string id;
};
std::string EncodeTimeCursor(int64_t at, std::string_view id);
// An empty cursor is the key before every record.
core::Result<TimeKey> DecodeTimeCursor(std::string_view cursor);

}  // namespace buyalign::storage
