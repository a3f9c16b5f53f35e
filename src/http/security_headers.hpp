#pragma once

#include <array>
#include <string_view>
#include <utility>

namespace buyalign::http {

// Sent on every response, whatever produced it (handler, static file, error, limit). The web
// interface loads only its own bundled scripts, so no inline or foreign script may run; inline
// style attributes stay allowed because the SVG charts position elements with them. No page may
// frame ours (clickjacking), and browsers must not guess content types.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kSecurityHeaders{{
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
     "data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
     "frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
}};

}  // namespace buyalign::http
