#pragma once

#include <cstdint>
#include <vector>

#include "core/time.hpp"

namespace buyalign::demo {

// The demo's clock: the working days (Monday to Friday) of the year before `today`, 08:00 to
// 18:00 UTC, counted as "business minutes" from 0 (08:00 on the first working day) to end()
// (exclusive, 18:00 on the last working day before today). Building the story in business minutes
// keeps every meeting on a weekday during office hours while the arithmetic stays monotonic: a
// later minute is always a later timestamp. Immutable after construction.
class BusinessCalendar {
 public:
  static constexpr int64_t kMinutesPerDay = 600;

  // Covers today - 364 days to today - 1 day.
  explicit BusinessCalendar(core::Date today);

  core::Date today() const { return today_; }
  int64_t end() const { return static_cast<int64_t>(days_.size()) * kMinutesPerDay; }

  // The timestamp of a business minute; minutes outside [0, end()) are clamped into it.
  core::Timestamp At(int64_t minute) const;
  // The business minute at `hour`:`minute` on the last working day on or before
  // today - `days_ago` (or the first working day of the window when that is earlier).
  int64_t DaysAgo(int64_t days_ago, int hour = 9, int minute = 0) const;
  // The calendar date a business minute falls on.
  core::Date DateOf(int64_t minute) const;

 private:
  core::Date today_;
  std::vector<core::Date> days_;  // the working days, ascending
};

}  // namespace buyalign::demo
