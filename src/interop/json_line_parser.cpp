#include "interop/json_line_parser.hpp"

#include <cstring>
#include <string>

#include <rapidjson/error/en.h>

#include "interop/depth_limited_handler.hpp"

namespace buyalign::interop {
namespace {

// Full precision so that a number written by the exporter (shortest round-trip form) reads back
// as the same double; validation so that a database never stores text that is not UTF-8.
constexpr unsigned kParseFlags = rapidjson::kParseInsituFlag |
                                 rapidjson::kParseValidateEncodingFlag |
                                 rapidjson::kParseFullPrecisionFlag;

}  // namespace

JsonLineParser::JsonLineParser(int max_depth)
    : max_depth_(max_depth),
      pool_buffer_(new char[kPoolBytes]),
      pool_(pool_buffer_.get(), kPoolBytes),
      document_(&pool_) {}

core::Result<const rapidjson::Value*> JsonLineParser::Parse(char* text, size_t size) {
  document_.SetNull();
  pool_.Clear();  // keeps the user buffer, frees any chunk a big line needed

  // The in-situ stream stops at the first NUL, so a NUL inside the line would hide what follows.
  if (std::memchr(text, '\0', size) != nullptr) {
    return core::Fail(core::Error::Invalid("malformed JSON: a NUL byte inside the line"));
  }

  rapidjson::ParseResult result;
  bool too_deep = false;
  auto generate = [&](rapidjson::Document& document) {
    DepthLimitedHandler limiter{document, max_depth_};
    rapidjson::InsituStringStream stream(text);
    result = reader_.Parse<kParseFlags>(stream, limiter);
    too_deep = limiter.too_deep;
    return !result.IsError();
  };
  document_.Populate(generate);
  if (!result.IsError()) return &document_;

  std::string where = " (at byte " + std::to_string(result.Offset() + 1) + ")";
  if (too_deep) {
    return core::Fail(core::Error::Invalid("malformed JSON: nested deeper than " +
                                           std::to_string(max_depth_) + " levels" + where));
  }
  if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding) {
    return core::Fail(core::Error::Invalid("invalid UTF-8 in a string" + where));
  }
  // rapidjson says "Missing a comma or '}' after an object member."; read as part of a sentence.
  std::string what = rapidjson::GetParseError_En(result.Code());
  if (!what.empty() && what.back() == '.') what.pop_back();
  if (!what.empty() && what[0] >= 'A' && what[0] <= 'Z')
    what[0] = static_cast<char>(what[0] - 'A' + 'a');
  return core::Fail(core::Error::Invalid("malformed JSON: " + what + where));
}

}  // namespace buyalign::interop
