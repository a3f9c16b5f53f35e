#include "http/row_access.hpp"

#include <algorithm>
#include <string>

#include "http/error_response.hpp"

namespace buyalign::http {
namespace {

core::Error Hidden(std::string_view opportunity_id) {
  return core::Error::NotFound("opportunity \"" + std::string(opportunity_id) + "\" not found");
}

}  // namespace

core::Status RequireVisible(ApiContext& ctx, const Caller& caller,
                            std::string_view opportunity_id) {
  const storage::Viewer viewer = caller.viewer();
  if (!viewer.restricts()) return {};
  auto visible = ctx.Db("canSee", [&] {
    return ctx.store.CanSee(viewer.user_id, viewer.visibility, opportunity_id);
  });
  if (!visible) return core::Fail(visible.error());
  if (!*visible) return core::Fail(Hidden(opportunity_id));
  return {};
}

core::Status RequireTarget(ApiContext& ctx, const Caller& caller, std::string_view opportunity_id,
                           std::string_view field) {
  auto visible = RequireVisible(ctx, caller, opportunity_id);
  if (visible) return {};
  if (visible.error().code != core::ErrorCode::kNotFound) return visible;
  auto exists = ctx.Db("getOpportunity", [&] { return ctx.store.GetOpportunity(opportunity_id); });
  if (!exists && exists.error().code == core::ErrorCode::kNotFound) return {};
  if (!exists) return core::Fail(exists.error());
  core::Error error;
  error.code = core::ErrorCode::kUnknownReference;
  error.message = "no opportunity with id \"" + std::string(opportunity_id) + "\"";
  error.field = std::string(field);
  return core::Fail(std::move(error));
}

core::Status RequireOwnerInReach(ApiContext& ctx, const Caller& caller, std::string_view owner) {
  if (caller.scope == auth::Scope::kAll || owner == caller.user_id) return {};
  if (caller.scope == auth::Scope::kTeam) {
    auto covered =
        ctx.Db("listManagedUsers", [&] { return ctx.store.ListManagedUsers(caller.user_id); });
    if (!covered) return core::Fail(covered.error());
    if (std::binary_search(covered->begin(), covered->end(), std::string(owner))) return {};
  }
  return core::Fail(MakeError(core::ErrorCode::kForbidden,
                              caller.scope == auth::Scope::kTeam
                                  ? "you may give deals only to yourself or your teams' members"
                                  : "you may own deals only yourself",
                              "owner"));
}

}  // namespace buyalign::http
