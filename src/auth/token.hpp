#pragma once

#include <string>
#include <string_view>

// Secrets handed to clients: session ids, CSRF tokens and API tokens. They are random (256 bits),
// shown once, and stored only as a hash, so a copy of the database grants no access. Because they
// are high-entropy, a fast keyed-free hash (BLAKE2b) is enough; passwords need Argon2id instead.
namespace buyalign::auth {

// The kinds of token, told apart by their prefix (so a leaked one is recognisable in a log or a
// secret scanner).
inline constexpr std::string_view kApiTokenPrefix = "bya_tok_";
inline constexpr std::string_view kSessionTokenPrefix = "bya_ses_";
inline constexpr std::string_view kCsrfTokenPrefix = "bya_csrf_";

// A new random token: `prefix` + 43 characters of URL-safe base64 ("bya_tok_...").
std::string NewToken(std::string_view prefix);

// The hex BLAKE2b-256 digest of a token, the form in which it is stored and looked up.
std::string HashToken(std::string_view token);

// A token derived from `secret` for one `purpose`: `prefix` + 43 characters of URL-safe base64 of
// BLAKE2b(purpose, secret). The same inputs give the same token, and it reveals nothing of the
// secret, so a browser session's CSRF token can be recomputed from its cookie instead of being
// stored in clear.
std::string DeriveToken(std::string_view secret, std::string_view purpose, std::string_view prefix);

// The CSRF token of the browser session whose cookie holds `session_token`.
inline std::string CsrfTokenFor(std::string_view session_token) {
  return DeriveToken(session_token, "csrf", kCsrfTokenPrefix);
}

// Compares two strings in time independent of where they first differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace buyalign::auth
