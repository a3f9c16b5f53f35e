// Benchmarks of the forecast module, each with a reference measured in the same run so the
// figures survive a slower or busier machine:
//  - MonteCarloRevenue on 100,000 deals x 10,000 trials, against a plain scalar loop
//    (std::mt19937_64 + std::bernoulli_distribution) run on 1% of the trials;
//  - WinModel::Train on 100,000 synthetic rows x 20 columns (known generating model), against
//    the logistic baseline alone on the same features.
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <vector>

#include "forecast/feature_pipeline.hpp"
#include "forecast/logistic_model.hpp"
#include "forecast/metrics.hpp"
#include "forecast/monte_carlo.hpp"
#include "forecast/synthetic_deals.hpp"
#include "forecast/win_model.hpp"

namespace {

using namespace buyalign::forecast;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

const buyalign::core::Date kStart = buyalign::core::FromUnixDays(19723);  // 2024-01-01

std::vector<ForecastDeal> Deals(size_t count) {
  std::vector<ForecastDeal> deals;
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (size_t i = 0; i < count; ++i) {
    ForecastDeal deal{1000.0 + 9000.0 * unit(rng), unit(rng), 0.3, {}};
    // Three candidate close dates spread over five months.
    for (int k = 0; k < 3; ++k) {
      deal.close_dates.push_back(
          {kStart + std::chrono::days{static_cast<int>(150 * unit(rng))}, 1.0 + k});
    }
    deals.push_back(std::move(deal));
  }
  return deals;
}

// The textbook loop: one Bernoulli draw per deal per trial from the standard library.
double ScalarReferenceSeconds(const std::vector<double>& q, const std::vector<double>& amount,
                              int trials) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> totals(static_cast<size_t>(trials));
  const auto started = Clock::now();
  for (double& total : totals) {
    for (size_t i = 0; i < q.size(); ++i) total += unit(rng) < q[i] ? amount[i] : 0.0;
  }
  benchmark::DoNotOptimize(totals.data());
  return Seconds(started);
}

void BM_MonteCarlo_100kDeals_10kTrials(benchmark::State& state) {
  const std::vector<ForecastDeal> deals = Deals(100'000);
  const Period quarter{kStart, kStart + std::chrono::days{90}};
  constexpr int kTrials = 10'000;
  double seconds = 0.0;
  for (auto _ : state) {
    const auto started = Clock::now();
    auto forecast = MonteCarloRevenue(deals, quarter, {.trials = kTrials, .seed = 1});
    seconds = Seconds(started);
    benchmark::DoNotOptimize(forecast);
  }
  std::vector<double> q, amount;
  for (const ForecastDeal& deal : deals) {
    q.push_back(deal.win_probability * 0.5);
    amount.push_back(deal.amount);
  }
  const double reference = ScalarReferenceSeconds(q, amount, kTrials / 100) * 100;
  state.counters["seconds"] = seconds;
  state.counters["ns_per_deal_trial"] = 1e9 * seconds / (100'000.0 * kTrials);
  state.counters["speedup_vs_scalar"] = reference / seconds;
}
BENCHMARK(BM_MonteCarlo_100kDeals_10kTrials)->Iterations(1)->Unit(benchmark::kSecond);

void BM_TrainWinModel_100kRows_20Columns(benchmark::State& state) {
  const SyntheticDeals data = MakeSyntheticDeals(120'000, 5);
  TrainOptions options;
  options.target = "outcome";
  options.positive = "won";
  options.id = "deal_id";
  std::vector<size_t> train_rows(100'000), test_rows(20'000);
  for (size_t i = 0; i < train_rows.size(); ++i) train_rows[i] = i;
  for (size_t i = 0; i < test_rows.size(); ++i) test_rows[i] = 100'000 + i;
  std::vector<float> labels(data.table.rows());
  const size_t outcome = *data.table.Find("outcome");
  for (size_t i = 0; i < labels.size(); ++i) labels[i] = data.table.columns[outcome][i] == "won";

  double seconds = 0.0;
  std::optional<WinModel> model;
  for (auto _ : state) {
    const auto started = Clock::now();
    auto trained = WinModel::Train(data.table, labels, train_rows, options);
    seconds = Seconds(started);
    if (!trained) {
      state.SkipWithError(trained.error().message.c_str());
      return;
    }
    model.emplace(std::move(*trained));
  }
  // Reference: the logistic baseline alone on the same 100k x features matrix.
  FeatureMatrix x;
  PipelineOptions pipeline_options{options.target, options.id, {}, {}};
  auto pipeline = FeaturePipeline::Fit(data.table, train_rows, labels, pipeline_options, x);
  std::vector<float> y(labels.begin(), labels.begin() + 100'000);
  const auto started = Clock::now();
  auto logistic = LogisticModel::Fit(x, y, {});
  const double reference = Seconds(started);
  benchmark::DoNotOptimize(logistic);

  std::vector<float> test_labels(labels.begin() + 100'000, labels.end());
  std::vector<double> truth(data.true_probability.begin() + 100'000, data.true_probability.end());
  auto p = model->Predict(data.table, test_rows, ModelKind::kBoosted);
  state.counters["seconds"] = seconds;
  state.counters["ratio_vs_logistic_fit"] = seconds / reference;
  state.counters["rounds"] = model->parts().summary.candidates[0].rounds;
  state.counters["test_auc"] = p ? Auc(*p, test_labels) : 0.0;
  state.counters["true_model_auc"] = Auc(truth, test_labels);
}
BENCHMARK(BM_TrainWinModel_100kRows_20Columns)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
