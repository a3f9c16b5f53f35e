#pragma once

#include <chrono>
#include <string_view>
#include <utility>

#include "http/metrics.hpp"
#include "methodology/methodology.hpp"
#include "service/next_actions_service.hpp"
#include "service/readiness_service.hpp"
#include "storage/store.hpp"

namespace buyalign::http {

class ImportQueue;

// The audit log's actor for an API write that has no caller. Handlers never use it: they pass
// request.caller.actor(), which names the signed-in user.
inline storage::Actor ApiActor() { return {"", "api"}; }

// What every API handler works with. The server owns the store, methodology and metrics and keeps
// them alive longer than any handler; the context only refers to them. Shared by all worker
// threads: Store and Metrics are thread-safe and Methodology is immutable.
struct ApiContext {
  storage::Store& store;
  const methodology::Methodology& methodology;
  Metrics& metrics;
  // Owned by the server like the store; null only in tests that build a router without serving.
  service::ReadinessService* readiness = nullptr;
  service::NextActionsService* actions = nullptr;
  // Runs uploaded imports in the background; owned by the server like the store.
  ImportQueue* imports = nullptr;

  // After a successful write: drops the cached records of one opportunity, or of all of them.
  void Invalidate(std::string_view opportunity_id) const {
    if (readiness != nullptr) readiness->Invalidate(opportunity_id);
  }
  void InvalidateAll() const {
    if (readiness != nullptr) readiness->InvalidateAll();
  }

  // Runs one store call and records its duration under `operation` for /metrics.
  template <class Call>
  auto Db(std::string_view operation, Call&& call) {
    const auto start = std::chrono::steady_clock::now();
    auto result = std::forward<Call>(call)();
    metrics.ObserveDb(
        operation, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return result;
  }
};

}  // namespace buyalign::http
