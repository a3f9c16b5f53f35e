#pragma once

#include <string>
#include <string_view>

#include "core/time.hpp"
#include "crm/stage_table.hpp"
#include "forecast/deal_history.hpp"

namespace buyalign::forecast {

// Where the seller's process put a deal at a moment, and the probability the classic
// stage-weighted forecast gives that stage.
struct SellerStage {
  std::string name;         // the CRM's stage name ("Proposal/Price Quote")
  double probability = 0;   // 0..1
  std::string_view source;  // "stage_history", "crm_stage", "activities" or "default"
};

// The seller's stage of `deal` at `as_of`, from the first of these that knows:
//   1. the CRM's stage history: the latest change at or before as_of, with its own probability
//      (else the stage table's probability for its name);
//   2. the opportunity's current CRM stage, only when `live` (as_of is now: the current stage
//      says nothing about the past) and the stage table knows its probability;
//   3. the seller's activities up to as_of: the furthest step of the sales process done so far,
//      as a linear process reads it (a demo given puts the deal at "Value Proposition", a quote
//      sent at "Proposal/Price Quote", a negotiation meeting at "Negotiation/Review"; see
//      kActivityStages in the .cpp and docs/forecasting.md);
//   4. else the first stage of the table (Prospecting, 10% in Salesforce's default process).
// Probabilities come from `stages` (Salesforce's default process unless configured).
SellerStage SellerStageAt(const DealRecord& deal, core::Timestamp as_of, bool live,
                          const crm::StageTable& stages = crm::StageTable::SalesforceDefault());

}  // namespace buyalign::forecast
