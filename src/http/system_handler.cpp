#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/openapi_document.hpp"

namespace buyalign::http {
namespace {

// GET /healthz: 200 when the database answers a query, else the store's error (503 when busy).
Response Health(ApiContext& ctx) {
  storage::PageRequest one;
  one.limit = 1;
  auto probe = ctx.Db("health", [&] { return ctx.store.ListAccounts(one); });
  if (!probe) return ErrorResponse(probe.error());
  return JsonResponse(200, R"({"status":"ok"})");
}

Response MetricsText(ApiContext& ctx) {
  Response response;
  response.content_type = "text/plain; version=0.0.4";
  response.body = ctx.metrics.RenderPrometheus();
  return response;
}

}  // namespace

void AddSystemRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/healthz", "health", Access::Public(),
             [&ctx](Request&) { return Health(ctx); });
  router.Add("GET", "/metrics", "metrics", Access::Public(),
             [&ctx](Request&) { return MetricsText(ctx); });
  router.Add("GET", "/api/v1/openapi.json", "getOpenApi", Access::Public(),
             [](Request&) { return JsonResponse(200, std::string(OpenApiDocument())); });
}

}  // namespace buyalign::http
