#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "core/result.hpp"
#include "http/request.hpp"
#include "interop/record_json.hpp"
#include "storage/store.hpp"

// The JSON and header conventions shared by every API handler: request bodies, versions in
// ETag / If-Match, pagination, generated ids, record and list responses.
namespace buyalign::http {

// The deepest nesting of objects and arrays a request body may have. Records are at most three
// levels deep; the limit keeps a hostile body from costing a deep recursion anywhere.
inline constexpr int kMaxJsonDepth = 32;

// Parses a request body that must be one JSON object. Malformed JSON, invalid UTF-8, nesting
// deeper than kMaxJsonDepth and a non-object are kInvalidArgument (the message names the byte
// offset of a syntax error, or the depth limit).
core::Result<rapidjson::Document> ParseJsonObject(std::string_view body);

// Makes `doc[field]` equal to `value` (the key the URL names): adds the field when absent, and
// fails with kInvalidArgument naming the field when the body holds a different value.
core::Status BindKey(rapidjson::Document& doc, const char* field, std::string_view value);

// A new random id: `prefix` followed by 12 lowercase hex digits ("acc-3f9c0a1b2d4e").
std::string GenerateId(std::string_view prefix);

// The version a write is based on, from If-Match: "\"3\"", "3" or "W/\"3\"". Missing is
// kPreconditionRequired; anything else unparsable (including "*") is kInvalidArgument.
core::Result<int64_t> RequiredVersion(const Request& request);

// `?cursor=&limit=`: limit must be an integer 1..1000 when given (default 50).
core::Result<storage::PageRequest> PageFromQuery(const Request& request);

// `"<version>"`, the ETag of a record.
std::string ETag(int64_t version);

Response JsonResponse(int status, std::string body);

// A record as JSON (with its version) and its ETag.
template <class Record>
Response RecordResponse(int status, const Record& record) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  interop::Encode(record, out, {.with_type = false, .with_version = true});
  Response response = JsonResponse(status, std::string(buffer.GetString(), buffer.GetSize()));
  response.headers.emplace_back("ETag", ETag(record.version));
  return response;
}

// {"items":[...],"next_cursor":"..."}; next_cursor is null on the last page.
template <class Record>
Response PageResponse(const storage::Page<Record>& page) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  out.Key("items");
  out.StartArray();
  for (const Record& record : page.items) {
    interop::Encode(record, out, {.with_type = false, .with_version = true});
  }
  out.EndArray();
  out.Key("next_cursor");
  if (page.next_cursor.empty()) {
    out.Null();
  } else {
    out.String(page.next_cursor.data(), static_cast<rapidjson::SizeType>(page.next_cursor.size()));
  }
  out.EndObject();
  return JsonResponse(200, std::string(buffer.GetString(), buffer.GetSize()));
}

}  // namespace buyalign::http
