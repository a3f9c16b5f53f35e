#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "core/result.hpp"
#include "engine/readiness_engine.hpp"
#include "forecast/deal_history.hpp"
#include "forecast/monte_carlo.hpp"
#include "forecast/period.hpp"
#include "forecast/win_forecaster.hpp"

namespace buyalign::forecast {

// One replayed period: what both methods forecast at its first moment and what was booked.
struct BacktestPeriod {
  NamedPeriod period;
  int open_deals = 0;        // the pipeline at the period's start
  int won_deals = 0;         // deals won inside the period (including ones created during it)
  double actual = 0;         // revenue booked inside the period
  RevenueForecast forecast;  // Buyalign's, with the stage-weighted number in stage_weighted
  WinForecaster::Summary model;
  double error() const { return forecast.p50 - actual; }
  double stage_weighted_error() const { return forecast.stage_weighted - actual; }
  bool within_p10_p90() const { return actual >= forecast.p10 && actual <= forecast.p90; }
};

struct BacktestReport {
  std::vector<BacktestPeriod> periods;  // oldest first
  // Over the periods: mean absolute error of Buyalign's P50 and of the stage-weighted number,
  // and the same as a share of everything booked (weighted absolute percentage error; 0 when
  // nothing was booked).
  double mean_absolute_error = 0, stage_weighted_mean_absolute_error = 0;
  double weighted_error = 0, stage_weighted_weighted_error = 0;
  int within_p10_p90 = 0;  // periods whose actual fell inside Buyalign's P10-P90
};

// The win forecaster as of a moment (trained on deals closed before it); the service caches them.
using ForecasterAt =
    std::function<core::Result<std::shared_ptr<const WinForecaster>>(core::Timestamp as_of)>;

// Replays `periods`: for each, at the start of its first day, the deals `include` accepts that
// were open then are forecast exactly as a live forecast would have been on that day (readiness
// from the evidence up to it, a forecaster trained on deals closed before it, the seller's stage
// from the stage history or activities up to it), and compared with the revenue the accepted
// deals booked inside the period. Nothing after the period's start reaches its forecast.
//
// The CRM keeps only the latest expected close date, which for a closed deal is usually the day
// it closed: the stage-weighted number, which counts deals by that date, is favoured by the
// replay (docs/forecasting.md). Buyalign's forecast never reads it in a replay.
core::Result<BacktestReport> RunBacktest(const History& history,
                                         const std::function<bool(const DealRecord&)>& include,
                                         const std::vector<NamedPeriod>& periods,
                                         const engine::ReadinessEngine& engine,
                                         const ForecasterAt& forecaster_at,
                                         const MonteCarloOptions& monte_carlo);

}  // namespace buyalign::forecast
