#include "auth/sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace buyalign::auth {

void EnsureSodium() {
  static const bool kReady = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    return true;
  }();
  (void)kReady;
}

}  // namespace buyalign::auth
