#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "engine/readiness_engine.hpp"
#include "forecast/deal_history.hpp"
#include "forecast/monte_carlo.hpp"
#include "forecast/owner_record.hpp"
#include "forecast/period.hpp"
#include "forecast/seller_stage.hpp"
#include "forecast/win_forecaster.hpp"

namespace buyalign::forecast {

// One open deal in a period's forecast.
struct DealForecast {
  std::string opportunity_id;
  std::string owner;
  double amount = 0;
  WinEstimate win;
  double in_period = 0;                 // P(closes inside the period | won), from readiness
  core::Date likely_close{};            // the median of the readiness-based close dates
  std::optional<core::Date> crm_close;  // the CRM's expected close date
  SellerStage stage;                    // for the stage-weighted number
  double stage_weighted = 0;            // amount x stage probability when crm_close is inside
};

// The revenue forecast of one period over an open pipeline: the Monte Carlo of booked revenue
// (each deal won with its blended win probability, on a close date drawn from its readiness)
// beside the classic stage-weighted number (amount x the seller's stage probability, for the
// deals whose CRM expected close date falls inside the period).
struct PeriodForecast {
  NamedPeriod period;
  core::Timestamp as_of{};
  RevenueForecast revenue;          // revenue.stage_weighted is the classic number as defined above
  std::vector<DealForecast> deals;  // in the order given
  WinForecaster::Summary model;
};

// Forecasts `period` at `as_of` over `deals`, each open at as_of. `live` says as_of is now: only
// then may the opportunity's current CRM stage (SellerStageAt) and, for a deal without DMU
// members, its expected close date (CloseDatesFromReadiness) be read. Fails when a deal's
// readiness cannot be computed (kInvalidArgument naming the opportunity) or on Monte Carlo input
// errors.
core::Result<PeriodForecast> ForecastPeriod(std::span<const DealRecord* const> deals,
                                            const NamedPeriod& period, core::Timestamp as_of,
                                            bool live, const WinForecaster& forecaster,
                                            const OwnerRecord& owners,
                                            const engine::ReadinessEngine& engine,
                                            const MonteCarloOptions& monte_carlo);

// What the deals `include` accepts booked inside `period`: those won with a close time in
// [begin, end), and their amounts.
struct Booked {
  double amount = 0;
  int deals = 0;
};
Booked BookedIn(const History& history, const std::function<bool(const DealRecord&)>& include,
                const Period& period);

}  // namespace buyalign::forecast
