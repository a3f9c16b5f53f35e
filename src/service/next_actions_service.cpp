#include "service/next_actions_service.hpp"

#include "actions/deal_view.hpp"
#include "actions/next_action_planner.hpp"
#include "actions/playbook_loader.hpp"
#include "actions/rep_actions.hpp"

namespace buyalign::service {
namespace {

// Collects the content shares of a full scan; every other record is skipped.
struct ShareCollector : storage::Store::RecordVisitor {
  std::vector<domain::ContentShare> shares;
  core::Status Visit(const domain::Team&) override { return {}; }
  core::Status Visit(const domain::User&) override { return {}; }
  core::Status Visit(const domain::Account&) override { return {}; }
  core::Status Visit(const domain::Contact&) override { return {}; }
  core::Status Visit(const domain::ContentItem&) override { return {}; }
  core::Status Visit(const domain::Opportunity&) override { return {}; }
  core::Status Visit(const domain::DmuMember&) override { return {}; }
  core::Status Visit(const domain::Signal&) override { return {}; }
  core::Status Visit(const domain::Activity&) override { return {}; }
  core::Status Visit(const domain::ContentShare& share) override {
    shares.push_back(share);
    return {};
  }
  core::Status Visit(const domain::Outcome&) override { return {}; }
};

}  // namespace

NextActionsService::NextActionsService(ReadinessService& readiness)
    : readiness_(readiness), playbook_(actions::DefaultPlaybook()) {}

core::Result<std::vector<domain::ContentItem>> NextActionsService::Library() {
  return ListAll<domain::ContentItem>(
      [&](const storage::PageRequest& page) { return readiness_.store().ListContent(page); });
}

core::Result<std::vector<actions::NextAction>> NextActionsService::ForOpportunity(
    std::string_view opportunity_id, core::Timestamp as_of) {
  auto loaded = readiness_.Load(opportunity_id);
  if (!loaded) return core::Fail(loaded.error());
  auto library = Library();
  if (!library) return core::Fail(library.error());
  const actions::ContentPicker picker(std::move(*library), readiness_.engine().methodology());
  const actions::NextActionPlanner planner(readiness_.engine(), playbook_, picker);
  return planner.Plan((*loaded)->input, (*loaded)->personas, as_of);
}

core::Result<std::vector<actions::NextAction>> NextActionsService::ForOwner(
    const std::string& owner, size_t limit, core::Timestamp as_of, const storage::Viewer& viewer) {
  storage::OpportunityFilter filter;
  filter.owner = owner;
  filter.visible_to = viewer.user_id;
  filter.visibility = viewer.visibility;
  filter.status = domain::OpportunityStatus::kOpen;
  auto ids = readiness_.OpportunityIds(filter);
  if (!ids) return core::Fail(ids.error());
  std::vector<actions::RepOpportunity> opportunities;
  for (const std::string& id : *ids) {
    auto loaded = readiness_.Load(id);
    if (!loaded) return core::Fail(loaded.error());
    opportunities.push_back({(*loaded)->input, (*loaded)->personas});
  }
  auto library = Library();
  if (!library) return core::Fail(library.error());
  const actions::ContentPicker picker(std::move(*library), readiness_.engine().methodology());
  const actions::NextActionPlanner planner(readiness_.engine(), playbook_, picker);
  return actions::PlanForRep(planner, opportunities, as_of, limit);
}

core::Result<actions::ContentCoverage> NextActionsService::Coverage(std::string_view segment) {
  auto library = Library();
  if (!library) return core::Fail(library.error());
  return actions::MeasureCoverage(*library, readiness_.engine().methodology(), segment);
}

core::Result<actions::ShowroomDecision> NextActionsService::Showroom(
    std::string_view opportunity_id, core::Timestamp as_of) {
  auto loaded = readiness_.Load(opportunity_id);
  if (!loaded) return core::Fail(loaded.error());
  auto readiness = readiness_.engine().Analyze((*loaded)->input, as_of);
  if (!readiness) return core::Fail(readiness.error());
  auto library = Library();
  if (!library) return core::Fail(library.error());
  const methodology::Methodology& m = readiness_.engine().methodology();
  const actions::ContentPicker picker(std::move(*library), m);
  const actions::DealView deal((*loaded)->input, *readiness, (*loaded)->personas, m);
  return actions::DecideShowroom(deal, playbook_, picker);
}

core::Result<actions::ContentInfluence> NextActionsService::Influence(std::string_view content_id,
                                                                      core::Timestamp as_of) {
  auto item = readiness_.store().GetContent(content_id);
  if (!item) return core::Fail(item.error());
  ShareCollector collector;
  if (auto scanned = readiness_.store().ScanAll(collector); !scanned) {
    return core::Fail(scanned.error());
  }
  auto ids = readiness_.OpportunityIds({});
  if (!ids) return core::Fail(ids.error());
  std::vector<engine::OpportunityInput> inputs;
  for (const std::string& id : *ids) {
    auto loaded = readiness_.Load(id);
    if (!loaded) return core::Fail(loaded.error());
    inputs.push_back((*loaded)->input);
  }
  auto measured = actions::MeasureContentInfluence(readiness_.engine(), inputs, collector.shares,
                                                   {*item}, as_of, playbook_.influence);
  if (!measured) return core::Fail(measured.error());
  return measured->front();
}

}  // namespace buyalign::service
