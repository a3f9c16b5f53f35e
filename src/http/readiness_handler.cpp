#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/readiness_json.hpp"
#include "http/row_access.hpp"
#include "http/service_query.hpp"

namespace buyalign::http {
namespace {

// GET /api/v1/opportunities/{id}/readiness[?as_of=]
Response GetReadiness(ApiContext& ctx, const Request& request) {
  if (auto ok = RequireServices(ctx); !ok) return ErrorResponse(ok.error());
  auto as_of = AsOfFromQuery(request);
  if (!as_of) return ErrorResponse(as_of.error());
  if (auto visible = RequireVisible(ctx, request.caller, request.Param("id")); !visible) {
    return ErrorResponse(visible.error());
  }
  auto readiness =
      ctx.Db("readiness", [&] { return ctx.readiness->Readiness(request.Param("id"), *as_of); });
  if (!readiness) return ErrorResponse(readiness.error());
  return JsonResponse(200, ReadinessJson(*readiness));
}

// GET /api/v1/readiness?owner=&status=open[&as_of=]: every matching opportunity's readiness,
// among those the caller may see.
Response ListReadiness(ApiContext& ctx, const Request& request) {
  if (auto ok = RequireServices(ctx); !ok) return ErrorResponse(ok.error());
  auto as_of = AsOfFromQuery(request);
  if (!as_of) return ErrorResponse(as_of.error());
  storage::OpportunityFilter filter;
  filter.owner = std::string(request.Query("owner"));
  const storage::Viewer viewer = request.caller.viewer();
  filter.visible_to = viewer.user_id;
  filter.visibility = viewer.visibility;
  const std::string_view status = request.Query("status");
  filter.status = core::ParseEnum<domain::OpportunityStatus>(domain::kOpportunityStatusNames,
                                                             status.empty() ? "open" : status);
  if (!filter.status) {
    return ErrorResponse(core::Error::Invalid(
        "must be " + core::JoinNames(domain::kOpportunityStatusNames), "status"));
  }
  auto ids = ctx.Db("listReadiness", [&] { return ctx.readiness->OpportunityIds(filter); });
  if (!ids) return ErrorResponse(ids.error());
  std::vector<engine::OpportunityReadiness> items;
  for (const std::string& id : *ids) {
    auto readiness = ctx.readiness->Readiness(id, *as_of);
    if (!readiness) return ErrorResponse(readiness.error());
    items.push_back(std::move(*readiness));
  }
  return JsonResponse(200, ReadinessListJson(items));
}

}  // namespace

void AddReadinessRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/opportunities/{id}/readiness", "getOpportunityReadiness",
             Access::To(auth::Resource::kReadiness, auth::Action::kRead),
             [&ctx](Request& r) { return GetReadiness(ctx, r); });
  router.Add("GET", "/api/v1/readiness", "listReadiness",
             Access::To(auth::Resource::kReadiness, auth::Action::kRead),
             [&ctx](Request& r) { return ListReadiness(ctx, r); });
}

}  // namespace buyalign::http
