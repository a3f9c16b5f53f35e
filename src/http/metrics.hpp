#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace buyalign::http {

// Request and database-call statistics, rendered in the Prometheus text format. Counts requests
// per route template and status, and keeps a latency histogram per route and per DB operation.
// Safe for concurrent use: every method takes one short lock.
class Metrics {
 public:
  // `route` is a route label "GET /api/v1/accounts/{id}" (or "static", "unmatched").
  void ObserveRequest(std::string_view route, int status, double seconds);
  // `operation` names the store call ("getAccount").
  void ObserveDb(std::string_view operation, double seconds);

  std::string RenderPrometheus() const;

 private:
  // Upper bounds in seconds; the implicit last bucket is +Inf.
  static constexpr std::array<double, 11> kBounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                  0.05,   0.1,   0.25,   1.0,   5.0};
  struct Histogram {
    std::array<uint64_t, kBounds.size() + 1> buckets{};
    double sum = 0;
    uint64_t count = 0;
    void Observe(double seconds);
  };
  struct RouteStats {
    std::map<int, uint64_t> by_status;
    Histogram latency;
  };
  static void RenderHistogram(std::string& out, std::string_view name, std::string_view labels,
                              const Histogram& histogram);

  mutable std::mutex mu_;
  std::map<std::string, RouteStats, std::less<>> routes_;  // guarded by mu_
  std::map<std::string, Histogram, std::less<>> db_;       // guarded by mu_
};

}  // namespace buyalign::http
