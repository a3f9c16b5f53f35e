#include "demo/business_calendar.hpp"

#include <algorithm>

namespace buyalign::demo {
namespace {

constexpr int kFirstHour = 8;

bool IsWorkingDay(core::Date d) {
  const unsigned wd = std::chrono::weekday{d}.c_encoding();  // 0 = Sunday
  return wd != 0 && wd != 6;
}

}  // namespace

BusinessCalendar::BusinessCalendar(core::Date today) : today_(today) {
  for (int64_t back = 364; back >= 1; --back) {
    const core::Date d = today - std::chrono::days{back};
    if (IsWorkingDay(d)) days_.push_back(d);
  }
}

core::Timestamp BusinessCalendar::At(int64_t minute) const {
  minute = std::clamp<int64_t>(minute, 0, end() - 1);
  const core::Date day = days_[static_cast<size_t>(minute / kMinutesPerDay)];
  const int64_t of_day = kFirstHour * 60 + minute % kMinutesPerDay;
  return core::Timestamp{day} + std::chrono::minutes{of_day};
}

int64_t BusinessCalendar::DaysAgo(int64_t days_ago, int hour, int minute) const {
  const core::Date target = today_ - std::chrono::days{days_ago};
  auto it = std::upper_bound(days_.begin(), days_.end(), target);  // first day after target
  const int64_t index = it == days_.begin() ? 0 : (it - days_.begin()) - 1;
  const int64_t of_day =
      std::clamp<int64_t>((hour - kFirstHour) * 60 + minute, 0, kMinutesPerDay - 1);
  return index * kMinutesPerDay + of_day;
}

core::Date BusinessCalendar::DateOf(int64_t minute) const {
  return std::chrono::floor<std::chrono::days>(At(minute));
}

}  // namespace buyalign::demo
