#include <string>

#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/readiness_json.hpp"
#include "http/row_access.hpp"
#include "http/service_query.hpp"

namespace buyalign::http {
namespace {

constexpr size_t kDefaultActionLimit = 20;

// GET /api/v1/opportunities/{id}/next-actions[?as_of=]
Response OpportunityActions(ApiContext& ctx, const Request& request) {
  if (auto ok = RequireServices(ctx); !ok) return ErrorResponse(ok.error());
  auto as_of = AsOfFromQuery(request);
  if (!as_of) return ErrorResponse(as_of.error());
  if (auto visible = RequireVisible(ctx, request.caller, request.Param("id")); !visible) {
    return ErrorResponse(visible.error());
  }
  auto actions = ctx.Db("nextActions",
                        [&] { return ctx.actions->ForOpportunity(request.Param("id"), *as_of); });
  if (!actions) return ErrorResponse(actions.error());
  return JsonResponse(200, NextActionListJson(*actions));
}

// GET /api/v1/next-actions?owner=&limit=[&as_of=]: the best actions across the open
// opportunities the caller may see (a rep: their own and those shared with them).
Response OwnerActions(ApiContext& ctx, const Request& request) {
  if (auto ok = RequireServices(ctx); !ok) return ErrorResponse(ok.error());
  auto as_of = AsOfFromQuery(request);
  if (!as_of) return ErrorResponse(as_of.error());
  auto limit = LimitFromQuery(request, kDefaultActionLimit);
  if (!limit) return ErrorResponse(limit.error());
  auto actions = ctx.Db("listNextActions", [&] {
    return ctx.actions->ForOwner(std::string(request.Query("owner")), *limit, *as_of,
                                 request.caller.viewer());
  });
  if (!actions) return ErrorResponse(actions.error());
  return JsonResponse(200, NextActionListJson(*actions));
}

// GET /api/v1/content/coverage[?segment=]
Response Coverage(ApiContext& ctx, const Request& request) {
  if (auto ok = RequireServices(ctx); !ok) return ErrorResponse(ok.error());
  auto coverage =
      ctx.Db("contentCoverage", [&] { return ctx.actions->Coverage(request.Query("segment")); });
  if (!coverage) return ErrorResponse(coverage.error());
  return JsonResponse(200, CoverageJson(*coverage));
}

// POST /api/v1/opportunities/{id}/showroom-decision[?as_of=]: reads only, the body is ignored.
Response Showroom(ApiContext& ctx, const Request& request) {
  if (auto ok = RequireServices(ctx); !ok) return ErrorResponse(ok.error());
  auto as_of = AsOfFromQuery(request);
  if (!as_of) return ErrorResponse(as_of.error());
  if (auto visible = RequireVisible(ctx, request.caller, request.Param("id")); !visible) {
    return ErrorResponse(visible.error());
  }
  auto decision = ctx.Db("showroomDecision",
                         [&] { return ctx.actions->Showroom(request.Param("id"), *as_of); });
  if (!decision) return ErrorResponse(decision.error());
  return JsonResponse(200, ShowroomJson(*decision));
}

// GET /api/v1/content/{id}/influence[?as_of=]
Response Influence(ApiContext& ctx, const Request& request) {
  if (auto ok = RequireServices(ctx); !ok) return ErrorResponse(ok.error());
  auto as_of = AsOfFromQuery(request);
  if (!as_of) return ErrorResponse(as_of.error());
  auto influence = ctx.Db("contentInfluence",
                          [&] { return ctx.actions->Influence(request.Param("id"), *as_of); });
  if (!influence) return ErrorResponse(influence.error());
  return JsonResponse(200, InfluenceJson(*influence));
}

}  // namespace

void AddNextActionRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/opportunities/{id}/next-actions", "getOpportunityNextActions",
             Access::To(auth::Resource::kReadiness, auth::Action::kRead),
             [&ctx](Request& r) { return OpportunityActions(ctx, r); });
  router.Add("GET", "/api/v1/next-actions", "listNextActions",
             Access::To(auth::Resource::kReadiness, auth::Action::kRead),
             [&ctx](Request& r) { return OwnerActions(ctx, r); });
  // Registered before the content routes: the literal must win over /content/{id}.
  router.Add("GET", "/api/v1/content/coverage", "getContentCoverage",
             Access::To(auth::Resource::kAnalytics, auth::Action::kRead),
             [&ctx](Request& r) { return Coverage(ctx, r); });
  router.Add("POST", "/api/v1/opportunities/{id}/showroom-decision", "decideShowroom",
             Access::To(auth::Resource::kReadiness, auth::Action::kRead),
             [&ctx](Request& r) { return Showroom(ctx, r); });
  router.Add("GET", "/api/v1/content/{id}/influence", "getContentInfluence",
             Access::To(auth::Resource::kAnalytics, auth::Action::kRead),
             [&ctx](Request& r) { return Influence(ctx, r); });
}

}  // namespace buyalign::http
