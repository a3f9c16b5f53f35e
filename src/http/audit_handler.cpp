// GET /api/v1/audit: the audit log, newest first, for admins (the policy). Filters: user,
// record_type, record_id, since (inclusive) and until (exclusive) as ISO 8601 times; cursor
// pagination like every list.
#include <optional>
#include <string>

#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/json_out.hpp"

namespace buyalign::http {
namespace {

// `before`/`after` are stored as JSON objects; an empty one is null.
void Raw(interop::JsonWriter& out, const char* key, const std::string& json) {
  out.Key(key);
  if (json.empty()) {
    out.Null();
  } else {
    out.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  }
}

core::Result<std::optional<core::Timestamp>> TimeFromQuery(const Request& request,
                                                           const char* name) {
  const std::string_view text = request.Query(name);
  if (text.empty()) return std::optional<core::Timestamp>();
  auto parsed = core::ParseTimestamp(text);
  if (!parsed) {
    return core::Fail(
        core::Error::Invalid("must be an ISO 8601 time such as 2026-03-15T12:00:00Z", name));
  }
  return std::optional<core::Timestamp>(*parsed);
}

Response ListAudit(ApiContext& ctx, const Request& request) {
  auto page = PageFromQuery(request);
  if (!page) return ErrorResponse(page.error());
  storage::AuditFilter filter;
  filter.user_id = std::string(request.Query("user"));
  filter.record_type = std::string(request.Query("record_type"));
  filter.record_id = std::string(request.Query("record_id"));
  auto since = TimeFromQuery(request, "since");
  if (!since) return ErrorResponse(since.error());
  auto until = TimeFromQuery(request, "until");
  if (!until) return ErrorResponse(until.error());
  filter.since = *since;
  filter.until = *until;
  auto entries = ctx.Db("listAudit", [&] { return ctx.store.ListAudit(filter, *page); });
  if (!entries) return ErrorResponse(entries.error());
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  out.Key("items");
  out.StartArray();
  for (const storage::AuditEntry& entry : entries->items) {
    out.StartObject();
    out.Key("id");
    out.Int64(entry.id);
    WriteField(out, "at", core::FormatTimestamp(entry.at));
    WriteField(out, "user_id", entry.user_id);
    WriteField(out, "via", entry.via);
    WriteField(out, "action", entry.action);
    WriteField(out, "record_type", entry.record_type);
    WriteField(out, "record_id", entry.record_id);
    Raw(out, "before", entry.before);
    Raw(out, "after", entry.after);
    out.EndObject();
  }
  out.EndArray();
  WriteNextCursor(out, entries->next_cursor);
  out.EndObject();
  return JsonResponse(200, Written(buffer));
}

}  // namespace

void AddAuditRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/audit", "listAudit",
             Access::To(auth::Resource::kAudit, auth::Action::kRead),
             [&ctx](Request& r) { return ListAudit(ctx, r); });
}

}  // namespace buyalign::http
