#include "http/authenticator.hpp"

#include <cctype>

#include "auth/token.hpp"
#include "core/enum_names.hpp"
#include "http/cookies.hpp"
#include "http/error_response.hpp"

namespace buyalign::http {
namespace {

using core::ErrorCode;

core::Error Unauthenticated(std::string message) {
  return MakeError(ErrorCode::kUnauthenticated, std::move(message));
}

// The token of "Bearer <token>" (the scheme is case-insensitive), or "" when malformed.
std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return {};
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return {};
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token;
}

// The stored answer for a credential that resolves to no one: every such case is one 401.
template <class T>
core::Result<T> OrUnauthenticated(core::Result<T> found, std::string message) {
  if (!found && found.error().code == ErrorCode::kNotFound) {
    return core::Fail(Unauthenticated(std::move(message)));
  }
  return found;
}

}  // namespace

bool ChangesState(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

core::Result<Identity> Identify(storage::Store& store, const Request& request) {
  Identity identity;
  std::string user_id;
  if (const std::string_view authorization = request.Header("authorization");
      !authorization.empty()) {
    const std::string_view token = BearerToken(authorization);
    if (token.empty()) {
      return core::Fail(Unauthenticated("the Authorization header must be 'Bearer <API token>'"));
    }
    auto owner = OrUnauthenticated(store.FindApiToken(auth::HashToken(token)),
                                   "the API token is unknown or revoked");
    if (!owner) return core::Fail(owner.error());
    user_id = std::move(*owner);
  } else if (const std::string_view cookie = CookieValue(request, kSessionCookie);
             !cookie.empty()) {
    auto session = OrUnauthenticated(store.GetSession(auth::HashToken(cookie)),
                                     "the session has ended; sign in again");
    if (!session) return core::Fail(session.error());
    user_id = std::move(session->user_id);
    identity.via_session = true;
    identity.csrf_hash = std::move(session->csrf_hash);
  } else {
    return core::Fail(Unauthenticated(
        "sign in first: send the session cookie or an 'Authorization: Bearer' API token"));
  }
  auto user = OrUnauthenticated(store.GetUser(user_id), "the user no longer exists");
  if (!user) return core::Fail(user.error());
  // The store already refuses the sessions and tokens of disabled users; checked again here so
  // no path through the store can let one in.
  if (user->disabled) return core::Fail(Unauthenticated("this user is disabled"));
  identity.user = std::move(*user);
  return identity;
}

bool HasValidCsrfToken(const Request& request, std::string_view csrf_hash) {
  const std::string_view token = request.Header("x-csrf-token");
  if (token.empty() || csrf_hash.empty()) return false;
  return auth::ConstantTimeEquals(auth::HashToken(token), csrf_hash);
}

Response AuthFailure(const core::Error& error) {
  Response response = ErrorResponse(error);
  if (response.status == 401) {
    response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"buyalign\"");
  }
  return response;
}

core::Result<Caller> Authenticate(storage::Store& store, const Request& request,
                                  const Access& access) {
  auto identity = Identify(store, request);
  if (!identity) return core::Fail(identity.error());
  if (identity->via_session && ChangesState(request.method) &&
      !HasValidCsrfToken(request, identity->csrf_hash)) {
    return core::Fail(MakeError(ErrorCode::kForbidden,
                                "a change from the browser needs the session's X-CSRF-Token"));
  }
  Caller caller;
  caller.user_id = identity->user.id;
  caller.role = identity->user.role;
  caller.via_session = identity->via_session;
  caller.scope = auth::Allowed(caller.role, access.resource, access.action);
  if (caller.scope == auth::Scope::kNone) {
    return core::Fail(MakeError(
        ErrorCode::kForbidden,
        "the role " + std::string(core::EnumName(domain::kUserRoleNames, caller.role)) +
            " may not " + std::string(auth::kActionNames[static_cast<size_t>(access.action)]) +
            " " + std::string(auth::kResourceNames[static_cast<size_t>(access.resource)])));
  }
  return caller;
}

}  // namespace buyalign::http
