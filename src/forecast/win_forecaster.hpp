#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "engine/readiness_engine.hpp"
#include "forecast/deal_features.hpp"
#include "forecast/deal_history.hpp"
#include "forecast/owner_record.hpp"
#include "forecast/win_model.hpp"

namespace buyalign::forecast {

// One feature's push on a deal's win probability, in log-odds (positive: towards a win).
struct WinReason {
  Feature feature = Feature::kReadinessStage;
  double value = 0;   // the feature's value as a person reads it (DealFeatures); NaN if missing
  double effect = 0;  // prior and learned model together, each by its share of the blend
};

struct WinEstimate {
  double probability = 0;          // the blend: what the forecast uses
  double prior = 0;                // WinPrior's probability
  std::optional<double> learned;   // the learned model's calibrated probability, when trained
  double learned_weight = 0;       // the learned model's share of the blend, 0..1
  std::vector<WinReason> reasons;  // every feature with an effect, strongest first
};

struct ForecasterOptions {
  // Below this many closed deals, or this many of either outcome, nothing is learned and the
  // prior answers alone.
  int min_closed = 20;
  int min_each_outcome = 5;
  // The learned model's share of the blend is n / (n + half_weight_deals) for n closed deals:
  // half at 100, 80% at 400. The big CRMs wait for hundreds of closed deals before they score;
  // this starts early and trusts the data as it grows.
  double half_weight_deals = 100;
  uint64_t seed = 1;
};

// The win probability of open deals: the documented prior (WinPrior) blended in log-odds with a
// win model learned from the organisation's closed deals (WinModel over the readiness features):
//
//   log-odds = (1 - w) x log-odds(prior) + w x log-odds(learned),  w = n / (n + half_weight_deals)
//
// Each closed deal gives one training row: its features at one moment of its open life, chosen
// by a hash of its id between 15% and 85% of the way from start to close (a deal is forecast
// while open, never on the day it closes), computed from the evidence and the owner's record up
// to that moment only. Training is deterministic (fixed seed, rows in id order, one thread), so
// servers that share a database learn identical models from identical data.
//
// Movable; Predict is safe from many threads (the boosted model is guarded by a mutex).
class WinForecaster {
 public:
  struct Summary {
    int closed_deals = 0;  // closed before as_of: the training rows
    int won = 0;
    bool learned = false;                  // whether a model was trained
    ModelKind kind = ModelKind::kBoosted;  // the learned model's chosen kind
    double learned_weight = 0;
  };

  // Learns from the deals of `history` closed before `as_of`. Deals whose readiness cannot be
  // computed (a signal kind the methodology does not know) are left out of training. Fails only
  // when training itself fails (kInternal from XGBoost).
  static core::Result<WinForecaster> Fit(const History& history, const OwnerRecord& owners,
                                         const engine::ReadinessEngine& engine,
                                         core::Timestamp as_of, const ForecasterOptions& options);

  core::Result<std::vector<WinEstimate>> Predict(std::span<const DealFeatures> deals) const;

  const Summary& summary() const { return summary_; }
  int purchase_stage() const { return purchase_stage_; }

 private:
  WinForecaster() = default;

  Summary summary_;
  int purchase_stage_ = 0;
  std::optional<WinModel> model_;
  // Maps the model's feature columns to Feature indices.
  std::vector<size_t> model_features_;
  std::unique_ptr<std::mutex> predict_mutex_ = std::make_unique<std::mutex>();
};

}  // namespace buyalign::forecast
