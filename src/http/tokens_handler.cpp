// API tokens over HTTP: POST /api/v1/tokens (the token is in that answer only), GET
// /api/v1/tokens, DELETE /api/v1/tokens/{id}. Everyone manages their own tokens; an admin (scope
// kAll) also anyone else's, naming them with "user_id".
#include <charconv>
#include <string>

#include "auth/token.hpp"
#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/json_out.hpp"

namespace buyalign::http {
namespace {

using core::ErrorCode;

void WriteToken(const storage::ApiTokenInfo& token, interop::JsonWriter& out,
                std::string_view secret = {}) {
  out.StartObject();
  out.Key("id");
  out.Int64(token.id);
  WriteField(out, "user_id", token.user_id);
  WriteField(out, "name", token.name);
  WriteField(out, "created_at", core::FormatTimestamp(token.created_at));
  out.Key("revoked_at");
  if (token.revoked_at) {
    WriteString(out, core::FormatTimestamp(*token.revoked_at));
  } else {
    out.Null();
  }
  if (!secret.empty()) WriteField(out, "token", secret);
  out.EndObject();
}

// Whose tokens a request is about: the caller's own unless an admin names someone else.
core::Result<std::string> Subject(const Caller& caller, std::string_view named) {
  if (named.empty() || named == caller.user_id) return caller.user_id;
  if (caller.scope == auth::Scope::kAll) return std::string(named);
  return core::Fail(
      MakeError(ErrorCode::kForbidden, "you may manage only your own tokens", "user_id"));
}

// POST /api/v1/tokens {"name", "user_id"?}
Response CreateToken(ApiContext& ctx, const Request& request) {
  auto doc = ParseJsonObject(request.body);
  if (!doc) return ErrorResponse(doc.error());
  auto name = doc->FindMember("name");
  if (name == doc->MemberEnd() || !name->value.IsString() || name->value.GetStringLength() == 0) {
    return ErrorResponse(core::Error::Invalid("is required: what the token is for", "name"));
  }
  std::string_view named;
  if (auto user = doc->FindMember("user_id"); user != doc->MemberEnd()) {
    if (!user->value.IsString()) {
      return ErrorResponse(core::Error::Invalid("must be a user id", "user_id"));
    }
    named = std::string_view(user->value.GetString(), user->value.GetStringLength());
  }
  auto subject = Subject(request.caller, named);
  if (!subject) return ErrorResponse(subject.error());
  storage::ApiTokenInfo info;
  info.user_id = *subject;
  info.name.assign(name->value.GetString(), name->value.GetStringLength());
  info.created_at = core::Now();
  const std::string secret = auth::NewToken(auth::kApiTokenPrefix);
  auto id = ctx.Db("createApiToken", [&] {
    return ctx.store.CreateApiToken(auth::HashToken(secret), info.user_id, info.name,
                                    request.caller.actor());
  });
  if (!id) return ErrorResponse(id.error());
  info.id = *id;
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  WriteToken(info, out, secret);
  Response response = JsonResponse(201, Written(buffer));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// GET /api/v1/tokens[?user_id=]: never the tokens themselves.
Response ListTokens(ApiContext& ctx, const Request& request) {
  auto subject = Subject(request.caller, request.Query("user_id"));
  if (!subject) return ErrorResponse(subject.error());
  auto tokens = ctx.Db("listApiTokens", [&] { return ctx.store.ListApiTokens(*subject); });
  if (!tokens) return ErrorResponse(tokens.error());
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  out.Key("items");
  out.StartArray();
  for (const auto& token : *tokens) WriteToken(token, out);
  out.EndArray();
  WriteNextCursor(out, "");
  out.EndObject();
  return JsonResponse(200, Written(buffer));
}

// DELETE /api/v1/tokens/{id}: revokes; someone else's token is "not found" unless admin.
Response RevokeToken(ApiContext& ctx, const Request& request) {
  const std::string_view text = request.Param("id");
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  const core::Error missing = core::Error::NotFound("token " + std::string(text) + " not found");
  if (ec != std::errc() || end != text.data() + text.size()) return ErrorResponse(missing);
  if (request.caller.scope != auth::Scope::kAll) {
    auto own =
        ctx.Db("listApiTokens", [&] { return ctx.store.ListApiTokens(request.caller.user_id); });
    if (!own) return ErrorResponse(own.error());
    bool mine = false;
    for (const auto& token : *own) mine |= token.id == id;
    if (!mine) return ErrorResponse(missing);
  }
  auto revoked = ctx.Db("revokeApiToken",
                        [&] { return ctx.store.RevokeApiToken(id, request.caller.actor()); });
  if (!revoked) return ErrorResponse(revoked.error());
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

}  // namespace

void AddTokenRoutes(Router& router, ApiContext& ctx) {
  using auth::Action;
  using auth::Resource;
  router.Add("POST", "/api/v1/tokens", "createToken", Access::To(Resource::kToken, Action::kCreate),
             [&ctx](Request& r) { return CreateToken(ctx, r); });
  router.Add("GET", "/api/v1/tokens", "listTokens", Access::To(Resource::kToken, Action::kRead),
             [&ctx](Request& r) { return ListTokens(ctx, r); });
  router.Add("DELETE", "/api/v1/tokens/{id}", "revokeToken",
             Access::To(Resource::kToken, Action::kDelete),
             [&ctx](Request& r) { return RevokeToken(ctx, r); });
}

}  // namespace buyalign::http
