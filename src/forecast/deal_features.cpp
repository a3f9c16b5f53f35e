#include "forecast/deal_features.hpp"

#include <algorithm>
#include <optional>

#include "engine/dmu_summary.hpp"

namespace buyalign::forecast {
namespace {

constexpr double kSecondsPerDay = 86400.0;

constexpr std::array<std::string_view, static_cast<size_t>(Feature::kFrictionsFirst)> kNames{
    "readiness_stage", "readiness_confidence", "alignment",         "economic_buyer_stage",
    "momentum",        "staleness_days",       "deal_age_days",     "amount",
    "dmu_size",        "owner_win_rate",       "owner_closed_deals"};

constexpr std::array<std::string_view, kFrictionFeatures> kFrictionNames{
    "frictions.missing_role",
    "frictions.lagging_member",
    "frictions.high_influence_blocker",
    "frictions.stale_member",
    "frictions.single_threaded",
    "frictions.backward_move",
    "frictions.seller_ahead",
    "frictions.seller_behind",
    "frictions.stalled",
    "frictions.close_date_unrealistic"};

double Days(core::Timestamp from, core::Timestamp to) {
  return static_cast<double>(core::ToUnixSeconds(to) - core::ToUnixSeconds(from)) / kSecondsPerDay;
}

double StageIndex(const methodology::Methodology& m, std::string_view stage) {
  const auto index = m.StageIndex(stage);
  return index ? static_cast<double>(*index) : NAN;
}

// The latest signal or activity at or before `as_of`.
std::optional<core::Timestamp> LatestEvidence(const engine::OpportunityInput& input,
                                              core::Timestamp as_of) {
  std::optional<core::Timestamp> latest;
  const auto consider = [&](core::Timestamp at) {
    if (at <= as_of && (!latest || at > *latest)) latest = at;
  };
  for (const domain::Signal& s : input.signals) consider(s.at);
  for (const domain::Activity& a : input.activities) consider(a.at);
  return latest;
}

}  // namespace

std::string_view FeatureName(size_t feature) {
  return feature < kNames.size() ? kNames[feature] : kFrictionNames[feature - kNames.size()];
}

double DealFeatures::ModelInput(size_t feature) const {
  const double v = values[feature];
  if (feature == static_cast<size_t>(Feature::kAmount) && !std::isnan(v)) {
    return std::log10(1.0 + std::max(0.0, v));
  }
  return v;
}

DealFeatures ComputeFeatures(const DealRecord& deal, const engine::OpportunityReadiness& readiness,
                             const OwnerRecord& owners, const methodology::Methodology& methodology,
                             core::Timestamp as_of) {
  DealFeatures f;
  f.values.fill(NAN);
  const bool has_members = !readiness.members.empty();
  if (has_members) {
    f[Feature::kReadinessStage] = StageIndex(methodology, readiness.readiness.stage);
    f[Feature::kReadinessConfidence] = readiness.readiness.confidence;
    f[Feature::kAlignment] = readiness.alignment.score;
  }
  const engine::MemberReadiness* economic_buyer = nullptr;
  double momentum = 0, weight = 0;
  for (const engine::MemberReadiness& m : readiness.members) {
    if (m.role == domain::DmuRole::kEconomicBuyer &&
        (economic_buyer == nullptr || m.influence > economic_buyer->influence)) {
      economic_buyer = &m;
    }
    const double w = engine::InfluenceWeight(m.influence);
    momentum += w * m.momentum;
    weight += w;
  }
  if (economic_buyer != nullptr) {
    f[Feature::kEconomicBuyerStage] = StageIndex(methodology, economic_buyer->stage);
  }
  if (weight > 0) f[Feature::kMomentum] = momentum / weight;
  if (const auto latest = LatestEvidence(*deal.input, as_of)) {
    f[Feature::kStalenessDays] = Days(*latest, as_of);
  }
  if (const auto started = deal.StartedAt(); started && *started <= as_of) {
    f[Feature::kDealAgeDays] = Days(*started, as_of);
  }
  if (deal.opportunity->amount) f[Feature::kAmount] = *deal.opportunity->amount;
  f[Feature::kDmuSize] = static_cast<double>(readiness.members.size());
  const OwnerRecord::Rate rate = owners.At(deal.opportunity->owner, as_of);
  f[Feature::kOwnerWinRate] = rate.win_rate;
  f[Feature::kOwnerClosedDeals] = rate.closed;
  const size_t first = static_cast<size_t>(Feature::kFrictionsFirst);
  for (size_t k = 0; k < kFrictionFeatures; ++k) f.values[first + k] = 0;
  for (const engine::Friction& friction : readiness.frictions) {
    f.values[first + static_cast<size_t>(friction.kind)] += 1;
  }
  return f;
}

}  // namespace buyalign::forecast
