#pragma once

#include "core/result.hpp"
#include "http/request.hpp"

// The one place where error codes become HTTP statuses and error bodies.
namespace buyalign::http {

// An error of any code, for codes that have no named constructor in core::Error.
core::Error MakeError(core::ErrorCode code, std::string message, std::string field = {});

// The HTTP status of an error code. An exhaustive switch: a new code fails to compile here.
int HttpStatus(core::ErrorCode code);

// A JSON error response:
//   {"error":{"code":"invalid_argument","message":"...","field":"...","line":N,
//             "current_version":N}}
// with field, line and current_version only when set. kInternal errors are logged with their
// details and answered with a generic message, so no SQL or stack detail reaches a client.
Response ErrorResponse(const core::Error& error);

}  // namespace buyalign::http
