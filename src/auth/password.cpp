#include "auth/password.hpp"

#include <sodium.h>

#include "auth/sodium_init.hpp"
#include "auth/token.hpp"

namespace buyalign::auth {
namespace {

// libsodium's "interactive" limits: ~64 MiB and well under a second per hash on this hardware.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

}  // namespace

std::string GeneratePassword() { return NewToken("").substr(0, 20); }

core::Result<std::string> HashPassword(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return core::Fail(core::Error::Invalid(
        "a password needs at least " + std::to_string(kMinPasswordLength) + " characters",
        "password"));
  }
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), kOpsLimit, kMemLimit) != 0) {
    return core::Fail(core::Error::Internal("out of memory while hashing a password"));
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& stored_hash) {
  EnsureSodium();
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(const std::string& stored_hash) {
  EnsureSodium();
  return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), kOpsLimit, kMemLimit) != 0;
}

}  // namespace buyalign::auth
