#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace buyalign::storage {

// Opens the store at `location`, bringing its schema up to date. A file path opens (creating if
// absent) a SQLite database; a postgresql:// (or postgres://) URL selects PostgreSQL
// (postgres/postgres_store.hpp: ?pool=N, ?statement_timeout=MS). Fails with kInvalidArgument for
// an empty location or a bad URL parameter, kUnavailable when the database is locked or its
// server unreachable, and kInternal when it cannot be opened or migrated.
core::Result<std::unique_ptr<Store>> OpenStore(const std::string& location);

}  // namespace buyalign::storage
