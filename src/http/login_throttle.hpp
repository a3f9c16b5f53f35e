#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "storage/store.hpp"

// Slows down password guessing: failed sign-ins are counted per account and per client address
// in the database (so every server of a deployment shares the counts), and once either reaches
// its limit within the window, further attempts are refused before any password is checked.
// Stateless; safe from any thread.
namespace buyalign::http {

struct ThrottleLimits {
  int per_account = 5;   // an attacker trying passwords on one user
  int per_address = 20;  // one client trying many users (a shared office NAT still gets 20)
  std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
 public:
  explicit LoginThrottle(storage::Store& store, ThrottleLimits limits = {})
      : store_(store), limits_(limits) {}

  // How long to wait before another attempt for `account` from `address`: 0 when one may try
  // now, else the window (the client learns no more precise time than "later").
  core::Result<std::chrono::seconds> RetryAfter(std::string_view account, std::string_view address);
  core::Status RecordFailure(std::string_view account, std::string_view address);
  // A successful sign-in forgets the account's failures (not the address's).
  core::Status RecordSuccess(std::string_view account);

 private:
  storage::Store& store_;
  ThrottleLimits limits_;
};

}  // namespace buyalign::http
