#pragma once

#include <string>
#include <string_view>

// Secrets handed to clients: session ids, CSRF tokens and API tokens. They are random (256 bits),
// shown once, and stored only as a hash, so a copy of the database grants no access. Because they
// are high-entropy, a fast keyed-free hash (BLAKE2b) is enough; passwords need Argon2id instead.
namespace buyalign::auth {

// A new random token: `prefix` + 43 characters of URL-safe base64 ("bya_tok_...").
std::string NewToken(std::string_view prefix);

// The hex BLAKE2b-256 digest of a token, the form in which it is stored and looked up.
std::string HashToken(std::string_view token);

// Compares two strings in time independent of where they first differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace buyalign::auth
