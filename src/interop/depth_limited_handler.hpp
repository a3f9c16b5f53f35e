#pragma once

#include <rapidjson/document.h>

// A rapidjson SAX handler that forwards every event to a Document and refuses to open more than
// `max_depth` nested objects and arrays. Even with rapidjson's iterative parser, a DOM built from
// input of unbounded depth is destroyed recursively (and echoed back recursively), so every JSON
// reader of untrusted input parses through this. Used with Document::Populate; one per parse.
namespace buyalign::interop {

struct DepthLimitedHandler {
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

}  // namespace buyalign::interop
