#include "demo/stories.hpp"
#include "demo/story_kit.hpp"

namespace buyalign::demo {

using domain::DmuRole;
using domain::Stance;

// Procurement has taken over and negotiates price only, while IT is still testing devices and
// nobody has discussed delivery times or service levels: terms are being negotiated before the
// deal is defined. The notes say what is missing; no signal or activity covers it.
void AddNegotiationStory(DemoBatch& batch, const BusinessCalendar& calendar) {
  batch.Add(domain::Account{.id = "acc-mercier",
                            .name = "Groupe Mercier Distribution",
                            .industry = "wholesale",
                            .employees = 1800,
                            .country = "FR",
                            .segment = "enterprise"});
  const std::string philippe = "c-mercier-philippe", isabelle = "c-mercier-isabelle",
                    nicolas = "c-mercier-nicolas", claire = "c-mercier-claire";
  batch.Add(domain::Contact{.id = philippe,
                            .account_id = "acc-mercier",
                            .name = "Philippe Mercier",
                            .title = "COO",
                            .email = "philippe.mercier@groupe-mercier.example",
                            .persona = "executive"});
  batch.Add(domain::Contact{.id = isabelle,
                            .account_id = "acc-mercier",
                            .name = "Isabelle Garnier",
                            .title = "Procurement Manager",
                            .email = "isabelle.garnier@groupe-mercier.example",
                            .persona = "procurement"});
  batch.Add(domain::Contact{.id = nicolas,
                            .account_id = "acc-mercier",
                            .name = "Nicolas Roux",
                            .title = "IT Infrastructure Manager",
                            .email = "nicolas.roux@groupe-mercier.example",
                            .persona = "it"});
  batch.Add(domain::Contact{.id = claire,
                            .account_id = "acc-mercier",
                            .name = "Claire Fontaine",
                            .title = "Warehouse Director",
                            .email = "claire.fontaine@groupe-mercier.example",
                            .persona = "operations"});

  StoryKit story(batch, calendar, std::string(kNegotiationStory), "u-camille");
  batch.Add(domain::Opportunity{.id = story.opportunity_id(),
                                .account_id = "acc-mercier",
                                .name = "Warehouse handhelds and service contract",
                                .owner = story.owner(),
                                .amount = 186000,
                                .currency = "EUR",
                                .expected_close = story.Today() + std::chrono::days{45},
                                .created_at = story.At(150, 9)});
  story.Member(philippe, DmuRole::kEconomicBuyer, 0.85, Stance::kSupporter);
  story.Member(isabelle, DmuRole::kProcurement, 0.7, Stance::kSkeptic);
  story.Member(nicolas, DmuRole::kTechnicalBuyer, 0.6, Stance::kNeutral);
  story.Member(claire, DmuRole::kChampion, 0.65, Stance::kChampion);

  story.Activity({claire}, "intro_call", 145, 10, 30);
  story.Signal(claire, "reports_pain", 145, 10, "scanners fail in the freezer zone");
  story.Activity({claire}, "discovery_meeting", 132, 14, 60, "warehouse tour in Lyon");
  story.Signal(claire, "shares_kpis_or_costs", 130, 11, "picking errors cost 2% of revenue");
  story.Signal(philippe, "management_mandate", 120, 9,
               "wants the freezer zone fixed before the peak season");
  story.Activity({claire, nicolas}, "requirements_workshop", 108, 9, 120);
  story.Signal(claire, "shares_requirements", 108, 11);
  story.Signal(nicolas, "shares_requirements", 100, 14,
               "Android devices, compatible with their MDM");
  story.Signal(nicolas, "requests_demo", 90, 10);
  story.Activity({claire, nicolas}, "demo", 88, 14, 90);
  story.Signal(claire, "requests_demo", 88, 16);
  story.Signal(nicolas, "trial_started", 70, 9, "testing five devices in the freezer zone");
  story.Signal(claire, "asks_for_proposal", 60, 15);
  story.Activity({claire, philippe}, "proposal_sent", 58, 11, 90);
  story.Signal(philippe, "executive_meeting", 55, 10);
  story.Share(philippe, "k-case-wholesale", 52, 9, true);
  story.Engaged(philippe, "k-case-wholesale", 51, 14);
  story.Signal(claire, "involves_finance", 40, 10, "brought the controller in to check payback");
  story.Signal(philippe, "requests_business_case", 35, 11);
  story.Assessed(nicolas, "vendors_evaluated", 28, 17);
  story.Assessed(claire, "terms_negotiated", 25, 17);
  story.Signal(isabelle, "procurement_engaged", 22, 10,
               "took over the commercial talks; delivery times and SLA not discussed yet");
  story.Activity({isabelle, claire}, "quote_sent", 20, 15, 45,
                 "quote for 220 handhelds; delivery times and SLA to be settled later");
  story.Signal(nicolas, "asks_for_references", 18, 11, "wants a reference running at -25 C");
  story.Share(isabelle, "k-tco-model", 14, 9, false);
  story.Signal(isabelle, "asks_for_discount", 12, 14,
               "wants 12% off list before talking about delivery times or SLAs");
  story.Activity({isabelle}, "negotiation_meeting", 8, 10, 60,
                 "price only; delivery times and SLA not on the agenda");
  story.Signal(isabelle, "asks_for_discount", 6, 16,
               "repeats the 12%; delivery and SLA still open");
}

}  // namespace buyalign::demo
