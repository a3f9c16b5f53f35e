#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace buyalign::storage::postgres {

// Creates the empty database `name` (a plain identifier: letters, digits, '_') on the server of
// `url`, connecting to the database `url` names. For tests and tools; fails with kInvalidArgument
// for a bad name, kInternal when it exists, kUnavailable when the server is down.
core::Status CreateDatabase(const std::string& url, std::string_view name);

// Drops the database `name` if it exists, ending its sessions (WITH (FORCE)).
core::Status DropDatabase(const std::string& url, std::string_view name);

}  // namespace buyalign::storage::postgres
