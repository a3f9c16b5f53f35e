#include "interop/json_line_parser.hpp"

#include <cstring>
#include <string>

#include <rapidjson/error/en.h>

namespace buyalign::interop {
namespace {

// Full precision so that a number written by the exporter (shortest round-trip form) reads back
// as the same double; validation so that a database never stores text that is not UTF-8.
constexpr unsigned kParseFlags = rapidjson::kParseInsituFlag |
                                 rapidjson::kParseValidateEncodingFlag |
                                 rapidjson::kParseFullPrecisionFlag;

// Forwards SAX events to the document, refusing to open more than `max_depth` nested containers.
struct DepthLimiter {
  rapidjson::Document& document;
  int max_depth;
  int depth = 0;
  bool too_deep = false;

  bool Enter() {
    if (++depth <= max_depth) return true;
    too_deep = true;
    return false;
  }

  bool Null() { return document.Null(); }
  bool Bool(bool b) { return document.Bool(b); }
  bool Int(int i) { return document.Int(i); }
  bool Uint(unsigned u) { return document.Uint(u); }
  bool Int64(int64_t i) { return document.Int64(i); }
  bool Uint64(uint64_t u) { return document.Uint64(u); }
  bool Double(double d) { return document.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    return document.RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return document.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return document.Key(s, n, copy); }
  bool StartObject() { return Enter() && document.StartObject(); }
  bool EndObject(rapidjson::SizeType n) {
    --depth;
    return document.EndObject(n);
  }
  bool StartArray() { return Enter() && document.StartArray(); }
  bool EndArray(rapidjson::SizeType n) {
    --depth;
    return document.EndArray(n);
  }
};

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
    DepthLimiter limiter{document, max_depth_};
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
