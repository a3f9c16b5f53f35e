#include "forecast/deal_history.hpp"

#include <algorithm>

#include "forecast/period.hpp"

namespace buyalign::forecast {

std::optional<core::Timestamp> DealRecord::ClosedAt() const {
  if (outcome) return outcome->at;
  if (opportunity->status != domain::OpportunityStatus::kOpen && opportunity->expected_close) {
    return StartOf(*opportunity->expected_close);
  }
  return std::nullopt;
}

bool DealRecord::Won() const {
  return outcome ? outcome->status == domain::OpportunityStatus::kWon
                 : opportunity->status == domain::OpportunityStatus::kWon;
}

std::optional<core::Timestamp> DealRecord::StartedAt() const {
  if (opportunity->created_at) return opportunity->created_at;
  std::optional<core::Timestamp> first;
  const auto consider = [&](core::Timestamp at) { first = first ? std::min(*first, at) : at; };
  for (const domain::Signal& s : input->signals) consider(s.at);
  for (const domain::Activity& a : input->activities) consider(a.at);
  return first;
}

bool DealRecord::OpenAt(core::Timestamp t) const {
  const auto started = StartedAt();
  if (started && *started > t) return false;
  const auto closed = ClosedAt();
  if (closed) return *closed > t;
  return opportunity->status == domain::OpportunityStatus::kOpen;
}

double DealRecord::BookedAmount() const {
  if (outcome && outcome->amount) return *outcome->amount;
  return opportunity->amount.value_or(0.0);
}

std::string_view History::TeamOf(std::string_view user_id) const {
  const auto it = teams.find(user_id);
  return it == teams.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace buyalign::forecast
