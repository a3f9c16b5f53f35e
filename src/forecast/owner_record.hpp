#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.hpp"
#include "forecast/deal_history.hpp"

namespace buyalign::forecast {

// Each owner's track record: the deals they closed, in time order. Rates are read as of a moment
// and count only deals closed strictly before it, so a training row or a backtest never sees an
// outcome from its own future (nor its own outcome).
//
// Immutable after construction; safe to share across threads.
class OwnerRecord {
 public:
  // How strongly an owner's rate is pulled towards everyone's: as if each owner had also closed
  // this many deals at the organisation's rate. A new rep is not a 0% or 100% seller.
  static constexpr double kPriorDeals = 5.0;
  // The rate assumed before anyone has closed a deal.
  static constexpr double kNoHistoryRate = 0.3;

  explicit OwnerRecord(const History& history);

  struct Rate {
    double win_rate = kNoHistoryRate;  // smoothed: (won + k x everyone's rate) / (closed + k)
    int closed = 0;                    // the owner's deals closed before the moment
  };
  Rate At(std::string_view owner, core::Timestamp t) const;

 private:
  // (closed at, won), sorted by time; per owner and for everyone.
  using Closings = std::vector<std::pair<int64_t, bool>>;
  static std::pair<int, int> CountBefore(const Closings& closings, int64_t t);

  std::map<std::string, Closings, std::less<>> by_owner_;
  Closings everyone_;
};

}  // namespace buyalign::forecast
