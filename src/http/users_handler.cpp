// Users and the teams managers manage: GET/POST /api/v1/users, GET/PATCH /api/v1/users/{id},
// PUT/DELETE /api/v1/users/{id}/managed-teams/{team}. Changing users is for admins (the
// policy); reading follows the caller's scope: a manager sees their teams' members, anyone else
// themselves. Passwords are set here but never shown.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "auth/password.hpp"
#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/query.hpp"
#include "http/user_json.hpp"

namespace buyalign::http {
namespace {

using core::ErrorCode;

constexpr std::string_view kUserFields[] = {"id",   "name",     "email",    "role",
                                            "team", "password", "disabled", "manages"};

core::Status OnlyKnownFields(const rapidjson::Document& doc) {
  for (const auto& member : doc.GetObject()) {
    const std::string_view name(member.name.GetString(), member.name.GetStringLength());
    if (std::find(std::begin(kUserFields), std::end(kUserFields), name) == std::end(kUserFields)) {
      return core::Fail(core::Error::Invalid("is not a field of a user", std::string(name)));
    }
  }
  return {};
}

// The optional fields the record codec does not know: a password (hashed at once), disabled,
// and the teams a manager manages.
struct Extras {
  std::optional<std::string> password_hash;
  std::optional<bool> disabled;
  std::optional<std::vector<std::string>> manages;
};

core::Result<Extras> ReadExtras(const rapidjson::Document& doc) {
  Extras extras;
  if (auto it = doc.FindMember("password"); it != doc.MemberEnd()) {
    if (!it->value.IsString())
      return core::Fail(core::Error::Invalid("must be a string", "password"));
    auto hash =
        auth::HashPassword(std::string_view(it->value.GetString(), it->value.GetStringLength()));
    if (!hash) return core::Fail(hash.error());
    extras.password_hash = std::move(*hash);
  }
  if (auto it = doc.FindMember("disabled"); it != doc.MemberEnd()) {
    if (!it->value.IsBool())
      return core::Fail(core::Error::Invalid("must be true or false", "disabled"));
    extras.disabled = it->value.GetBool();
  }
  if (auto it = doc.FindMember("manages"); it != doc.MemberEnd()) {
    if (!it->value.IsArray())
      return core::Fail(core::Error::Invalid("must be a list of team ids", "manages"));
    extras.manages.emplace();
    for (const auto& team : it->value.GetArray()) {
      if (!team.IsString() || team.GetStringLength() == 0) {
        return core::Fail(core::Error::Invalid("must be a list of team ids", "manages"));
      }
      extras.manages->emplace_back(team.GetString(), team.GetStringLength());
    }
  }
  return extras;
}

// The users `caller` may see: everyone (kAll), themselves and their teams' members (kTeam),
// themselves (kOwn).
core::Result<std::vector<std::string>> Reachable(ApiContext& ctx, const Caller& caller) {
  std::vector<std::string> ids{caller.user_id};
  if (caller.scope == auth::Scope::kTeam) {
    auto managed = ctx.store.ListManagedUsers(caller.user_id);
    if (!managed) return core::Fail(managed.error());
    ids.insert(ids.end(), managed->begin(), managed->end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

core::Result<bool> MaySee(ApiContext& ctx, const Caller& caller, std::string_view user_id) {
  if (caller.scope == auth::Scope::kAll) return true;
  auto reachable = Reachable(ctx, caller);
  if (!reachable) return core::Fail(reachable.error());
  return std::binary_search(reachable->begin(), reachable->end(), std::string(user_id));
}

core::Error NoSuchUser(std::string_view id) {
  return core::Error::NotFound("user \"" + std::string(id) + "\" not found");
}

// The user with the teams they manage, as GET answers it.
Response FullUser(ApiContext& ctx, int status, std::string_view id) {
  auto user = ctx.Db("getUser", [&] { return ctx.store.GetUser(id); });
  if (!user) return ErrorResponse(user.error());
  auto teams = ctx.Db("listManagedTeams", [&] { return ctx.store.ListManagedTeams(id); });
  if (!teams) return ErrorResponse(teams.error());
  return UserResponse(status, *user, &*teams);
}

core::Status SetManagedTeams(ApiContext& ctx, const Caller& caller, const std::string& id,
                             const std::vector<std::string>& wanted) {
  auto current = ctx.store.ListManagedTeams(id);
  if (!current) return core::Fail(current.error());
  for (const std::string& team : *current) {
    if (std::find(wanted.begin(), wanted.end(), team) != wanted.end()) continue;
    if (auto ok = ctx.store.RemoveTeamManager(id, team, caller.actor()); !ok) return ok;
  }
  for (const std::string& team : wanted) {
    if (auto ok = ctx.store.AddTeamManager(id, team, caller.actor()); !ok) return ok;
  }
  return {};
}

// GET /api/v1/users
Response ListUsers(ApiContext& ctx, const Request& request) {
  auto page = PageFromQuery(request);
  if (!page) return ErrorResponse(page.error());
  if (request.caller.scope == auth::Scope::kAll) {
    auto users = ctx.Db("listUsers", [&] { return ctx.store.ListUsers(*page); });
    if (!users) return ErrorResponse(users.error());
    return UserPageResponse(*users);
  }
  auto ids = ctx.Db("listManagedUsers", [&] { return Reachable(ctx, request.caller); });
  if (!ids) return ErrorResponse(ids.error());
  storage::Page<domain::User> users;
  for (const std::string& id : *ids) {
    auto user = ctx.Db("getUser", [&] { return ctx.store.GetUser(id); });
    if (!user) return ErrorResponse(user.error());
    users.items.push_back(std::move(*user));
  }
  return UserPageResponse(users);
}

// POST /api/v1/users {"id","name","email","role","team","password"?,"manages"?}
Response CreateUser(ApiContext& ctx, const Request& request) {
  auto doc = ParseJsonObject(request.body);
  if (!doc) return ErrorResponse(doc.error());
  if (auto known = OnlyKnownFields(*doc); !known) return ErrorResponse(known.error());
  auto user = interop::DecodeUser(*doc, interop::DecodeMode::kFull, {});
  if (!user) return ErrorResponse(user.error());
  auto extras = ReadExtras(*doc);  // the password is checked before anything is stored
  if (!extras) return ErrorResponse(extras.error());
  if (extras->disabled) {
    return ErrorResponse(
        core::Error::Invalid("a new user is enabled; disable it with PATCH", "disabled"));
  }
  const storage::Actor actor = request.caller.actor();
  auto created = ctx.Db("createUser", [&] { return ctx.store.CreateUser(*user, actor); });
  if (!created) return ErrorResponse(created.error());
  if (extras->password_hash) {
    auto set = ctx.Db("setPassword", [&] {
      return ctx.store.SetPassword(user->id, *extras->password_hash, actor);
    });
    if (!set) return ErrorResponse(set.error());
  }
  if (extras->manages) {
    auto set = ctx.Db("setManagedTeams", [&] {
      return SetManagedTeams(ctx, request.caller, user->id, *extras->manages);
    });
    if (!set) return ErrorResponse(set.error());
  }
  Response response = FullUser(ctx, 201, user->id);
  response.headers.emplace_back("Location", "/api/v1/users/" + PercentEncodeSegment(user->id));
  return response;
}

// GET /api/v1/users/{id}
Response GetUser(ApiContext& ctx, const Request& request) {
  const std::string_view id = request.Param("id");
  auto visible = MaySee(ctx, request.caller, id);
  if (!visible) return ErrorResponse(visible.error());
  if (!*visible) return ErrorResponse(NoSuchUser(id));
  return FullUser(ctx, 200, id);
}

// PATCH /api/v1/users/{id} with If-Match: name, email, role, team, password, disabled, manages.
Response UpdateUser(ApiContext& ctx, const Request& request) {
  auto version = RequiredVersion(request);
  if (!version) return ErrorResponse(version.error());
  auto doc = ParseJsonObject(request.body);
  if (!doc) return ErrorResponse(doc.error());
  if (auto known = OnlyKnownFields(*doc); !known) return ErrorResponse(known.error());
  const std::string id(request.Param("id"));
  if (auto bound = BindKey(*doc, "id", id); !bound) return ErrorResponse(bound.error());
  auto extras = ReadExtras(*doc);
  if (!extras) return ErrorResponse(extras.error());
  if (extras->disabled.value_or(false) && id == request.caller.user_id) {
    return ErrorResponse(core::Error::Invalid("you cannot disable yourself", "disabled"));
  }
  auto current = ctx.Db("getUser", [&] { return ctx.store.GetUser(id); });
  if (!current) return ErrorResponse(current.error());
  if (current->version != *version) {
    core::Error stale = MakeError(ErrorCode::kConflict, "the user changed since you read it");
    stale.current_version = current->version;
    return ErrorResponse(stale);
  }
  auto changed = interop::DecodeUser(*doc, interop::DecodeMode::kPatch, *current);
  if (!changed) return ErrorResponse(changed.error());
  const storage::Actor actor = request.caller.actor();
  if (changed->name != current->name || changed->email != current->email ||
      changed->role != current->role || changed->team != current->team) {
    auto stored =
        ctx.Db("updateUser", [&] { return ctx.store.UpdateUser(*changed, *version, actor); });
    if (!stored) return ErrorResponse(stored.error());
  }
  if (extras->disabled && *extras->disabled != current->disabled) {
    auto set = ctx.Db("setUserDisabled",
                      [&] { return ctx.store.SetUserDisabled(id, *extras->disabled, actor); });
    if (!set) return ErrorResponse(set.error());
  }
  if (extras->password_hash) {
    auto set = ctx.Db("setPassword",
                      [&] { return ctx.store.SetPassword(id, *extras->password_hash, actor); });
    if (!set) return ErrorResponse(set.error());
  }
  if (extras->manages) {
    auto set = ctx.Db("setManagedTeams",
                      [&] { return SetManagedTeams(ctx, request.caller, id, *extras->manages); });
    if (!set) return ErrorResponse(set.error());
  }
  return FullUser(ctx, 200, id);
}

// PUT and DELETE /api/v1/users/{id}/managed-teams/{team}: answers the user, as GET does.
Response ChangeManagedTeam(ApiContext& ctx, const Request& request, bool add) {
  const std::string id(request.Param("id"));
  const std::string team(request.Param("team"));
  const storage::Actor actor = request.caller.actor();
  auto done = ctx.Db(add ? "addTeamManager" : "removeTeamManager", [&] {
    return add ? ctx.store.AddTeamManager(id, team, actor)
               : ctx.store.RemoveTeamManager(id, team, actor);
  });
  if (!done) return ErrorResponse(done.error());
  return FullUser(ctx, 200, id);
}

}  // namespace

void AddUserRoutes(Router& router, ApiContext& ctx) {
  using auth::Action;
  using auth::Resource;
  router.Add("GET", "/api/v1/users", "listUsers", Access::To(Resource::kUser, Action::kRead),
             [&ctx](Request& r) { return ListUsers(ctx, r); });
  router.Add("POST", "/api/v1/users", "createUser", Access::To(Resource::kUser, Action::kCreate),
             [&ctx](Request& r) { return CreateUser(ctx, r); });
  router.Add("GET", "/api/v1/users/{id}", "getUser", Access::To(Resource::kUser, Action::kRead),
             [&ctx](Request& r) { return GetUser(ctx, r); });
  router.Add("PATCH", "/api/v1/users/{id}", "updateUser",
             Access::To(Resource::kUser, Action::kUpdate),
             [&ctx](Request& r) { return UpdateUser(ctx, r); });
  router.Add("PUT", "/api/v1/users/{id}/managed-teams/{team}", "addManagedTeam",
             Access::To(Resource::kUser, Action::kUpdate),
             [&ctx](Request& r) { return ChangeManagedTeam(ctx, r, true); });
  router.Add("DELETE", "/api/v1/users/{id}/managed-teams/{team}", "removeManagedTeam",
             Access::To(Resource::kUser, Action::kUpdate),
             [&ctx](Request& r) { return ChangeManagedTeam(ctx, r, false); });
}

}  // namespace buyalign::http
