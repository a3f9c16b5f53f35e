#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace buyalign::demo {

// A customer company of the filler data set. `slug` builds its ids ("acc-<slug>") and its e-mail
// domain ("<slug>.example", a reserved top-level domain, so no real company is addressed).
struct AccountSeed {
  std::string_view slug;
  std::string_view name;
  std::string_view industry;
  std::string_view country;  // BE, NL, FR or DE
  std::string_view segment;  // smb, mid_market or enterprise
  int64_t employees;
};

// The filler accounts, in a fixed order.
std::span<const AccountSeed> FillerAccounts();

// What the demo's sellers sell into an industry: opportunity names.
std::span<const std::string_view> ProductsFor(std::string_view industry);

}  // namespace buyalign::demo
