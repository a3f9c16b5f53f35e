#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace buyalign::storage {

using core::Result;
using core::Status;

// Cursor pagination: `cursor` is empty for the first page, else the `next_cursor` of the previous
// page (opaque to callers). `limit` is clamped to 1..1000.
struct PageRequest {
  std::string cursor;
  int limit = 50;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;  // empty on the last page
};

}  // namespace buyalign::storage
