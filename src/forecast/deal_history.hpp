#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "domain/records.hpp"
#include "engine/opportunity_input.hpp"

// What the forecast knows about an organisation's deals: each opportunity with the engine's input
// (DMU, signals, activities), how it ended and its CRM stage history. Everything that looks at the
// past (training, backtests, the owner's record) reads it "as of" a moment and uses only what was
// known then.
namespace buyalign::forecast {

// One opportunity. The opportunity and input are shared, immutable snapshots (the readiness
// service's cache hands them out), so a History is cheap to build and safe to read from many
// threads.
struct DealRecord {
  std::shared_ptr<const domain::Opportunity> opportunity;
  std::shared_ptr<const engine::OpportunityInput> input;
  std::optional<domain::Outcome> outcome;
  std::vector<domain::StageChange> stage_changes;  // oldest first

  const std::string& id() const { return opportunity->id; }
  // When the deal closed: its outcome's time, else (a closed status without an outcome record)
  // the start of its expected close date; nullopt while open or when nothing says when.
  std::optional<core::Timestamp> ClosedAt() const;
  bool Won() const;
  // When the deal started: created_at, else its earliest signal or activity; nullopt without any.
  std::optional<core::Timestamp> StartedAt() const;
  // Open at `t`: started at or before it (or start unknown) and not closed by then.
  bool OpenAt(core::Timestamp t) const;
  // The amount booked when won: the outcome's amount, else the opportunity's; 0 when neither.
  double BookedAmount() const;
};

// Every deal of an organisation, ordered by opportunity id (so whatever is computed from it does
// not depend on the order the store returned rows in). `teams` maps a user id to their team.
struct History {
  std::vector<DealRecord> deals;
  std::map<std::string, std::string, std::less<>> teams;

  std::string_view TeamOf(std::string_view user_id) const;
};

}  // namespace buyalign::forecast
