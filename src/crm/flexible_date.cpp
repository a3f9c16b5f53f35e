#include "crm/flexible_date.hpp"

#include <chrono>
#include <string>

namespace buyalign::crm {
namespace {

using core::Error;
using core::Fail;

// A left-to-right reader over the text; each method consumes only on success.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool Take(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  // Between `min` and `max` digits.
  bool Digits(size_t min, size_t max, int& out) {
    size_t start = pos_;
    int value = 0;
    while (pos_ < text_.size() && pos_ - start < max && text_[pos_] >= '0' && text_[pos_] <= '9') {
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
    }
    if (pos_ - start < min) {
      pos_ = start;
      return false;
    }
    out = value;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

Error Unreadable(std::string_view text) {
  return Error::Invalid("cannot read date \"" + std::string(text) + "\"");
}

core::Result<core::Date> MakeDate(int y, int m, int d, std::string_view text) {
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                  std::chrono::day{unsigned(d)}};
  if (m < 1 || m > 12 || d < 1 || !ymd.ok()) return Fail(Unreadable(text));
  return core::Date{ymd};
}

// "HH:MM[:SS[.fff]]" then an optional zone; the result is the offset from midnight UTC.
core::Result<std::chrono::seconds> ReadTime(Cursor& in, std::string_view text) {
  int hh = 0, mm = 0, ss = 0;
  if (!in.Digits(1, 2, hh) || !in.Take(':') || !in.Digits(2, 2, mm)) return Fail(Unreadable(text));
  if (in.Take(':')) {
    if (!in.Digits(2, 2, ss)) return Fail(Unreadable(text));
    if (in.Take('.')) {
      int ignored = 0;
      if (!in.Digits(1, 9, ignored)) return Fail(Unreadable(text));
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return Fail(Unreadable(text));
  int offset = 0;
  if (in.Take('Z') || in.Take('z')) {
  } else if (in.Peek() == '+' || in.Peek() == '-') {
    int sign = in.Take('+') ? 1 : (in.Take('-'), -1);
    int oh = 0, om = 0;
    if (!in.Digits(2, 2, oh)) return Fail(Unreadable(text));
    if (in.Take(':')) {
      if (!in.Digits(2, 2, om)) return Fail(Unreadable(text));
    } else if (!in.AtEnd() && !in.Digits(2, 2, om)) {
      return Fail(Unreadable(text));
    }
    if (oh > 23 || om > 59) return Fail(Unreadable(text));
    offset = sign * (oh * 3600 + om * 60);
  }
  if (!in.AtEnd()) return Fail(Unreadable(text));
  return std::chrono::seconds{hh * 3600 + mm * 60 + ss - offset};
}

core::Result<core::Timestamp> ParseEpochMillis(std::string_view text) {
  int64_t millis = 0;
  for (char c : text) millis = millis * 10 + (c - '0');
  return core::Timestamp{std::chrono::seconds{millis / 1000}};
}

// "a<sep>b<sep>YYYY": decides which of a and b is the day.
core::Result<core::Date> DayMonthYear(int a, int b, int y, char sep, DateOrder order,
                                      std::string_view text) {
  bool day_first = true;
  if (sep == '.') {
    day_first = true;
  } else if (order == DateOrder::kDayFirst) {
    day_first = true;
  } else if (order == DateOrder::kMonthFirst) {
    day_first = false;
  } else if (a > 12 && b <= 12) {
    day_first = true;
  } else if (b > 12 && a <= 12) {
    day_first = false;
  } else if (a != b && a <= 12 && b <= 12) {
    return Fail(Error::Invalid("cannot read date \"" + std::string(text) +
                               "\": day and month could be either way round (configure the date "
                               "order: day first or month first)"));
  }
  return day_first ? MakeDate(y, b, a, text) : MakeDate(y, a, b, text);
}

}  // namespace

core::Result<core::Timestamp> ParseFlexibleTimestamp(std::string_view text, DateOrder order) {
  if (text.size() >= 11 && text.size() <= 13 &&
      text.find_first_not_of("0123456789") == std::string_view::npos) {
    return ParseEpochMillis(text);
  }
  Cursor in(text);
  int first = 0, second = 0, third = 0;
  if (!in.Digits(1, 4, first)) return Fail(Unreadable(text));
  core::Result<core::Date> date = Fail(Unreadable(text));
  char sep = in.Peek();
  if (sep != '-' && sep != '/' && sep != '.') return Fail(Unreadable(text));
  in.Take(sep);
  if (!in.Digits(1, 2, second) || !in.Take(sep)) return Fail(Unreadable(text));
  if (first >= 1000) {
    if (!in.Digits(1, 2, third)) return Fail(Unreadable(text));
    date = MakeDate(first, second, third, text);
  } else if (first <= 31) {
    if (!in.Digits(4, 4, third)) return Fail(Unreadable(text));
    date = DayMonthYear(first, second, third, sep, order, text);
  }
  if (!date) return Fail(date.error());
  core::Timestamp midnight{*date};
  if (in.AtEnd()) return midnight;
  if (!in.Take('T') && !in.Take(' ')) return Fail(Unreadable(text));
  auto time = ReadTime(in, text);
  if (!time) return Fail(time.error());
  return midnight + *time;
}

core::Result<core::Date> ParseFlexibleDate(std::string_view text, DateOrder order) {
  auto moment = ParseFlexibleTimestamp(text, order);
  if (!moment) return Fail(moment.error());
  return std::chrono::floor<std::chrono::days>(*moment);
}

}  // namespace buyalign::crm
