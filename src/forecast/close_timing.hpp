#pragma once

#include <optional>
#include <vector>

#include "core/time.hpp"
#include "engine/opportunity_readiness.hpp"
#include "forecast/monte_carlo.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::forecast {

// When an open deal closes if it is won, from where its buyers are: a distribution over dates.
//
// The DMU's stage is uncertain: its distribution is the members' stage distributions mixed by
// influence (engine::InfluenceWeight). From a stage s the buyers usually need half of s's dwell
// time plus the dwell time of every stage up to the purchase (the methodology's dwell_days, the
// same reckoning as the close_date_unrealistic friction); at or past the purchase, half of the
// purchase stage's. Buyers differ in pace: each of the methodology's pace factors is equally
// likely and divides the time. So a deal gets up to (stages x pace factors) dates.
//
// A deal without DMU members says nothing about its buyers: it closes on its CRM expected close
// date when it has one (and that date is not past), else as if its buyers were at the first stage.
std::vector<CloseDate> CloseDatesFromReadiness(const engine::OpportunityReadiness& readiness,
                                               const methodology::Methodology& methodology,
                                               std::optional<core::Date> expected_close,
                                               core::Timestamp as_of);

// The weighted median of `dates` (the first date at which half the weight is reached).
core::Date MedianDate(const std::vector<CloseDate>& dates);

}  // namespace buyalign::forecast
