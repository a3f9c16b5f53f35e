#include "http/login_throttle.hpp"

#include "core/time.hpp"

namespace buyalign::http {
namespace {

std::string AccountKey(std::string_view account) { return "account:" + std::string(account); }
std::string AddressKey(std::string_view address) { return "address:" + std::string(address); }

}  // namespace

core::Result<std::chrono::seconds> LoginThrottle::RetryAfter(std::string_view account,
                                                             std::string_view address) {
  const core::Timestamp since = core::Now() - limits_.window;
  auto by_account = store_.CountLoginFailures(AccountKey(account), since);
  if (!by_account) return core::Fail(by_account.error());
  auto by_address = store_.CountLoginFailures(AddressKey(address), since);
  if (!by_address) return core::Fail(by_address.error());
  if (*by_account >= limits_.per_account || *by_address >= limits_.per_address) {
    return limits_.window;
  }
  return std::chrono::seconds(0);
}

core::Status LoginThrottle::RecordFailure(std::string_view account, std::string_view address) {
  const core::Timestamp now = core::Now();
  if (auto ok = store_.RecordLoginFailure(AccountKey(account), now); !ok) return ok;
  return store_.RecordLoginFailure(AddressKey(address), now);
}

core::Status LoginThrottle::RecordSuccess(std::string_view account) {
  return store_.ClearLoginFailures(AccountKey(account));
}

}  // namespace buyalign::http
