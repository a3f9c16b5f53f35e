#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace buyalign::http {
namespace {

bool Contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

TEST(Metrics, CountsPerRouteAndStatus) {
  Metrics metrics;
  metrics.ObserveRequest("GET /api/v1/accounts/{id}", 200, 0.0002);
  metrics.ObserveRequest("GET /api/v1/accounts/{id}", 200, 0.003);
  metrics.ObserveRequest("GET /api/v1/accounts/{id}", 404, 0.0001);
  const std::string text = metrics.RenderPrometheus();
  EXPECT_TRUE(Contains(
      text,
      R"(buyalign_http_requests_total{method="GET",route="/api/v1/accounts/{id}",status="200"} 2)"))
      << text;
  EXPECT_TRUE(Contains(
      text,
      R"(buyalign_http_requests_total{method="GET",route="/api/v1/accounts/{id}",status="404"} 1)"));
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics metrics;
  metrics.ObserveRequest("GET /x", 200, 0.0002);  // first bucket
  metrics.ObserveRequest("GET /x", 200, 0.003);   // le=0.005
  metrics.ObserveRequest("GET /x", 200, 60);      // only +Inf
  const std::string text = metrics.RenderPrometheus();
  const std::string prefix =
      R"(buyalign_http_request_duration_seconds_bucket{method="GET",route="/x",)";
  EXPECT_TRUE(Contains(text, prefix + R"(le="0.0005"} 1)")) << text;
  EXPECT_TRUE(Contains(text, prefix + R"(le="0.0025"} 1)"));
  EXPECT_TRUE(Contains(text, prefix + R"(le="0.005"} 2)"));
  EXPECT_TRUE(Contains(text, prefix + R"(le="5"} 2)"));
  EXPECT_TRUE(Contains(text, prefix + R"(le="+Inf"} 3)"));
  EXPECT_TRUE(
      Contains(text, R"(buyalign_http_request_duration_seconds_count{method="GET",route="/x"} 3)"));
}

TEST(Metrics, DbCallsHaveTheirOwnHistogram) {
  Metrics metrics;
  metrics.ObserveDb("getAccount", 0.0001);
  const std::string text = metrics.RenderPrometheus();
  EXPECT_TRUE(
      Contains(text, R"(buyalign_db_call_duration_seconds_count{operation="getAccount"} 1)"))
      << text;
}

TEST(Metrics, LabelsAreEscaped) {
  Metrics metrics;
  metrics.ObserveRequest("GET /a\"b", 200, 0.001);
  EXPECT_TRUE(Contains(metrics.RenderPrometheus(), R"(route="/a\"b")"));
}

}  // namespace
}  // namespace buyalign::http
