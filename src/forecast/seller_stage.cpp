#include "forecast/seller_stage.hpp"

#include <array>
#include <utility>

namespace buyalign::forecast {
namespace {

// The sales-process stage a seller's activity marks as reached, in Salesforce's default stage
// names. Activities that are no step of the process (follow-ups, admin, onboarding, business
// reviews) are not listed.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kActivityStages{{
    {"intro_call", "Prospecting"},
    {"discovery_meeting", "Qualification"},
    {"requirements_workshop", "Needs Analysis"},
    {"value_workshop", "Value Proposition"},
    {"demo", "Value Proposition"},
    {"reference_call", "Perception Analysis"},
    {"proposal_sent", "Proposal/Price Quote"},
    {"quote_sent", "Proposal/Price Quote"},
    {"negotiation_meeting", "Negotiation/Review"},
    {"contract_sent", "Negotiation/Review"},
}};

// The position of a stage in the table, or -1.
int Rank(const crm::StageTable& stages, std::string_view name) {
  const auto& all = stages.stages();
  for (size_t i = 0; i < all.size(); ++i) {
    if (&all[i] == stages.Find(name)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

SellerStage SellerStageAt(const DealRecord& deal, core::Timestamp as_of, bool live,
                          const crm::StageTable& stages) {
  const domain::StageChange* latest = nullptr;
  for (const domain::StageChange& change : deal.stage_changes) {
    if (change.at <= as_of) latest = &change;
  }
  if (latest != nullptr) {
    const crm::StageTable::Stage* known = stages.Find(latest->stage);
    const double p = latest->probability.value_or(
        known != nullptr && known->probability ? *known->probability : 0.0);
    return {latest->stage, p, "stage_history"};
  }
  if (live && !deal.opportunity->crm_stage.empty()) {
    const crm::StageTable::Stage* known = stages.Find(deal.opportunity->crm_stage);
    if (known != nullptr && known->probability) {
      return {known->name, *known->probability, "crm_stage"};
    }
  }
  int furthest = -1;
  for (const domain::Activity& activity : deal.input->activities) {
    if (activity.at > as_of) continue;
    for (const auto& [kind, stage] : kActivityStages) {
      if (activity.kind == kind) furthest = std::max(furthest, Rank(stages, stage));
    }
  }
  if (furthest >= 0) {
    const crm::StageTable::Stage& stage = stages.stages()[static_cast<size_t>(furthest)];
    return {stage.name, stage.probability.value_or(0.0), "activities"};
  }
  const crm::StageTable::Stage& first = stages.stages().front();
  return {first.name, first.probability.value_or(0.0), "default"};
}

}  // namespace buyalign::forecast
