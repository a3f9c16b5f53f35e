#include <sstream>
#include <streambuf>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "interop/jsonl.hpp"

namespace buyalign::http {
namespace {

// Reads a string in place: an ingest body can be 256 MiB, so it is not copied into a stream.
class StringViewBuf : public std::streambuf {
 public:
  explicit StringViewBuf(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

std::string SummaryJson(const storage::ImportSummary& summary, size_t records) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
  out.StartObject();
  out.Key("records");
  out.Uint64(records);
  out.Key("counts");
  out.StartObject();
  for (const auto& [type, count] : summary.counts) {
    out.Key(type.c_str(), static_cast<rapidjson::SizeType>(type.size()));
    out.StartObject();
    out.Key("created");
    out.Int64(count.created);
    out.Key("updated");
    out.Int64(count.updated);
    out.Key("unchanged");
    out.Int64(count.unchanged);
    out.EndObject();
  }
  out.EndObject();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// POST /api/v1/ingest: a JSON Lines body, stored in one transaction (all or nothing). Errors name
// the line and field of the first bad record.
Response Ingest(ApiContext& ctx, const Request& request) {
  StringViewBuf buf(request.body);
  std::istream in(&buf);
  auto batch = interop::ReadJsonLines(in, ctx.methodology, {}, {}, request.body.size());
  if (!batch) return ErrorResponse(batch.error());
  auto summary =
      ctx.Db("ingest", [&] { return ctx.store.Import(*batch, {}, request.caller.actor()); });
  if (!summary) return ErrorResponse(summary.error());
  ctx.InvalidateAll();
  return JsonResponse(200, SummaryJson(*summary, batch->size()));
}

// GET /api/v1/export: every record the caller may see as JSON Lines, in the store's dependency
// order (a rep gets their own deals and what belongs to them, plus the shared address book).
Response Export(ApiContext& ctx, const Request& request) {
  std::ostringstream out;
  auto written = ctx.Db(
      "export", [&] { return interop::WriteJsonLines(ctx.store, out, request.caller.viewer()); });
  if (!written) return ErrorResponse(written.error());
  Response response;
  response.content_type = "application/x-ndjson";
  response.body = std::move(out).str();
  return response;
}

}  // namespace

void AddInterchangeRoutes(Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/ingest", "ingest",
             Access::To(auth::Resource::kIngest, auth::Action::kCreate),
             [&ctx](Request& request) { return Ingest(ctx, request); });
  router.Add("GET", "/api/v1/export", "export",
             Access::To(auth::Resource::kExport, auth::Action::kRead),
             [&ctx](Request& request) { return Export(ctx, request); });
}

}  // namespace buyalign::http
