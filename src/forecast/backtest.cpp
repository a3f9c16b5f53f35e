#include "forecast/backtest.hpp"

#include <cmath>

#include "forecast/owner_record.hpp"
#include "forecast/pipeline_forecast.hpp"

namespace buyalign::forecast {

core::Result<BacktestReport> RunBacktest(const History& history,
                                         const std::function<bool(const DealRecord&)>& include,
                                         const std::vector<NamedPeriod>& periods,
                                         const engine::ReadinessEngine& engine,
                                         const ForecasterAt& forecaster_at,
                                         const MonteCarloOptions& monte_carlo) {
  const OwnerRecord owners(history);
  BacktestReport report;
  double booked = 0, error = 0, stage_weighted_error = 0;
  for (const NamedPeriod& period : periods) {
    const core::Timestamp start = StartOf(period.range.begin);
    std::vector<const DealRecord*> open;
    for (const DealRecord& deal : history.deals) {
      if (include(deal) && deal.OpenAt(start)) open.push_back(&deal);
    }
    auto forecaster = forecaster_at(start);
    if (!forecaster) return core::Fail(forecaster.error());
    auto forecast =
        ForecastPeriod(open, period, start, false, **forecaster, owners, engine, monte_carlo);
    if (!forecast) return core::Fail(forecast.error());

    BacktestPeriod replayed;
    replayed.period = period;
    replayed.open_deals = static_cast<int>(open.size());
    const Booked booked_in = BookedIn(history, include, period.range);
    replayed.actual = booked_in.amount;
    replayed.won_deals = booked_in.deals;
    replayed.forecast = forecast->revenue;
    replayed.model = forecast->model;
    booked += replayed.actual;
    error += std::abs(replayed.error());
    stage_weighted_error += std::abs(replayed.stage_weighted_error());
    report.within_p10_p90 += replayed.within_p10_p90() ? 1 : 0;
    report.periods.push_back(std::move(replayed));
  }
  if (!periods.empty()) {
    const double n = static_cast<double>(periods.size());
    report.mean_absolute_error = error / n;
    report.stage_weighted_mean_absolute_error = stage_weighted_error / n;
  }
  if (booked > 0) {
    report.weighted_error = error / booked;
    report.stage_weighted_weighted_error = stage_weighted_error / booked;
  }
  return report;
}

}  // namespace buyalign::forecast
