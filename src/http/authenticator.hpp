#pragma once

#include <string>

#include "core/result.hpp"
#include "domain/records.hpp"
#include "http/caller.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "storage/store.hpp"

// Authentication and the route-level half of authorisation, in one place for every non-public
// route: who is asking (a browser session cookie or an API token), whether a browser's change
// carries its CSRF token, and whether the policy grants the caller's role anything on the
// route's (resource, action). Stateless: sessions and tokens live in the database, so several
// servers share them. Safe from any thread (the store is thread-safe).
namespace buyalign::http {

// A signed-in user as their credentials name them.
struct Identity {
  domain::User user;
  bool via_session = false;
  std::string csrf_hash;  // of the session's CSRF token; empty for an API token
};

// Who sends `request`: `Authorization: Bearer <token>` when the header is present (and then
// nothing else), else the `buyalign_session` cookie. kUnauthenticated without credentials, for
// an unknown, revoked or expired one, and for a disabled user; other store errors pass through.
core::Result<Identity> Identify(storage::Store& store, const Request& request);

// The caller of a route with `access`: Identify, then for a session a state-changing method
// (anything but GET, HEAD, OPTIONS) needs `X-CSRF-Token` matching the session (kForbidden
// otherwise), and the role needs a scope other than kNone for the route (kForbidden otherwise).
core::Result<Caller> Authenticate(storage::Store& store, const Request& request,
                                  const Access& access);

// True for the methods that change state and therefore need the CSRF token from a browser.
bool ChangesState(std::string_view method);

// True when `request` carries the CSRF token whose hash the session stores.
bool HasValidCsrfToken(const Request& request, std::string_view csrf_hash);

// The error response for a failed Identify or Authenticate; a 401 also says how to
// authenticate (WWW-Authenticate).
Response AuthFailure(const core::Error& error);

}  // namespace buyalign::http
