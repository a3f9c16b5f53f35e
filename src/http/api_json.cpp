#include "http/api_json.hpp"

#include "http/error_response.hpp"

#include <charconv>
#include <random>

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>

#include "interop/depth_limited_handler.hpp"

namespace buyalign::http {

core::Result<rapidjson::Document> ParseJsonObject(std::string_view body) {
  // Iterative parsing keeps the parse itself off the stack; the depth limit keeps the document
  // shallow, since destroying or writing one recurses. Encoding validation: invalid UTF-8 is
  // refused here, before any field is read.
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  rapidjson::Document doc;
  rapidjson::ParseResult result;
  bool too_deep = false;
  auto generate = [&](rapidjson::Document& document) {
    interop::DepthLimitedHandler handler{document, kMaxJsonDepth};
    rapidjson::MemoryStream bytes(body.data(), body.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> text(bytes);
    rapidjson::Reader reader;
    result = reader.Parse<kFlags>(text, handler);
    too_deep = handler.too_deep;
    return !result.IsError();
  };
  doc.Populate(generate);
  if (too_deep) {
    return core::Fail(core::Error::Invalid(
        "the body is nested deeper than " + std::to_string(kMaxJsonDepth) +
        " levels of objects and arrays (at byte " + std::to_string(result.Offset()) + ")"));
  }
  if (result.IsError()) {
    return core::Fail(core::Error::Invalid(std::string("malformed JSON at byte ") +
                                           std::to_string(result.Offset()) + ": " +
                                           rapidjson::GetParseError_En(result.Code())));
  }
  if (!doc.IsObject()) return core::Fail(core::Error::Invalid("the body must be a JSON object"));
  return doc;
}

core::Status BindKey(rapidjson::Document& doc, const char* field, std::string_view value) {
  auto it = doc.FindMember(field);
  if (it == doc.MemberEnd()) {
    doc.AddMember(rapidjson::Value(field, doc.GetAllocator()),
                  rapidjson::Value(value.data(), static_cast<rapidjson::SizeType>(value.size()),
                                   doc.GetAllocator()),
                  doc.GetAllocator());
    return {};
  }
  if (!it->value.IsString() ||
      std::string_view(it->value.GetString(), it->value.GetStringLength()) != value) {
    return core::Fail(core::Error::Invalid(
        std::string("must match the URL (\"") + std::string(value) + "\")", field));
  }
  return {};
}

std::string GenerateId(std::string_view prefix) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t bits = engine();
  std::string id(prefix);
  for (int i = 0; i < 12; ++i, bits >>= 4) id.push_back(kHex[bits & 0xF]);
  return id;
}

core::Result<int64_t> RequiredVersion(const Request& request) {
  std::string_view value = request.Header("if-match");
  if (value.empty()) {
    return core::Fail(MakeError(core::ErrorCode::kPreconditionRequired,
                                "this write needs If-Match with the version you last read "
                                "(the ETag of a GET)",
                                "If-Match"));
  }
  if (value.substr(0, 2) == "W/") value.remove_prefix(2);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  int64_t version = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
  if (ec != std::errc() || ptr != value.data() + value.size() || version <= 0) {
    return core::Fail(
        core::Error::Invalid("If-Match must be a version number such as \"3\"", "If-Match"));
  }
  return version;
}

core::Result<storage::PageRequest> PageFromQuery(const Request& request) {
  storage::PageRequest page;
  page.cursor = std::string(request.Query("cursor"));
  const std::string_view limit = request.Query("limit");
  if (!limit.empty()) {
    const auto [ptr, ec] = std::from_chars(limit.data(), limit.data() + limit.size(), page.limit);
    if (ec != std::errc() || ptr != limit.data() + limit.size() || page.limit < 1 ||
        page.limit > 1000) {
      return core::Fail(core::Error::Invalid("must be an integer from 1 to 1000", "limit"));
    }
  }
  return page;
}

std::string ETag(int64_t version) { return "\"" + std::to_string(version) + "\""; }

Response JsonResponse(int status, std::string body) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

}  // namespace buyalign::http
