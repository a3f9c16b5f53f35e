#include "forecast/win_forecaster.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "forecast/win_prior.hpp"

namespace buyalign::forecast {
namespace {

constexpr const char* kTarget = "outcome";
constexpr const char* kWon = "won";
constexpr int64_t kDaySeconds = 86400;

// FNV-1a: a stable hash, the same on every machine and run (std::hash is neither).
uint64_t StableHash(std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The moment of a closed deal's open life that its training row describes.
core::Timestamp TrainingMoment(const DealRecord& deal, core::Timestamp closed) {
  const int64_t end = core::ToUnixSeconds(closed);
  const auto started = deal.StartedAt();
  int64_t start = started ? core::ToUnixSeconds(*started) : end - 30 * kDaySeconds;
  if (start >= end) start = end - kDaySeconds;
  const double u = 0.15 + 0.7 * static_cast<double>(StableHash(deal.id()) >> 11) * 0x1p-53;
  return core::FromUnixSeconds(start + static_cast<int64_t>(u * static_cast<double>(end - start)));
}

std::string Cell(double value) {
  if (std::isnan(value)) return {};
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

// The features as the win-model builder's table, one row per deal, with the outcome column when
// `won` is given.
Table FeatureTable(std::span<const DealFeatures> deals, const std::vector<bool>* won) {
  Table table;
  table.source = "the readiness features";
  for (size_t f = 0; f < kFeatureCount; ++f) table.names.emplace_back(FeatureName(f));
  if (won != nullptr) table.names.emplace_back(kTarget);
  table.columns.resize(table.names.size());
  for (size_t row = 0; row < deals.size(); ++row) {
    for (size_t f = 0; f < kFeatureCount; ++f) {
      table.columns[f].push_back(Cell(deals[row].ModelInput(f)));
    }
    if (won != nullptr) table.columns.back().emplace_back((*won)[row] ? kWon : "lost");
    table.lines.push_back(static_cast<int64_t>(row) + 1);
  }
  return table;
}

double LogOdds(double p) {
  p = std::clamp(p, 1e-6, 1.0 - 1e-6);
  return std::log(p / (1.0 - p));
}

}  // namespace

core::Result<WinForecaster> WinForecaster::Fit(const History& history, const OwnerRecord& owners,
                                               const engine::ReadinessEngine& engine,
                                               core::Timestamp as_of,
                                               const ForecasterOptions& options) {
  WinForecaster forecaster;
  forecaster.purchase_stage_ = engine.methodology().purchase_stage();
  std::vector<DealFeatures> rows;
  std::vector<bool> won;
  for (const DealRecord& deal : history.deals) {
    const auto closed = deal.ClosedAt();
    if (!closed || *closed >= as_of) continue;
    const core::Timestamp moment = TrainingMoment(deal, *closed);
    auto readiness = engine.Analyze(*deal.input, moment);
    if (!readiness) continue;
    rows.push_back(ComputeFeatures(deal, *readiness, owners, engine.methodology(), moment));
    won.push_back(deal.Won());
  }
  Summary& summary = forecaster.summary_;
  summary.closed_deals = static_cast<int>(rows.size());
  summary.won = static_cast<int>(std::count(won.begin(), won.end(), true));
  if (summary.closed_deals < options.min_closed || summary.won < options.min_each_outcome ||
      summary.closed_deals - summary.won < options.min_each_outcome) {
    return forecaster;
  }

  TrainOptions train;
  train.target = kTarget;
  train.positive = kWon;
  train.seed = options.seed;
  train.boosting.threads = 1;  // deterministic, and small data gains nothing from more
  for (size_t f = 0; f < kFeatureCount; ++f) {
    const bool all_missing = std::all_of(rows.begin(), rows.end(), [&](const DealFeatures& row) {
      return std::isnan(row.values[f]);
    });
    if (all_missing) train.drop.emplace_back(FeatureName(f));
  }
  auto model = WinModel::Train(FeatureTable(rows, &won), train);
  if (!model) return core::Fail(model.error());
  for (const std::string& name : model->parts().pipeline.feature_names()) {
    for (size_t f = 0; f < kFeatureCount; ++f) {
      if (FeatureName(f) == name) forecaster.model_features_.push_back(f);
    }
  }
  summary.learned = true;
  summary.kind = model->parts().chosen;
  summary.learned_weight =
      summary.closed_deals / (summary.closed_deals + options.half_weight_deals);
  forecaster.model_ = std::move(*model);
  return forecaster;
}

core::Result<std::vector<WinEstimate>> WinForecaster::Predict(
    std::span<const DealFeatures> deals) const {
  std::vector<double> learned;
  std::vector<double> contributions;
  if (model_ && !deals.empty()) {
    auto x = model_->parts().pipeline.Transform(FeatureTable(deals, nullptr));
    if (!x) return core::Fail(x.error());
    std::lock_guard lock(*predict_mutex_);
    auto p = model_->Predict(*x, summary_.kind);
    if (!p) return core::Fail(p.error());
    auto c = model_->Contributions(*x, summary_.kind);
    if (!c) return core::Fail(c.error());
    learned = std::move(*p);
    contributions = std::move(*c);
  }
  const double w = model_ ? summary_.learned_weight : 0.0;
  const size_t width = model_features_.size() + 1;  // the features, then the bias
  std::vector<WinEstimate> out(deals.size());
  for (size_t i = 0; i < deals.size(); ++i) {
    WinEstimate& estimate = out[i];
    const WinPrior::Score prior = WinPrior::Of(deals[i], purchase_stage_);
    std::array<double, kFeatureCount> effect{};
    for (const auto& [feature, term] : prior.terms) {
      effect[static_cast<size_t>(feature)] += (1 - w) * term;
    }
    double log_odds = LogOdds(prior.probability);
    if (model_) {
      estimate.learned = learned[i];
      log_odds = (1 - w) * log_odds + w * LogOdds(learned[i]);
      for (size_t j = 0; j < model_features_.size(); ++j) {
        effect[model_features_[j]] += w * contributions[i * width + j];
      }
    }
    estimate.probability = 1.0 / (1.0 + std::exp(-log_odds));
    estimate.prior = prior.probability;
    estimate.learned_weight = w;
    for (size_t f = 0; f < kFeatureCount; ++f) {
      if (std::abs(effect[f]) > 1e-9) {
        estimate.reasons.push_back({static_cast<Feature>(f), deals[i].values[f], effect[f]});
      }
    }
    std::stable_sort(estimate.reasons.begin(), estimate.reasons.end(),
                     [](const WinReason& a, const WinReason& b) {
                       return std::abs(a.effect) > std::abs(b.effect);
                     });
  }
  return out;
}

}  // namespace buyalign::forecast
