#include "forecast/owner_record.hpp"

#include <algorithm>

namespace buyalign::forecast {

OwnerRecord::OwnerRecord(const History& history) {
  for (const DealRecord& deal : history.deals) {
    const auto closed = deal.ClosedAt();
    if (!closed) continue;
    const std::pair<int64_t, bool> closing{core::ToUnixSeconds(*closed), deal.Won()};
    everyone_.push_back(closing);
    by_owner_[deal.opportunity->owner].push_back(closing);
  }
  std::sort(everyone_.begin(), everyone_.end());
  for (auto& [owner, closings] : by_owner_) std::sort(closings.begin(), closings.end());
}

std::pair<int, int> OwnerRecord::CountBefore(const Closings& closings, int64_t t) {
  // Strictly before t: the first closing at t or later ends the count.
  const auto end =
      std::lower_bound(closings.begin(), closings.end(), std::pair<int64_t, bool>{t, false});
  int won = 0;
  for (auto it = closings.begin(); it != end; ++it) won += it->second ? 1 : 0;
  return {won, static_cast<int>(end - closings.begin())};
}

OwnerRecord::Rate OwnerRecord::At(std::string_view owner, core::Timestamp t) const {
  const int64_t at = core::ToUnixSeconds(t);
  const auto [all_won, all_closed] = CountBefore(everyone_, at);
  const double base = all_closed == 0
                          ? kNoHistoryRate
                          : (all_won + kPriorDeals * kNoHistoryRate) / (all_closed + kPriorDeals);
  Rate rate;
  rate.win_rate = base;
  const auto it = by_owner_.find(owner);
  if (owner.empty() || it == by_owner_.end()) return rate;
  const auto [won, closed] = CountBefore(it->second, at);
  rate.closed = closed;
  rate.win_rate = (won + kPriorDeals * base) / (closed + kPriorDeals);
  return rate;
}

}  // namespace buyalign::forecast
