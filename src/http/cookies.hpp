#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "http/request.hpp"

// The browser session's cookie: reading it from a request and the Set-Cookie header that starts
// or ends a session. Pure functions; safe from any thread.
namespace buyalign::http {

inline constexpr std::string_view kSessionCookie = "buyalign_session";

// The value of cookie `name` in the request's Cookie headers, or "" when absent.
std::string_view CookieValue(const Request& request, std::string_view name);

// True when the client reached us over TLS: the server speaks plain HTTP, so only a proxy in
// front of it can say so (X-Forwarded-Proto: https, or Forwarded: proto=https).
bool CameOverTls(const Request& request);

// Set-Cookie for a session: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST
// carries it), Path=/, Max-Age, and Secure when `secure`.
std::string SessionCookieHeader(std::string_view token, std::chrono::seconds max_age, bool secure);

// Set-Cookie that makes the browser forget the session cookie.
std::string ExpiredSessionCookieHeader(bool secure);

}  // namespace buyalign::http
