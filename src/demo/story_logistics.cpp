#include "demo/stories.hpp"
#include "demo/story_kit.hpp"

namespace buyalign::demo {

using domain::DmuRole;
using domain::Stance;

// The operations manager and the planner are choosing between vendors while the managing
// director, who signs, is still working out what the company needs: the quote sent to Thomas
// runs ahead of the economic buyer.
void AddLogisticsStory(DemoBatch& batch, const BusinessCalendar& calendar) {
  batch.Add(domain::Account{.id = "acc-janssens",
                            .name = "Transport Janssens",
                            .industry = "logistics",
                            .employees = 85,
                            .country = "BE",
                            .segment = "mid_market"});
  const std::string luc = "c-janssens-luc", thomas = "c-janssens-thomas",
                    sarah = "c-janssens-sarah";
  batch.Add(domain::Contact{.id = luc,
                            .account_id = "acc-janssens",
                            .name = "Luc Janssens",
                            .title = "Managing Director (owner)",
                            .email = "luc@transport-janssens.example",
                            .persona = "executive"});
  batch.Add(domain::Contact{.id = thomas,
                            .account_id = "acc-janssens",
                            .name = "Thomas Verbeke",
                            .title = "Operations Manager",
                            .email = "thomas@transport-janssens.example",
                            .persona = "operations"});
  batch.Add(domain::Contact{.id = sarah,
                            .account_id = "acc-janssens",
                            .name = "Sarah Wouters",
                            .title = "Transport Planner",
                            .email = "sarah@transport-janssens.example",
                            .persona = "user"});

  StoryKit story(batch, calendar, std::string(kLogisticsStory), "u-ann");
  batch.Add(domain::Opportunity{.id = story.opportunity_id(),
                                .account_id = "acc-janssens",
                                .name = "Route planning for 23 lorries",
                                .owner = story.owner(),
                                .amount = 48000,
                                .currency = "EUR",
                                .expected_close = story.Today() + std::chrono::days{60},
                                .created_at = story.At(75, 9)});
  story.Member(luc, DmuRole::kEconomicBuyer, 0.9, Stance::kNeutral);
  story.Member(thomas, DmuRole::kEvaluator, 0.65, Stance::kChampion);
  story.Member(sarah, DmuRole::kEvaluator, 0.35, Stance::kSupporter);

  story.Activity({thomas}, "intro_call", 73, 10, 30, "inbound call after the fuel-cost webinar");
  story.Signal(thomas, "reports_pain", 72, 11,
               "drivers plan their own routes; too many empty kilometres");
  story.Signal(luc, "reports_pain", 70, 16, "the fuel bill went up again this quarter");
  story.Signal(thomas, "shares_kpis_or_costs", 66, 10, "empty return trips cost 11% of fuel");
  story.Activity({thomas, luc}, "discovery_meeting", 64, 14, 60, "at the depot in Geel");
  story.Signal(thomas, "asks_for_roi_estimate", 60, 15,
               "wants a payback estimate for 23 lorries before talking to Luc again");
  story.Share(thomas, "k-roi-calculator", 59, 9, true);
  story.Activity({thomas}, "follow_up", 59, 9, 20, "sent the ROI calculator");
  story.Engaged(thomas, "k-roi-calculator", 58, 13);
  story.Signal(luc, "management_mandate", 55, 17, "asked Thomas to find a solution before summer");
  story.Signal(sarah, "attends_webinar", 50, 11);
  story.Signal(thomas, "researches_alternatives", 45, 10,
               "looking at three route-planning vendors");
  story.Share(thomas, "k-vendor-comparison", 44, 9, true);
  story.Engaged(thomas, "k-vendor-comparison", 44, 15);
  story.Signal(thomas, "requests_demo", 38, 9);
  story.Signal(sarah, "requests_demo", 38, 9);
  story.Activity({thomas, sarah}, "demo", 37, 14, 90, "demo with their own orders of last week");
  story.Activity({}, "admin", 37, 11, 60, "travel to the Janssens depot");
  story.Signal(sarah, "trial_started", 33, 10, "testing with last week's orders");
  story.Assessed(thomas, "vendors_evaluated", 30, 17);
  story.Signal(luc, "shares_requirements", 28, 16,
               "it must work with the telematics boxes already in the lorries");
  story.Share(luc, "k-case-janssens-like", 26, 9, false);
  story.Signal(sarah, "asks_for_references", 25, 11);
  story.Activity({thomas}, "reference_call", 24, 15, 30, "with a carrier of 30 lorries in Aalst");
  story.Signal(thomas, "compares_competitor_pricing", 21, 10,
               "compares our price per lorry with two competitors");
  story.Assessed(luc, "requirements_defined", 18, 17);
  story.Signal(thomas, "informs_shortlisted", 14, 11, "we are one of two vendors left");
  story.Assessed(sarah, "shortlist_selected", 10, 17);
  story.Assessed(thomas, "shortlist_selected", 9, 17);
  story.Activity({thomas}, "quote_sent", 5, 10, 45,
                 "3-year licence for 23 lorries, sent to Thomas only");
}

}  // namespace buyalign::demo
