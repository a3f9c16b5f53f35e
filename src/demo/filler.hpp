#pragma once

#include "demo/business_calendar.hpp"
#include "demo/content_library.hpp"
#include "demo/demo_batch.hpp"
#include "demo/organisation.hpp"
#include "demo/people.hpp"
#include "demo/rng.hpp"

namespace buyalign::demo {

inline constexpr int kFillerOpportunities = 62;
inline constexpr int kFillerWon = 20;
inline constexpr int kFillerLost = 14;

// What the filler deals are built from; owned by the caller.
struct FillerWorld {
  const BusinessCalendar& calendar;
  const ContentLibrary& content;
  const Organisation& organisation;
  People& people;
};

// Adds the simulated opportunities that fill every screen around the four stories: the filler
// accounts, their contacts, kFillerOpportunities deals (won, lost and open) with DMUs of 2 to 7
// members whose journeys are simulated (buyer_journey.hpp), and outcome records for the closed
// ones. By construction the open deals' leading members end at each of the twelve stages, every
// DMU role and stance occurs, and every record falls in the calendar's year.
void AddFiller(DemoBatch& batch, const Rng& rng, FillerWorld& world);

}  // namespace buyalign::demo
