#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace buyalign::storage {

// Opens the store at `location`, bringing its schema up to date. A file path opens (creating if
// absent) a SQLite database; a postgresql:// URL will select PostgreSQL (not supported yet:
// kInvalidArgument). Fails with kInvalidArgument for an empty location and kInternal (or
// kUnavailable when it is locked) when the database cannot be opened or migrated.
core::Result<std::unique_ptr<Store>> OpenStore(const std::string& location);

}  // namespace buyalign::storage
