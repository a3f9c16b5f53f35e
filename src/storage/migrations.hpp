#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/sql_connection.hpp"

namespace buyalign::storage {

// One step of the schema's history. Versions grow by one; a released migration never changes
// (a change is a new migration). Statements are portable SQL; ${ID} is the dialect's id column.
struct Migration {
  int64_t version;
  std::string_view description;
  std::vector<std::string_view> statements;
};

// Every migration of the schema, in order.
std::span<const Migration> Migrations();

// Brings the database up to the newest migration: each pending migration runs in its own write
// transaction together with its row in `schema_migrations`, so a crash leaves the schema at a
// known version and reopening is a no-op. Fails with kInternal when the database is newer than
// this program.
core::Status ApplyMigrations(SqlConnection& connection);

}  // namespace buyalign::storage
