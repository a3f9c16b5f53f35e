#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace buyalign::core {

// What went wrong, as a category every transport can map (HTTP maps it in one switch).
enum class ErrorCode {
  kInvalidArgument,       // bad input: malformed, wrong type, unknown enum value, failed validation
  kNotFound,              // the addressed record does not exist
  kUnknownReference,      // the input refers to a record that does not exist
  kConflict,              // a stale version (If-Match) or a duplicate key
  kPreconditionRequired,  // a write of an existing record without its version
  kPayloadTooLarge,       // a body, file or line over a limit
  kUnauthenticated,
  kForbidden,
  kUnavailable,  // the database is busy or down; retry later
  kInternal,     // a bug or an I/O failure; details go to the log, not to the user
};

// An expected failure, as a value. `field` names the offending field (dotted path) and `line`
// the 1-based input line when the input is line oriented; both are empty/0 when not known.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;
  int64_t line = 0;
  int64_t current_version = 0;  // for kConflict on a stale version: the version that is stored

  static Error Invalid(std::string message, std::string field = {}) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
  }
  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}};
  }
  static Error Internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}};
  }
};

template <class T>
using Result = tl::expected<T, Error>;

using Status = Result<void>;

inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

// Stable machine-readable name of a code, used in error bodies ("invalid_argument", ...).
std::string_view CodeName(ErrorCode code);

// Formats an error for a terminal: "line 12, field amount: must be a number".
std::string Describe(const Error& error);

}  // namespace buyalign::core
