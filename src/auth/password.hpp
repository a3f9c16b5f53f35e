#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

// Password hashing with Argon2id (libsodium's crypto_pwhash_str): memory-hard, salted, with its
// parameters inside the stored string so they can be raised later without breaking old hashes.
// Safe to call from many threads at once.
namespace buyalign::auth {

// Minimum length of a new password; longer beats more complex.
inline constexpr size_t kMinPasswordLength = 10;

// A new random password of 20 URL-safe characters (120 bits), for accounts created without one.
std::string GeneratePassword();

// Hashes a password for storage. Fails with kInvalidArgument when the password is too short, and
// kInternal when the system is out of memory for the hash.
core::Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `stored_hash`; false for a mismatch or a malformed hash. Takes the
// same time whatever the first wrong character.
bool VerifyPassword(std::string_view password, const std::string& stored_hash);

// True when the hash was made with weaker parameters than today's, so the caller can re-hash the
// password at the next successful login.
bool NeedsRehash(const std::string& stored_hash);

}  // namespace buyalign::auth
