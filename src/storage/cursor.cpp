#include "storage/cursor.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace buyalign::storage {

namespace {

constexpr std::string_view kHex = "0123456789abcdef";
constexpr char kTimeSeparator = ':';

std::string Hex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  return out;
}

core::Error BadCursor() {
  return core::Error::Invalid("not a cursor this list returned", "cursor");
}

core::Result<std::string> Unhex(std::string_view text) {
  if (text.size() % 2 != 0) return core::Fail(BadCursor());
  std::string out;
  out.reserve(text.size() / 2);
  for (size_t i = 0; i < text.size(); i += 2) {
    auto hi = kHex.find(text[i]);
    auto lo = kHex.find(text[i + 1]);
    if (hi == std::string_view::npos || lo == std::string_view::npos) {
      return core::Fail(BadCursor());
    }
    out += static_cast<char>((hi << 4) | lo);
  }
  return out;
}

}  // namespace

int ClampLimit(int limit) { return std::clamp(limit, kMinPageLimit, kMaxPageLimit); }

std::string EncodeIdCursor(std::string_view id) { return Hex(id); }

core::Result<std::string> DecodeIdCursor(std::string_view cursor) { return Unhex(cursor); }

std::string EncodeTimeCursor(int64_t at, std::string_view id) {
  return Hex(std::to_string(at) + kTimeSeparator + std::string(id));
}

core::Result<TimeKey> DecodeTimeCursor(std::string_view cursor) {
  if (cursor.empty()) return TimeKey{std::numeric_limits<int64_t>::min(), ""};
  auto text = Unhex(cursor);
  if (!text) return core::Fail(text.error());
  auto separator = text->find(kTimeSeparator);
  if (separator == std::string::npos) return core::Fail(BadCursor());
  TimeKey key;
  const char* begin = text->data();
  auto [end, ec] = std::from_chars(begin, begin + separator, key.at);
  if (ec != std::errc() || end != begin + separator) return core::Fail(BadCursor());
  key.id = text->substr(separator + 1);
  return key;
}

}  // namespace buyalign::storage
