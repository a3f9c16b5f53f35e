#pragma once

#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "core/time.hpp"
#include "engine/opportunity_readiness.hpp"
#include "forecast/deal_history.hpp"
#include "forecast/owner_record.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::forecast {

// The readiness features of one opportunity at one moment, the inputs of the win model and of
// its reasons. Ids are a contract (the API's reasons name them; the web labels them).
enum class Feature {
  kReadinessStage,       // the DMU's stage, 0-based in the cycle
  kReadinessConfidence,  // 0..1
  kAlignment,            // 0..1
  kEconomicBuyerStage,   // the most influential economic buyer's stage; missing without one
  kMomentum,             // influence-weighted stages moved over the last 30 days
  kStalenessDays,        // since the latest signal or activity; missing without any
  kDealAgeDays,          // since the deal started; missing when unknown
  kAmount,               // the deal size (the model reads log10(1 + amount))
  kDmuSize,              // members of the DMU
  kOwnerWinRate,         // the owner's smoothed win rate before the moment (OwnerRecord)
  kOwnerClosedDeals,     // how many deals that rate rests on
  // One count per friction kind, in engine::FrictionKind order.
  kFrictionsFirst,
};
inline constexpr size_t kFrictionFeatures = engine::kFrictionKindNames.size();
inline constexpr size_t kFeatureCount =
    static_cast<size_t>(Feature::kFrictionsFirst) + kFrictionFeatures;

// "readiness_stage", ..., "frictions.missing_role", ...
std::string_view FeatureName(size_t feature);

// The features as a person reads them (amounts in currency, days, stage indices); NaN marks a
// missing value. ModelInput gives what the model is trained on.
struct DealFeatures {
  std::array<double, kFeatureCount> values{};

  double operator[](Feature f) const { return values[static_cast<size_t>(f)]; }
  double& operator[](Feature f) { return values[static_cast<size_t>(f)]; }
  // The model's input for `feature`: the value, except the amount on a log scale (deal sizes
  // span orders of magnitude; a linear model would otherwise be ruled by the largest).
  double ModelInput(size_t feature) const;
};

// The features of `deal` at `as_of`, from its readiness at that moment (computed by the caller
// with the same as_of) and its owner's record before it. Only evidence up to `as_of` counts.
DealFeatures ComputeFeatures(const DealRecord& deal, const engine::OpportunityReadiness& readiness,
                             const OwnerRecord& owners, const methodology::Methodology& methodology,
                             core::Timestamp as_of);

}  // namespace buyalign::forecast
