#include "http/metrics.hpp"

#include <fmt/format.h>

namespace buyalign::http {
namespace {

// Label values are route templates and operation ids we define, but escape anyway so a future
// label can never break the exposition format.
std::string EscapeLabel(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// "GET /api/v1/accounts" -> method="GET",route="/api/v1/accounts"; labels without a method
// ("static") get method="".
std::string RouteLabels(std::string_view label) {
  const size_t space = label.find(' ');
  std::string_view method;
  std::string_view route = label;
  if (space != std::string_view::npos) {
    method = label.substr(0, space);
    route = label.substr(space + 1);
  }
  return fmt::format("method=\"{}\",route=\"{}\"", EscapeLabel(method), EscapeLabel(route));
}

template <class Map>
auto& Entry(Map& map, std::string_view key) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), typename Map::mapped_type{}).first;
  return it->second;
}

}  // namespace

void Metrics::Histogram::Observe(double seconds) {
  size_t i = 0;
  while (i < kBounds.size() && seconds > kBounds[i]) ++i;
  ++buckets[i];
  sum += seconds;
  ++count;
}

void Metrics::ObserveRequest(std::string_view route, int status, double seconds) {
  std::lock_guard lock(mu_);
  RouteStats& stats = Entry(routes_, route);
  ++stats.by_status[status];
  stats.latency.Observe(seconds);
}

void Metrics::ObserveDb(std::string_view operation, double seconds) {
  std::lock_guard lock(mu_);
  Entry(db_, operation).Observe(seconds);
}

void Metrics::RenderHistogram(std::string& out, std::string_view name, std::string_view labels,
                              const Histogram& histogram) {
  uint64_t cumulative = 0;
  for (size_t i = 0; i < kBounds.size(); ++i) {
    cumulative += histogram.buckets[i];
    out += fmt::format("{}_bucket{{{},le=\"{}\"}} {}\n", name, labels, kBounds[i], cumulative);
  }
  cumulative += histogram.buckets.back();
  out += fmt::format("{}_bucket{{{},le=\"+Inf\"}} {}\n", name, labels, cumulative);
  out += fmt::format("{}_sum{{{}}} {}\n", name, labels, histogram.sum);
  out += fmt::format("{}_count{{{}}} {}\n", name, labels, histogram.count);
}

std::string Metrics::RenderPrometheus() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP buyalign_http_requests_total HTTP requests by route template and status.\n";
  out += "# TYPE buyalign_http_requests_total counter\n";
  for (const auto& [label, stats] : routes_) {
    const std::string labels = RouteLabels(label);
    for (const auto& [status, count] : stats.by_status) {
      out += fmt::format("buyalign_http_requests_total{{{},status=\"{}\"}} {}\n", labels, status,
                         count);
    }
  }
  out += "# HELP buyalign_http_request_duration_seconds Time to handle a request.\n";
  out += "# TYPE buyalign_http_request_duration_seconds histogram\n";
  for (const auto& [label, stats] : routes_) {
    RenderHistogram(out, "buyalign_http_request_duration_seconds", RouteLabels(label),
                    stats.latency);
  }
  out += "# HELP buyalign_db_call_duration_seconds Time spent in store calls.\n";
  out += "# TYPE buyalign_db_call_duration_seconds histogram\n";
  for (const auto& [operation, histogram] : db_) {
    RenderHistogram(out, "buyalign_db_call_duration_seconds",
                    fmt::format("operation=\"{}\"", EscapeLabel(operation)), histogram);
  }
  return out;
}

}  // namespace buyalign::http
