#pragma once

#include <cstddef>

#include "core/result.hpp"
#include "core/time.hpp"
#include "http/api_context.hpp"
#include "http/request.hpp"

// Query parameters and guards shared by the readiness and next-actions handlers.
namespace buyalign::http {

// `?as_of=` as an ISO 8601 time; now when absent. kInvalidArgument naming "as_of" otherwise.
core::Result<core::Timestamp> AsOfFromQuery(const Request& request);

// `?limit=` as an integer 1..1000; `fallback` when absent. kInvalidArgument naming "limit".
core::Result<size_t> LimitFromQuery(const Request& request, size_t fallback);

// kInternal when the context was built without the services (a test router that is not served).
core::Status RequireServices(const ApiContext& ctx);

}  // namespace buyalign::http
