#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/store.hpp"

// What the readiness and next-actions commands share: opening an existing database, the
// --as-of option and error reporting.
namespace buyalign::cli {

// Opens `db`, which must exist (kInvalidArgument otherwise: a typo must not create a new file).
core::Result<std::unique_ptr<storage::Store>> OpenExistingStore(const std::string& db);

// An ISO 8601 time; now when empty.
core::Result<core::Timestamp> ParseAsOf(const std::string& text);

// Prints "buyalign: <what>: <error>" on stderr; the exit code for the error.
int ReportError(const std::string& what, const core::Error& error);

}  // namespace buyalign::cli
