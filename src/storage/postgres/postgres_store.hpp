#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace buyalign::storage::postgres {

// Opens the store in the PostgreSQL database `url` names (postgresql://user@host:port/dbname, with
// the query parameters of PostgresConfig), bringing its schema up to date. The writer connects at
// once; readers connect on first use. Fails with kInvalidArgument for a bad URL parameter,
// kUnavailable when the server cannot be reached, and kInternal when migrating fails.
core::Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url);

}  // namespace buyalign::storage::postgres
