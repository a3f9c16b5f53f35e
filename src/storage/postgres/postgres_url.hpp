#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace buyalign::storage::postgres {

// What a postgresql:// URL configures: libpq's own part, and Buyalign's query parameters, which
// libpq would reject and are therefore taken out:
//   pool=N                total connections (one writer, N-1 readers; default 8, 2..256)
//   statement_timeout=MS  per statement, in milliseconds (default 30000; 0 = none)
// libpq parameters (sslmode, connect_timeout, ...) pass through; connect_timeout defaults to 2 s so
// calls fail fast while the server is down.
struct PostgresConfig {
  std::string conninfo;  // a postgresql:// URL for PQconnectdb
  int pool_size = 8;
  int statement_timeout_ms = 30000;
};

// Fails with kInvalidArgument (field "database") for a bad value of pool or statement_timeout.
core::Result<PostgresConfig> ParsePostgresUrl(std::string_view url);

// `url` naming database `database` instead of its own (query parameters kept).
std::string WithDatabase(std::string_view url, std::string_view database);

}  // namespace buyalign::storage::postgres
