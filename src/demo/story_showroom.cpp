#include "demo/stories.hpp"
#include "demo/story_kit.hpp"

namespace buyalign::demo {

using domain::DmuRole;
using domain::Stance;

// One showroom visit, a price asked for, and a couple that is not equally far: Koen has chosen
// the layout, Els is still looking around, and neither has named a budget. Quote now, or book a
// second visit?
void AddShowroomStory(DemoBatch& batch, const BusinessCalendar& calendar) {
  batch.Add(domain::Account{.id = "acc-vandamme",
                            .name = "Koen & Els Vandamme (private customer)",
                            .industry = "private_household",
                            .country = "BE",
                            .segment = "smb"});
  const std::string koen = "c-vandamme-koen", els = "c-vandamme-els";
  batch.Add(domain::Contact{.id = koen,
                            .account_id = "acc-vandamme",
                            .name = "Koen Vandamme",
                            .title = "Homeowner",
                            .email = "koen.vandamme@mailbox.example",
                            .persona = "consumer"});
  batch.Add(domain::Contact{.id = els,
                            .account_id = "acc-vandamme",
                            .name = "Els Vandamme",
                            .title = "Homeowner",
                            .email = "els.vandamme@mailbox.example",
                            .persona = "consumer"});

  StoryKit story(batch, calendar, std::string(kShowroomStory), "u-pieter");
  batch.Add(domain::Opportunity{.id = story.opportunity_id(),
                                .account_id = "acc-vandamme",
                                .name = "Kitchen with island, showroom Kortrijk",
                                .owner = story.owner(),
                                .amount = 24500,
                                .currency = "EUR",
                                .expected_close = story.Today() + std::chrono::days{30},
                                .created_at = story.At(3, 14)});
  story.Member(koen, DmuRole::kEconomicBuyer, 0.5, Stance::kSupporter);
  story.Member(els, DmuRole::kDecisionMaker, 0.5, Stance::kNeutral);

  story.Activity({koen, els}, "discovery_meeting", 3, 14, 90,
                 "walk-in showroom visit, first visit; looked at island layouts");
  story.Signal(koen, "reports_pain", 3, 14, "current kitchen is 25 years old, drawers broken");
  story.Signal(els, "asks_industry_trends", 3, 14, "asked which fronts and colours are in now");
  story.Signal(koen, "shares_requirements", 3, 15, "island with induction hob, more storage");
  story.Signal(els, "reports_pain", 3, 15, "not sure about the timing; wants to see more fronts");
  story.Signal(koen, "asks_for_proposal", 3, 15,
               "asked for a price for the island layout; no budget named yet");
  story.Assessed(koen, "shortlist_selected", 3, 16);
  story.Assessed(els, "problem_recognized", 3, 16);
}

}  // namespace buyalign::demo
