#include "core/time.hpp"

#include <cstdio>

namespace buyalign::core {
namespace {

// Reads exactly `n` digits at `pos`; false when a character is not a digit or the text ends.
bool ReadDigits(std::string_view text, size_t pos, size_t n, int& out) {
  if (pos + n > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

Result<Date> ParseDatePrefix(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (!ReadDigits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' ||
      !ReadDigits(text, 5, 2, m) || text[7] != '-' || !ReadDigits(text, 8, 2, d)) {
    return Fail(Error::Invalid("expected a date as YYYY-MM-DD, got \"" + std::string(text) + "\""));
  }
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                  std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return Fail(Error::Invalid("no such date: \"" + std::string(text) + "\""));
  return Date{ymd};
}

}  // namespace

Result<Date> ParseDate(std::string_view text) {
  if (text.size() != 10) {
    return Fail(Error::Invalid("expected a date as YYYY-MM-DD, got \"" + std::string(text) + "\""));
  }
  return ParseDatePrefix(text);
}

Result<Timestamp> ParseTimestamp(std::string_view text) {
  auto bad = [&] {
    return Fail(Error::Invalid("expected an ISO 8601 time like 2026-03-04T09:30:00Z, got \"" +
                               std::string(text) + "\""));
  };
  auto date = ParseDatePrefix(text);
  if (!date) return bad();
  if (text.size() == 10) return Timestamp{*date};
  int hh = 0, mm = 0, ss = 0;
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || !ReadDigits(text, 11, 2, hh) ||
      text[13] != ':' || !ReadDigits(text, 14, 2, mm) || text[16] != ':' ||
      !ReadDigits(text, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60) {
    return bad();
  }
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return bad();
  }
  int offset_seconds = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()) {
    // UTC
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size()) {
    int oh = 0, om = 0;
    if (!ReadDigits(text, pos + 1, 2, oh) || text[pos + 3] != ':' ||
        !ReadDigits(text, pos + 4, 2, om) || oh > 23 || om > 59) {
      return bad();
    }
    offset_seconds = (oh * 3600 + om * 60) * (text[pos] == '+' ? 1 : -1);
  } else {
    return bad();  // a time without a zone is ambiguous: refuse it rather than guess
  }
  auto local = Timestamp{*date} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
               std::chrono::seconds{ss};
  return local - std::chrono::seconds{offset_seconds};
}

std::string FormatDate(Date d) {
  std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

std::string FormatTimestamp(Timestamp t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", FormatDate(day).c_str(),
                int(hms.hours().count()), int(hms.minutes().count()),
                int(hms.seconds().count()));
  return buf;
}

Timestamp Now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace buyalign::core
