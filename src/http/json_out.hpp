#pragma once

#include <string>
#include <string_view>

#include "interop/record_json.hpp"

// Small pieces the hand-written JSON answers share (users, tokens, audit, shares).
namespace buyalign::http {

inline void WriteString(interop::JsonWriter& out, std::string_view value) {
  out.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

// "key":"value"
inline void WriteField(interop::JsonWriter& out, const char* key, std::string_view value) {
  out.Key(key);
  WriteString(out, value);
}

// "next_cursor": the cursor, or null on the last page.
inline void WriteNextCursor(interop::JsonWriter& out, const std::string& cursor) {
  out.Key("next_cursor");
  if (cursor.empty()) {
    out.Null();
  } else {
    WriteString(out, cursor);
  }
}

// The text a writer produced, as a JSON response.
inline std::string Written(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace buyalign::http
