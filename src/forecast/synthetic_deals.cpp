#include "forecast/synthetic_deals.hpp"

#include <chrono>
#include <cmath>
#include <string>

#include "core/time.hpp"
#include "forecast/xoshiro.hpp"

namespace buyalign::forecast {
namespace {

double Normal(Xoshiro256& rng) {  // Box-Muller
  const double u = 1.0 - rng.Unit(), v = rng.Unit();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", value);
  return text;
}

}  // namespace

SyntheticDeals MakeSyntheticDeals(size_t rows, uint64_t seed, size_t agents) {
  Xoshiro256 rng(seed);
  SyntheticDeals out;
  Table& t = out.table;
  t.source = "synthetic.csv";
  t.names = {"deal_id",  "outcome",    "x1",    "x2",          "x3",      "x4",
             "x5",       "x6",         "x7",    "x8",          "n1",      "n2",
             "region",   "product",    "agent", "noise_level", "created", "expected_close",
             "champion", "noise_flag", "notes"};
  t.columns.resize(t.names.size());
  const double region_effect[5] = {-0.6, -0.2, 0.0, 0.3, 0.5};
  std::vector<double> agent_effect(agents);
  for (double& effect : agent_effect) effect = 0.5 * Normal(rng);
  const char* words[] = {"call", "budget",  "follow", "up",   "with",  "cfo",
                         "demo", "pricing", "next",   "week", "legal", "review"};
  const int64_t first_day = 18262;  // 2020-01-01
  for (size_t i = 0; i < rows; ++i) {
    double x[8];
    for (double& v : x) v = Normal(rng);
    const double n1 = Normal(rng), n2 = Normal(rng);
    const size_t region = rng.Below(5), product = rng.Below(8), agent = rng.Below(agents);
    const size_t noise_level = rng.Below(10);
    const int64_t created = first_day + static_cast<int64_t>(rng.Below(365));
    const int64_t gap = 10 + static_cast<int64_t>(rng.Below(190));
    const bool champion = rng.Unit() < 0.4, noise_flag = rng.Unit() < 0.5;
    const double logit =
        1.5 * (-0.3 + x[0] - 0.8 * x[1] + 0.6 * x[2] * x[3] + 0.5 * (x[4] * x[4] - 1) +
               region_effect[region] + agent_effect[agent] + (champion ? 0.8 : 0.0) -
               0.01 * static_cast<double>(gap - 100));
    const double p = 1.0 / (1.0 + std::exp(-logit));
    out.true_probability.push_back(p);
    std::string notes;
    const size_t length = 4 + rng.Below(8);
    for (size_t w = 0; w < length; ++w) notes += std::string(w ? " " : "") + words[rng.Below(12)];
    notes += " #" + std::to_string(i);
    std::vector<std::string> fields{"D" + std::to_string(100000 + i),
                                    rng.Unit() < p ? "won" : "lost",
                                    rng.Unit() < 0.05 ? "" : Number(x[0]),
                                    Number(x[1]),
                                    Number(x[2]),
                                    Number(x[3]),
                                    Number(x[4]),
                                    Number(x[5]),
                                    Number(x[6]),
                                    Number(x[7]),
                                    Number(n1),
                                    Number(n2),
                                    "region-" + std::to_string(region),
                                    "product-" + std::to_string(product),
                                    "agent-" + std::to_string(agent),
                                    "level-" + std::to_string(noise_level),
                                    core::FormatDate(core::FromUnixDays(created)),
                                    core::FormatDate(core::FromUnixDays(created + gap)),
                                    champion ? "yes" : "no",
                                    noise_flag ? "true" : "false",
                                    notes};
    t.AddRow(std::move(fields), static_cast<int64_t>(i + 2));
  }
  return out;
}

}  // namespace buyalign::forecast
