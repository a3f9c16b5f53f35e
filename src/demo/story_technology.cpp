#include "demo/stories.hpp"
#include "demo/story_kit.hpp"

namespace buyalign::demo {

using domain::DmuRole;
using domain::Stance;

namespace {

struct ChainLink {
  const char* id;
  const char* name;
  const char* title;
  const char* email;
  const char* persona;
  DmuRole role;
  double influence;
  Stance stance;
};

constexpr ChainLink kChain[] = {
    {"c-nexivo-mark", "Mark de Vries", "Head of Sales Operations", "mark.devries@nexivo.example",
     "operations", DmuRole::kInfluencer, 0.4, Stance::kSupporter},
    {"c-nexivo-eva", "Eva Bakker", "IT Architect", "eva.bakker@nexivo.example", "it",
     DmuRole::kTechnicalBuyer, 0.55, Stance::kNeutral},
    {"c-nexivo-ruben", "Ruben Smit", "Product Manager", "ruben.smit@nexivo.example", "operations",
     DmuRole::kEvaluator, 0.45, Stance::kSkeptic},
    {"c-nexivo-anouk", "Anouk Jansen", "Customer Support Lead", "anouk.jansen@nexivo.example",
     "user", DmuRole::kBusinessUser, 0.3, Stance::kChampion},
    {"c-nexivo-daan", "Daan Visser", "Finance Controller", "daan.visser@nexivo.example", "finance",
     DmuRole::kOther, 0.35, Stance::kNeutral},
};

}  // namespace

// Every contact is friendly, shows an interest, and passes the rep on to the next one; three
// months later nobody has said who signs. No DMU member is the economic buyer.
void AddTechnologyStory(DemoBatch& batch, const BusinessCalendar& calendar) {
  batch.Add(domain::Account{.id = "acc-nexivo",
                            .name = "Nexivo Software",
                            .industry = "technology",
                            .employees = 420,
                            .country = "NL",
                            .segment = "mid_market"});
  for (const ChainLink& link : kChain) {
    batch.Add(domain::Contact{.id = link.id,
                              .account_id = "acc-nexivo",
                              .name = link.name,
                              .title = link.title,
                              .email = link.email,
                              .persona = link.persona});
  }

  StoryKit story(batch, calendar, std::string(kTechnologyStory), "u-lotte");
  batch.Add(domain::Opportunity{.id = story.opportunity_id(),
                                .account_id = "acc-nexivo",
                                .name = "Field service scheduling",
                                .owner = story.owner(),
                                .amount = 96000,
                                .currency = "EUR",
                                .expected_close = story.Today() + std::chrono::days{75},
                                .created_at = story.At(95, 9)});
  for (const ChainLink& link : kChain)
    story.Member(link.id, link.role, link.influence, link.stance);

  const std::string mark = kChain[0].id, eva = kChain[1].id, ruben = kChain[2].id,
                    anouk = kChain[3].id, daan = kChain[4].id;
  story.Activity({mark}, "intro_call", 92, 10, 30, "met at a trade fair; Mark invited us");
  story.Signal(mark, "reports_pain", 92, 10, "service engineers are double-booked every week");
  story.Activity({eva}, "intro_call", 78, 14, 45, "Mark passed us to Eva in IT");
  story.Signal(eva, "asks_industry_trends", 78, 14);
  story.Signal(eva, "shares_requirements", 70, 11,
               "must integrate with their own ticketing system");
  story.Activity({ruben}, "follow_up", 60, 10, 30,
                 "Eva passed us to Ruben, who owns the product roadmap");
  story.Signal(ruben, "researches_alternatives", 60, 10, "also considering building it in-house");
  story.Activity({anouk}, "follow_up", 45, 15, 30, "Ruben: talk to Anouk, her team feels the pain");
  story.Signal(anouk, "reports_pain", 45, 15, "engineers arrive without the right parts");
  story.Signal(anouk, "requests_demo", 30, 11);
  story.Activity({daan}, "intro_call", 20, 9, 30,
                 "Anouk: Daan knows how budgets work here; nobody can say who signs");
  story.Signal(daan, "asks_for_roi_estimate", 20, 9);
  story.Activity({daan}, "follow_up", 8, 16, 15, "asked who signs off; no answer yet");
}

}  // namespace buyalign::demo
