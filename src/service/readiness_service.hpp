#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "engine/opportunity_readiness.hpp"
#include "engine/readiness_engine.hpp"
#include "methodology/methodology.hpp"
#include "service/opportunity_loader.hpp"
#include "storage/store.hpp"

namespace buyalign::service {

// Serves readiness from the store. Loading an opportunity's records (several queries) is the
// expensive part, so loaded inputs are cached by opportunity id; a read then only runs the
// in-memory engine at the asked moment. Writers keep the cache honest: every write path (the
// API's write handlers, ingest) calls Invalidate(opportunity_id) or InvalidateAll() after a
// successful write. A process that writes the database behind the service's back (another
// `buyalign ingest` on the same file) is not seen until InvalidateAll or a restart.
//
// Holds a reference to the store, which must outlive it, and the engine for the default
// methodology. Safe for concurrent use: the cache is guarded by a mutex and entries are
// immutable, shared with readers by shared_ptr, so a reader keeps its snapshot while a writer
// invalidates.
class ReadinessService {
 public:
  explicit ReadinessService(storage::Store& store, const methodology::Methodology& methodology =
                                                       methodology::Methodology::Default());
  ReadinessService(const ReadinessService&) = delete;
  ReadinessService& operator=(const ReadinessService&) = delete;

  // The opportunity's records, from the cache or the store. kNotFound when it does not exist.
  core::Result<std::shared_ptr<const LoadedOpportunity>> Load(std::string_view opportunity_id);

  // The readiness at `as_of`. kNotFound for an unknown opportunity; kInvalidArgument when a
  // stored signal names a kind or stage the methodology does not know.
  core::Result<engine::OpportunityReadiness> Readiness(std::string_view opportunity_id,
                                                       core::Timestamp as_of);

  // The ids of the opportunities matching `filter` (all pages).
  core::Result<std::vector<std::string>> OpportunityIds(const storage::OpportunityFilter& filter);

  // Drops the cached records of one opportunity, or of all (after an import or a change to a
  // contact or content item, which several opportunities may share).
  void Invalidate(std::string_view opportunity_id);
  void InvalidateAll();

  const engine::ReadinessEngine& engine() const { return engine_; }
  storage::Store& store() { return store_; }

 private:
  storage::Store& store_;
  const engine::ReadinessEngine engine_;
  std::mutex mutex_;
  // Guarded by mutex_. Bumped by every invalidation so a load that raced with one is not cached.
  std::map<std::string, std::shared_ptr<const LoadedOpportunity>, std::less<>> cache_;
  uint64_t generation_ = 0;
};

}  // namespace buyalign::service
