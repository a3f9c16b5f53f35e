#include "forecast/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>

#include "forecast/quantile.hpp"
#include "forecast/xoshiro.hpp"

namespace buyalign::forecast {
namespace {

using core::Error;
using core::Fail;

// The simulation kernel runs eight xoshiro256** streams side by side as GCC vectors; each 64-bit
// output feeds two deals (its high and low 32 bits), so one step decides sixteen deals.
constexpr size_t kLanes = 8;
constexpr size_t kDealsPerStep = 2 * kLanes;
constexpr size_t kTrialsPerChunk = 64;

using U64x8 = uint64_t __attribute__((vector_size(64)));
using I64x8 = int64_t __attribute__((vector_size(64)));
using F64x8 = double __attribute__((vector_size(64)));

// A deal decided by one 32-bit uniform u: booked when u < threshold, threshold = q x 2^32, so
// q = 0 never books and q = 1 (threshold 2^32) always does. Padding deals have threshold 0.
struct Kernel {
  std::vector<int64_t> thresholds;
  std::vector<double> amounts;
  size_t steps = 0;
};

// Fills totals[0, count) with the booked revenue of `count` trials. `seed_words` seeds the lanes.
// target_clones compiles the vector code for AVX-512, AVX2 and baseline x86-64 and picks one at
// load time, so the binary stays portable.
__attribute__((target_clones("avx512f", "avx2", "default"))) void SimulateTrials(
    const int64_t* thresholds, const double* amounts, size_t steps, const uint64_t* seed_words,
    double* totals, size_t count) {
  U64x8 s0, s1, s2, s3;
  std::memcpy(&s0, seed_words, sizeof s0);
  std::memcpy(&s1, seed_words + kLanes, sizeof s1);
  std::memcpy(&s2, seed_words + 2 * kLanes, sizeof s2);
  std::memcpy(&s3, seed_words + 3 * kLanes, sizeof s3);
  const U64x8 low_mask = U64x8{} + 0xffffffffULL;
  for (size_t trial = 0; trial < count; ++trial) {
    F64x8 booked = F64x8{};
    for (size_t step = 0; step < steps; ++step) {
      // Rotations written out: a helper taking a 512-bit vector by value trips -Wpsabi.
      const U64x8 scaled = s1 * 5;
      const U64x8 word = ((scaled << 7) | (scaled >> 57)) * 9;
      const U64x8 t = s1 << 17;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 45) | (s3 >> 19);

      I64x8 threshold_high, threshold_low;
      F64x8 amount_high, amount_low;
      const size_t base = step * kDealsPerStep;
      std::memcpy(&threshold_high, thresholds + base, sizeof threshold_high);
      std::memcpy(&threshold_low, thresholds + base + kLanes, sizeof threshold_low);
      std::memcpy(&amount_high, amounts + base, sizeof amount_high);
      std::memcpy(&amount_low, amounts + base + kLanes, sizeof amount_low);
      const I64x8 won_high = reinterpret_cast<I64x8>(word >> 32) < threshold_high;
      const I64x8 won_low = reinterpret_cast<I64x8>(word & low_mask) < threshold_low;
      booked += reinterpret_cast<F64x8>(reinterpret_cast<I64x8>(amount_high) & won_high);
      booked += reinterpret_cast<F64x8>(reinterpret_cast<I64x8>(amount_low) & won_low);
    }
    double total = 0.0;
    for (size_t lane = 0; lane < kLanes; ++lane) total += booked[lane];
    totals[trial] = total;
  }
}

// The probability that the deal is won and closes inside the period, or an error naming the field.
core::Result<double> InPeriodProbability(const ForecastDeal& deal, size_t index,
                                         const Period& period) {
  const std::string field = "deals[" + std::to_string(index) + "]";
  if (!std::isfinite(deal.amount)) return Fail(Error::Invalid("must be finite", field + ".amount"));
  const auto is_probability = [](double p) { return p >= 0.0 && p <= 1.0; };  // false for NaN
  if (!is_probability(deal.win_probability)) {
    return Fail(Error::Invalid("must be between 0 and 1", field + ".win_probability"));
  }
  if (!is_probability(deal.stage_probability)) {
    return Fail(Error::Invalid("must be between 0 and 1", field + ".stage_probability"));
  }
  if (deal.close_dates.empty()) {
    return Fail(Error::Invalid("needs at least one close date", field + ".close_dates"));
  }
  double total = 0.0, inside = 0.0;
  for (const CloseDate& close : deal.close_dates) {
    if (!(close.weight >= 0.0) || !std::isfinite(close.weight)) {
      return Fail(
          Error::Invalid("weights must be finite and non-negative", field + ".close_dates"));
    }
    total += close.weight;
    if (close.date >= period.begin && close.date < period.end) inside += close.weight;
  }
  if (total <= 0.0) {
    return Fail(Error::Invalid("close-date weights sum to zero", field + ".close_dates"));
  }
  return inside / total;
}

}  // namespace

core::Result<RevenueForecast> MonteCarloRevenue(std::span<const ForecastDeal> deals,
                                                const Period& period,
                                                const MonteCarloOptions& options) {
  if (options.trials < 1) return Fail(Error::Invalid("must be at least 1", "trials"));
  if (!(period.begin < period.end)) {
    return Fail(Error::Invalid("the period must end after it begins", "period"));
  }
  RevenueForecast forecast;
  forecast.trials = options.trials;
  Kernel kernel;
  kernel.steps = (deals.size() + kDealsPerStep - 1) / kDealsPerStep;
  kernel.thresholds.assign(kernel.steps * kDealsPerStep, 0);
  kernel.amounts.assign(kernel.steps * kDealsPerStep, 0.0);
  for (size_t i = 0; i < deals.size(); ++i) {
    auto in_period = InPeriodProbability(deals[i], i, period);
    if (!in_period) return Fail(in_period.error());
    const double q = deals[i].win_probability * *in_period;
    kernel.thresholds[i] = static_cast<int64_t>(std::llround(std::ldexp(q, 32)));
    kernel.amounts[i] = deals[i].amount;
    forecast.expected += deals[i].amount * q;
    forecast.stage_weighted += deals[i].amount * deals[i].stage_probability * *in_period;
  }

  const auto trials = static_cast<size_t>(options.trials);
  std::vector<double> totals(trials);
  const size_t chunks = (trials + kTrialsPerChunk - 1) / kTrialsPerChunk;
  std::atomic<size_t> next_chunk{0};
  auto work = [&] {
    uint64_t seed_words[4 * kLanes];
    for (size_t chunk = next_chunk++; chunk < chunks; chunk = next_chunk++) {
      uint64_t mixer = options.seed ^ (0xd1b54a32d192ed03ULL * (chunk + 1));
      for (uint64_t& word : seed_words) word = SplitMix64(mixer);
      const size_t first = chunk * kTrialsPerChunk;
      SimulateTrials(kernel.thresholds.data(), kernel.amounts.data(), kernel.steps, seed_words,
                     totals.data() + first, std::min(kTrialsPerChunk, trials - first));
    }
  };
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::min<size_t>(
      chunks, options.threads > 0 ? static_cast<size_t>(options.threads) : hardware);
  std::vector<std::jthread> workers;
  for (size_t i = 1; i < threads; ++i) workers.emplace_back(work);
  work();
  workers.clear();  // joins

  double sum = 0.0;
  for (double total : totals) sum += total;
  forecast.mean = sum / static_cast<double>(trials);
  forecast.p10 = Quantile(totals, 0.10);
  forecast.p50 = Quantile(totals, 0.50);
  forecast.p90 = Quantile(totals, 0.90);
  return forecast;
}

}  // namespace buyalign::forecast
