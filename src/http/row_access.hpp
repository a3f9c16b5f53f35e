#pragma once

#include <string_view>

#include "core/result.hpp"
#include "http/api_context.hpp"
#include "http/caller.hpp"

// Row-level rules for opportunities and what belongs to them (DMU, signals, activities, shares,
// readiness, next actions), applied by the handlers after Dispatch checked the route. A caller
// cannot tell a deal they may not see from one that does not exist: both answer the same.
// Stateless; safe from any thread.
namespace buyalign::http {

// The opportunity as the caller may see it: kNotFound ('opportunity "X" not found') when it does
// not exist or lies outside the caller's scope.
core::Status RequireVisible(ApiContext& ctx, const Caller& caller, std::string_view opportunity_id);

// For a write that files a record under `opportunity_id`: an opportunity outside the caller's
// scope is reported exactly as a missing one is (kUnknownReference on `field`), and a missing one
// passes, so the store reports it as usual.
core::Status RequireTarget(ApiContext& ctx, const Caller& caller, std::string_view opportunity_id,
                           std::string_view field = "opportunity_id");

// Whether a deal may be owned by `owner` when the caller sets it: anyone for a kAll scope, the
// caller or a member of a team they manage for kTeam, only the caller for kOwn (a rep cannot
// place a deal in someone else's pipeline). kForbidden on the field "owner" otherwise.
core::Status RequireOwnerInReach(ApiContext& ctx, const Caller& caller, std::string_view owner);

}  // namespace buyalign::http
