#include "service/readiness_service.hpp"

namespace buyalign::service {

ReadinessService::ReadinessService(storage::Store& store,
                                   const methodology::Methodology& methodology)
    : store_(store), engine_(methodology) {}

core::Result<std::shared_ptr<const LoadedOpportunity>> ReadinessService::Load(
    std::string_view opportunity_id) {
  uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(opportunity_id); it != cache_.end()) return it->second;
    generation = generation_;
  }
  // Loaded outside the lock so slow queries do not serialise readers of other opportunities.
  auto loaded = LoadOpportunity(store_, opportunity_id);
  if (!loaded) return core::Fail(loaded.error());
  auto shared = std::make_shared<const LoadedOpportunity>(std::move(*loaded));
  std::lock_guard lock(mutex_);
  if (generation == generation_) cache_.emplace(std::string(opportunity_id), shared);
  return shared;
}

core::Result<engine::OpportunityReadiness> ReadinessService::Readiness(
    std::string_view opportunity_id, core::Timestamp as_of) {
  auto loaded = Load(opportunity_id);
  if (!loaded) return core::Fail(loaded.error());
  return engine_.Analyze((*loaded)->input, as_of);
}

core::Result<std::vector<std::string>> ReadinessService::OpportunityIds(
    const storage::OpportunityFilter& filter) {
  auto all = ListAll<domain::Opportunity>(
      [&](const storage::PageRequest& page) { return store_.ListOpportunities(filter, page); });
  if (!all) return core::Fail(all.error());
  std::vector<std::string> ids;
  ids.reserve(all->size());
  for (const domain::Opportunity& o : *all) ids.push_back(o.id);
  return ids;
}

void ReadinessService::Invalidate(std::string_view opportunity_id) {
  std::lock_guard lock(mutex_);
  ++generation_;
  if (auto it = cache_.find(opportunity_id); it != cache_.end()) cache_.erase(it);
}

void ReadinessService::InvalidateAll() {
  std::lock_guard lock(mutex_);
  ++generation_;
  cache_.clear();
}

}  // namespace buyalign::service
