#pragma once

namespace buyalign::auth {

// Initialises libsodium once per process (thread-safe); aborts start-up if it cannot, since no
// password or token could then be handled safely.
void EnsureSodium();

}  // namespace buyalign::auth
