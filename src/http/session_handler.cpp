// Signing in and out of the browser interface: POST, GET and DELETE /api/v1/session. The
// session token travels only in an HttpOnly cookie; the CSRF token that state-changing requests
// must echo in X-CSRF-Token is derived from it, so it can be handed out again on every GET.
#include <chrono>
#include <string>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>

#include "auth/password.hpp"
#include "auth/token.hpp"
#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/authenticator.hpp"
#include "http/cookies.hpp"
#include "http/error_response.hpp"
#include "http/login_throttle.hpp"
#include "http/user_json.hpp"

namespace buyalign::http {
namespace {

using core::ErrorCode;

// A working day and then some; after that the browser asks for the password again.
constexpr std::chrono::hours kSessionLifetime{12};

// A hash to verify against when the login names no one, so that a wrong login takes as long as
// a wrong password and the timing does not tell which users exist.
const std::string& DecoyHash() {
  static const std::string kHash = [] {
    auto hash = auth::HashPassword(auth::NewToken("decoy-"));
    return hash ? *hash : std::string();
  }();
  return kHash;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

core::Result<std::string> RequiredString(const rapidjson::Document& doc, const char* field) {
  auto it = doc.FindMember(field);
  if (it == doc.MemberEnd() || !it->value.IsString() || it->value.GetStringLength() == 0) {
    return core::Fail(core::Error::Invalid("is required (a string)", field));
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

Response NoStore(Response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response TooManyAttempts(std::chrono::seconds retry_after) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
  out.StartObject();
  out.Key("error");
  out.StartObject();
  out.Key("code");
  out.String("rate_limited");
  out.Key("message");
  out.String("too many failed sign-ins; try again later");
  out.EndObject();
  out.EndObject();
  Response response = JsonResponse(429, std::string(buffer.GetString(), buffer.GetSize()));
  response.headers.emplace_back("Retry-After", std::to_string(retry_after.count()));
  return response;
}

Response WrongCredentials() {
  return AuthFailure(MakeError(ErrorCode::kUnauthenticated, "wrong login or password"));
}

// POST /api/v1/session {"login","password"}. Only JSON is accepted: an HTML form on another site
// cannot send it, and a cross-site script would need a CORS preflight this server never grants,
// so no other site can sign a browser in to an account of its choosing.
Response SignIn(ApiContext& ctx, const Request& request) {
  if (request.Header("content-type").substr(0, 16) != "application/json") {
    return ErrorResponse(
        core::Error::Invalid("sign in with a JSON body (application/json)", "Content-Type"));
  }
  auto doc = ParseJsonObject(request.body);
  if (!doc) return ErrorResponse(doc.error());
  auto login = RequiredString(*doc, "login");
  if (!login) return ErrorResponse(login.error());
  auto password = RequiredString(*doc, "password");
  if (!password) return ErrorResponse(password.error());

  auto credentials = ctx.Db("getCredentials", [&] { return ctx.store.GetCredentials(*login); });
  if (!credentials && credentials.error().code != ErrorCode::kNotFound &&
      credentials.error().code != ErrorCode::kConflict) {
    return ErrorResponse(credentials.error());
  }
  // Throttled per user when the login names one (by id or email alike), else per login text.
  const std::string account =
      credentials ? "user:" + credentials->user.id : "login:" + Lower(*login);
  // Never the login text itself in the log: people type their password there by mistake.
  const std::string who = credentials ? credentials->user.id : "an unknown login";
  LoginThrottle throttle(ctx.store);
  auto wait =
      ctx.Db("loginThrottle", [&] { return throttle.RetryAfter(account, request.remote_address); });
  if (!wait) return ErrorResponse(wait.error());
  if (wait->count() > 0) {
    spdlog::warn("sign-in refused (throttled) for {} from {}", who, request.remote_address);
    return TooManyAttempts(*wait);
  }

  const bool has_hash = credentials && !credentials->password_hash.empty();
  const bool matches =
      auth::VerifyPassword(*password, has_hash ? credentials->password_hash : DecoyHash()) &&
      has_hash;
  if (!matches) {
    spdlog::warn("failed sign-in for {} from {}", who, request.remote_address);
    if (auto recorded = throttle.RecordFailure(account, request.remote_address); !recorded) {
      return ErrorResponse(recorded.error());
    }
    return WrongCredentials();
  }
  const domain::User& user = credentials->user;
  if (credentials->disabled) {
    return AuthFailure(MakeError(ErrorCode::kUnauthenticated, "this user is disabled"));
  }
  if (auto cleared = throttle.RecordSuccess(account); !cleared) {
    return ErrorResponse(cleared.error());
  }
  if (auth::NeedsRehash(credentials->password_hash)) {
    // Stronger parameters since the password was set: upgrade it now that we know it.
    if (auto rehashed = auth::HashPassword(*password)) {
      (void)ctx.store.SetPassword(user.id, *rehashed, {user.id, "api"});
    }
  }

  const std::string token = auth::NewToken(auth::kSessionTokenPrefix);
  const std::string csrf = auth::CsrfTokenFor(token);
  auto created = ctx.Db("createSession", [&] {
    return ctx.store.CreateSession(auth::HashToken(token), auth::HashToken(csrf), user.id,
                                   core::Now() + kSessionLifetime);
  });
  if (!created) return ErrorResponse(created.error());
  spdlog::info("{} signed in from {}", user.id, request.remote_address);
  Response response = NoStore(JsonResponse(200, SessionJson(user, csrf)));
  response.headers.emplace_back("Set-Cookie",
                                SessionCookieHeader(token, kSessionLifetime, CameOverTls(request)));
  return response;
}

// GET /api/v1/session: who is signed in, with the CSRF token (null for an API token).
Response WhoAmI(ApiContext& ctx, const Request& request) {
  auto identity = ctx.Db("authenticate", [&] { return Identify(ctx.store, request); });
  if (!identity) return AuthFailure(identity.error());
  const std::string csrf =
      identity->via_session ? auth::CsrfTokenFor(CookieValue(request, kSessionCookie)) : "";
  return NoStore(JsonResponse(200, SessionJson(identity->user, csrf)));
}

// DELETE /api/v1/session: ends the browser's session (it needs the CSRF token like any change,
// so no other site can sign a user out). Without a live session there is nothing to end: 204.
Response SignOut(ApiContext& ctx, const Request& request) {
  const std::string_view cookie = CookieValue(request, kSessionCookie);
  if (!cookie.empty()) {
    const std::string hash = auth::HashToken(cookie);
    auto session = ctx.Db("getSession", [&] { return ctx.store.GetSession(hash); });
    if (!session && session.error().code != ErrorCode::kNotFound) {
      return ErrorResponse(session.error());
    }
    if (session) {
      if (!HasValidCsrfToken(request, session->csrf_hash)) {
        return ErrorResponse(
            MakeError(ErrorCode::kForbidden, "signing out needs the session's X-CSRF-Token"));
      }
      auto deleted = ctx.Db("deleteSession", [&] { return ctx.store.DeleteSession(hash); });
      if (!deleted) return ErrorResponse(deleted.error());
      spdlog::info("{} signed out", session->user_id);
    }
  }
  Response response;
  response.status = 204;
  response.content_type.clear();
  response.headers.emplace_back("Set-Cookie", ExpiredSessionCookieHeader(CameOverTls(request)));
  return NoStore(std::move(response));
}

}  // namespace

void AddSessionRoutes(Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/session", "signIn", Access::Public(),
             [&ctx](Request& r) { return SignIn(ctx, r); });
  router.Add("GET", "/api/v1/session", "getSession", Access::Public(),
             [&ctx](Request& r) { return WhoAmI(ctx, r); });
  router.Add("DELETE", "/api/v1/session", "signOut", Access::Public(),
             [&ctx](Request& r) { return SignOut(ctx, r); });
}

}  // namespace buyalign::http
