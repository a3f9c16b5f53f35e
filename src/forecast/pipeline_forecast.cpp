#include "forecast/pipeline_forecast.hpp"

#include "forecast/close_timing.hpp"
#include "forecast/deal_features.hpp"

namespace buyalign::forecast {
namespace {

bool Inside(core::Date day, const Period& period) {
  return day >= period.begin && day < period.end;
}

double InPeriodShare(const std::vector<CloseDate>& dates, const Period& period) {
  double inside = 0, total = 0;
  for (const CloseDate& d : dates) {
    total += d.weight;
    if (Inside(d.date, period)) inside += d.weight;
  }
  return total > 0 ? inside / total : 0.0;
}

}  // namespace

core::Result<PeriodForecast> ForecastPeriod(std::span<const DealRecord* const> deals,
                                            const NamedPeriod& period, core::Timestamp as_of,
                                            bool live, const WinForecaster& forecaster,
                                            const OwnerRecord& owners,
                                            const engine::ReadinessEngine& engine,
                                            const MonteCarloOptions& monte_carlo) {
  const methodology::Methodology& methodology = engine.methodology();
  PeriodForecast out;
  out.period = period;
  out.as_of = as_of;
  out.model = forecaster.summary();
  std::vector<DealFeatures> features;
  std::vector<std::vector<CloseDate>> close_dates;
  for (const DealRecord* deal : deals) {
    auto readiness = engine.Analyze(*deal->input, as_of);
    if (!readiness) {
      core::Error error = readiness.error();
      error.message = "opportunity \"" + deal->id() + "\": " + error.message;
      return core::Fail(std::move(error));
    }
    features.push_back(ComputeFeatures(*deal, *readiness, owners, methodology, as_of));
    // The CRM's expected close date is its latest value: only a live forecast may read it.
    const auto expected_close = live ? deal->opportunity->expected_close : std::nullopt;
    close_dates.push_back(CloseDatesFromReadiness(*readiness, methodology, expected_close, as_of));
  }
  auto estimates = forecaster.Predict(features);
  if (!estimates) return core::Fail(estimates.error());

  std::vector<ForecastDeal> simulated;
  double stage_weighted = 0;
  for (size_t i = 0; i < deals.size(); ++i) {
    const DealRecord& deal = *deals[i];
    DealForecast d;
    d.opportunity_id = deal.id();
    d.owner = deal.opportunity->owner;
    d.amount = deal.opportunity->amount.value_or(0.0);
    d.win = std::move((*estimates)[i]);
    d.in_period = InPeriodShare(close_dates[i], period.range);
    d.likely_close = MedianDate(close_dates[i]);
    d.crm_close = deal.opportunity->expected_close;
    d.stage = SellerStageAt(deal, as_of, live);
    if (d.crm_close && Inside(*d.crm_close, period.range)) {
      d.stage_weighted = d.amount * d.stage.probability;
    }
    stage_weighted += d.stage_weighted;
    simulated.push_back({d.amount, d.win.probability, d.stage.probability, close_dates[i]});
    out.deals.push_back(std::move(d));
  }
  auto revenue = MonteCarloRevenue(simulated, period.range, monte_carlo);
  if (!revenue) return core::Fail(revenue.error());
  out.revenue = *revenue;
  out.revenue.stage_weighted = stage_weighted;
  return out;
}

Booked BookedIn(const History& history, const std::function<bool(const DealRecord&)>& include,
                const Period& period) {
  Booked booked;
  for (const DealRecord& deal : history.deals) {
    if (!deal.Won() || !include(deal)) continue;
    const auto closed = deal.ClosedAt();
    if (closed && Inside(DayOf(*closed), period)) {
      booked.amount += deal.BookedAmount();
      ++booked.deals;
    }
  }
  return booked;
}

}  // namespace buyalign::forecast
