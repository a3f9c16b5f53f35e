#include "http/cookies.hpp"

#include <cctype>

namespace buyalign::http {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string Attributes(std::chrono::seconds max_age, bool secure) {
  std::string out = "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age.count());
  if (secure) out += "; Secure";
  return out;
}

}  // namespace

std::string_view CookieValue(const Request& request, std::string_view name) {
  for (const auto& [header, value] : request.headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const size_t semicolon = rest.find(';');
      const std::string_view pair = Trim(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      const size_t equals = pair.find('=');
      if (equals == std::string_view::npos || Trim(pair.substr(0, equals)) != name) continue;
      std::string_view cookie = Trim(pair.substr(equals + 1));
      if (cookie.size() >= 2 && cookie.front() == '"' && cookie.back() == '"') {
        cookie = cookie.substr(1, cookie.size() - 2);
      }
      return cookie;
    }
  }
  return {};
}

bool CameOverTls(const Request& request) {
  if (EqualsIgnoringCase(Trim(request.Header("x-forwarded-proto")), "https")) return true;
  // Forwarded: for=1.2.3.4;proto=https (RFC 7239); the first hop is the client's.
  std::string forwarded(request.Header("forwarded"));
  for (char& c : forwarded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view first = std::string_view(forwarded).substr(0, forwarded.find(','));
  return first.find("proto=https") != std::string_view::npos;
}

std::string SessionCookieHeader(std::string_view token, std::chrono::seconds max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + std::string(token) + Attributes(max_age, secure);
}

std::string ExpiredSessionCookieHeader(bool secure) {
  return std::string(kSessionCookie) + "=" + Attributes(std::chrono::seconds(0), secure);
}

}  // namespace buyalign::http
