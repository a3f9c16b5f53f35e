#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace buyalign::forecast {

// One possible close date of a deal and its relative weight (weights need not sum to one).
struct CloseDate {
  core::Date date{};
  double weight = 1.0;
};

// An open deal as the revenue forecast sees it.
struct ForecastDeal {
  double amount = 0.0;             // booked if the deal is won inside the period
  double win_probability = 0.0;    // P(won), 0..1, e.g. from the calibrated win model
  double stage_probability = 0.0;  // the CRM's stage probability, for the stage-weighted number
  // Where the deal closes if it is won: a discrete distribution over dates. A single entry with
  // weight 1 is the CRM's "expected close date".
  std::vector<CloseDate> close_dates;
};

// The half-open date range [begin, end) whose bookings are forecast.
struct Period {
  core::Date begin{};
  core::Date end{};
};

struct RevenueForecast {
  double p10 = 0.0;  // 10% of the simulated periods book less than this
  double p50 = 0.0;
  double p90 = 0.0;
  double mean = 0.0;      // the mean over the trials
  double expected = 0.0;  // the exact expectation, sum of amount x P(won and closes in period)
  // The classic number: sum of amount x stage probability over the deals, each weighted by the
  // share of its close-date weight inside the period (1 or 0 for a single expected close date).
  double stage_weighted = 0.0;
  int64_t trials = 0;
};

struct MonteCarloOptions {
  int64_t trials = 10'000;
  uint64_t seed = 1;
  // Worker threads; 0 means the hardware's count. The result does not depend on it: trials are
  // simulated in fixed chunks, each with its own seeded stream.
  int threads = 0;
};

// Simulates `options.trials` outcomes of the period and returns the quantiles of booked revenue.
//
// For one period only whether a deal is won *and* closes inside the period matters, so each trial
// draws one Bernoulli(win_probability x in-period close weight share) per deal; that is exactly
// the distribution of "draw won/lost, then draw the close date". Pure function: the same input and
// seed give the same result on every machine and thread count.
//
// Fails with kInvalidArgument (field "deals[i].<name>") on a non-finite amount, a probability
// outside [0, 1], a negative weight, a deal without close dates or with zero total weight, on
// trials < 1, or on an empty period.
core::Result<RevenueForecast> MonteCarloRevenue(std::span<const ForecastDeal> deals,
                                                const Period& period,
                                                const MonteCarloOptions& options);

}  // namespace buyalign::forecast
