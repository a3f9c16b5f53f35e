// Sharing an opportunity with a colleague, who then sees and edits it as if they owned it:
// GET /api/v1/opportunities/{id}/shares, PUT and DELETE .../shares/{user_id}. Whoever may edit
// the deal (its owner, their manager, an admin, or someone it is shared with) may share it.
#include <string>

#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/json_out.hpp"
#include "http/row_access.hpp"

namespace buyalign::http {
namespace {

Response SharesResponse(ApiContext& ctx, std::string_view opportunity_id) {
  auto users = ctx.Db("listShares", [&] { return ctx.store.ListShares(opportunity_id); });
  if (!users) return ErrorResponse(users.error());
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  out.Key("items");
  out.StartArray();
  for (const std::string& user : *users) WriteString(out, user);
  out.EndArray();
  out.EndObject();
  return JsonResponse(200, Written(buffer));
}

// GET: {"items":[user ids]}.
Response ListShares(ApiContext& ctx, const Request& request) {
  const std::string_view id = request.Param("id");
  if (auto visible = RequireVisible(ctx, request.caller, id); !visible) {
    return ErrorResponse(visible.error());
  }
  return SharesResponse(ctx, id);
}

// PUT (share) and DELETE (unshare); both idempotent, both answer the shares as GET does.
Response ChangeShare(ApiContext& ctx, const Request& request, bool share) {
  const std::string_view id = request.Param("id");
  const std::string_view user = request.Param("user_id");
  if (auto visible = RequireVisible(ctx, request.caller, id); !visible) {
    return ErrorResponse(visible.error());
  }
  const storage::Actor actor = request.caller.actor();
  auto done = ctx.Db(share ? "shareOpportunity" : "unshareOpportunity", [&] {
    return share ? ctx.store.ShareOpportunity(id, user, actor)
                 : ctx.store.UnshareOpportunity(id, user, actor);
  });
  if (!done) return ErrorResponse(done.error());
  return SharesResponse(ctx, id);
}

}  // namespace

void AddShareRoutes(Router& router, ApiContext& ctx) {
  using auth::Action;
  using auth::Resource;
  router.Add("GET", "/api/v1/opportunities/{id}/shares", "listOpportunityShares",
             Access::To(Resource::kOpportunity, Action::kRead),
             [&ctx](Request& r) { return ListShares(ctx, r); });
  router.Add("PUT", "/api/v1/opportunities/{id}/shares/{user_id}", "shareOpportunity",
             Access::To(Resource::kOpportunity, Action::kUpdate),
             [&ctx](Request& r) { return ChangeShare(ctx, r, true); });
  router.Add("DELETE", "/api/v1/opportunities/{id}/shares/{user_id}", "unshareOpportunity",
             Access::To(Resource::kOpportunity, Action::kUpdate),
             [&ctx](Request& r) { return ChangeShare(ctx, r, false); });
}

}  // namespace buyalign::http
