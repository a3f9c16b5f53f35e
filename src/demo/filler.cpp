#include "demo/filler.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "demo/account_catalogue.hpp"
#include "demo/buyer_journey.hpp"
#include "demo/buying_profile.hpp"

namespace buyalign::demo {
namespace {

using domain::DmuRole;
using domain::OpportunityStatus;
using domain::Stance;

constexpr int64_t kDay = BusinessCalendar::kMinutesPerDay;

// The shape of one deal before its DMU is simulated. Stages are unwrapped (see JourneyPlan).
struct DealShape {
  OpportunityStatus status = OpportunityStatus::kOpen;
  bool renewal = false;
  int start_stage = 0;
  int deal_stage = 0;   // where the leading member ends
  int64_t created = 0;  // business minute
  int64_t close = 0;    // the outcome (closed deals) or the latest activity (open deals)
  core::Date expected_close;
  std::string reason;  // closed deals
  bool no_decision = false;
};

std::vector<OpportunityStatus> StatusPlan(Rng& rng) {
  std::vector<OpportunityStatus> plan(kFillerOpportunities, OpportunityStatus::kOpen);
  std::fill_n(plan.begin(), kFillerWon, OpportunityStatus::kWon);
  std::fill_n(plan.begin() + kFillerWon, kFillerLost, OpportunityStatus::kLost);
  for (size_t i = plan.size() - 1; i > 0; --i) {  // Fisher-Yates with our own Rng
    std::swap(plan[i], plan[static_cast<size_t>(rng.Between(0, static_cast<int64_t>(i)))]);
  }
  return plan;
}

// `forced_stage` >= 0 makes the leading member end at that stage (coverage of all twelve).
DealShape OpenShape(int forced_stage, Rng& rng, const BusinessCalendar& calendar) {
  DealShape shape;
  shape.renewal = forced_stage == 11 || (forced_stage < 0 && rng.Chance(0.12));
  if (shape.renewal) {
    shape.start_stage = 11;
    shape.deal_stage = forced_stage == 11 ? 11 : 12 + static_cast<int>(rng.Between(0, 2));
  } else {
    // Open pipelines hold more early and mid-cycle deals than deals about to sign.
    constexpr double kWeights[] = {1, 1.2, 1.2, 1.4, 1.4, 1.6, 1.4, 1.2, 1, 0.6};
    shape.deal_stage =
        forced_stage >= 0 ? forced_stage : 1 + static_cast<int>(rng.Weighted(kWeights));
    shape.start_stage = std::min(shape.deal_stage, rng.Chance(0.3) ? 1 : 0);
  }
  const int64_t span_days = std::clamp<int64_t>(
      (shape.deal_stage - shape.start_stage + 1) * rng.Between(10, 22), 21, 330);
  shape.created = calendar.DaysAgo(span_days, static_cast<int>(rng.Between(8, 16)));
  shape.close = calendar.DaysAgo(rng.Between(1, 10), static_cast<int>(rng.Between(9, 16)));
  const int64_t to_go = std::max<int64_t>(14, (10 - shape.deal_stage % kStageCount) * 10);
  const int64_t days_ahead = rng.Chance(0.15) ? rng.Between(7, 21) : rng.Between(to_go, to_go + 90);
  shape.expected_close = calendar.today() + std::chrono::days{days_ahead};
  return shape;
}

DealShape ClosedShape(OpportunityStatus status, Rng& rng, const BusinessCalendar& calendar) {
  static constexpr const char* kWonReasons[] = {"best fit for their planners",
                                                "reference visit convinced the board",
                                                "fastest payback in the business case"};
  static constexpr const char* kLostReasons[] = {
      "no decision: kept the current way of working", "no decision: budget frozen",
      "lost to a competitor on price", "lost to a competitor with an existing relationship"};
  DealShape shape;
  shape.status = status;
  const bool won = status == OpportunityStatus::kWon;
  const int64_t close_days = won ? rng.Between(10, 200) : rng.Between(5, 220);
  const int64_t span_days = won ? rng.Between(50, 150) : rng.Between(40, 140);
  shape.created = calendar.DaysAgo(std::min<int64_t>(355, close_days + span_days),
                                   static_cast<int>(rng.Between(8, 16)));
  shape.close = calendar.DaysAgo(close_days, static_cast<int>(rng.Between(9, 16)));
  shape.start_stage = rng.Chance(0.3) ? 1 : 0;
  shape.deal_stage = won ? 10 : static_cast<int>(rng.Between(4, 9));
  shape.expected_close = calendar.DateOf(shape.close);
  if (won) {
    shape.reason = rng.Pick(std::span<const char* const>(kWonReasons));
  } else {
    const size_t reason = static_cast<size_t>(rng.Between(0, 3));
    shape.reason = kLostReasons[reason];
    shape.no_decision = reason < 2;
  }
  return shape;
}

DmuRole OtherRole(Rng& rng) {
  // Weights for decision_maker .. other (economic_buyer is member 0's role).
  constexpr double kWeights[] = {12, 14, 14, 14, 10, 6, 10, 5, 10, 5};
  return static_cast<DmuRole>(1 + rng.Weighted(kWeights));
}

Stance StanceFor(DmuRole role, Rng& rng) {
  if (role == DmuRole::kChampion) return rng.Chance(0.8) ? Stance::kChampion : Stance::kSupporter;
  constexpr double kWeights[] = {10, 30, 35, 18, 7};
  return static_cast<Stance>(rng.Weighted(kWeights));
}

double InfluenceFor(DmuRole role, Rng& rng) {
  struct Range {
    double lo, hi;
  };
  // In the order of domain::kDmuRoleNames.
  constexpr Range kRanges[] = {{0.8, 0.95}, {0.6, 0.85}, {0.5, 0.75}, {0.2, 0.45},
                               {0.35, 0.6}, {0.3, 0.55}, {0.7, 0.9},  {0.4, 0.7},
                               {0.2, 0.4},  {0.5, 0.7},  {0.1, 0.3}};
  const Range r = kRanges[static_cast<size_t>(role)];
  return std::round((r.lo + rng.Unit() * (r.hi - r.lo)) * 20) / 20;  // steps of 0.05
}

double AmountFor(std::string_view segment, Rng& rng) {
  if (segment == "smb") return 500.0 * static_cast<double>(rng.Between(10, 60));
  if (segment == "enterprise") return 500.0 * static_cast<double>(rng.Between(160, 900));
  return 500.0 * static_cast<double>(rng.Between(40, 240));
}

struct Member {
  domain::Contact contact;
  DmuRole role;
};

class FillerBuilder {
 public:
  FillerBuilder(DemoBatch& batch, FillerWorld& world) : batch_(batch), world_(world) {}

  void AddAccounts() {
    for (const AccountSeed& seed : FillerAccounts()) {
      batch_.Add(domain::Account{.id = "acc-" + std::string(seed.slug),
                                 .name = std::string(seed.name),
                                 .industry = std::string(seed.industry),
                                 .employees = seed.employees,
                                 .country = std::string(seed.country),
                                 .segment = std::string(seed.segment)});
    }
  }

  void AddDeal(int index, const AccountSeed& account, const DealShape& shape, Rng& rng);

 private:
  std::vector<Member> Dmu(int index, const AccountSeed& account, Rng& rng);
  std::string OpportunityId(const AccountSeed& account, std::string_view product, bool renewal);
  void AfterPurchase(DealContext& deal, const std::vector<JourneyPlan>& plans, int leader,
                     const DealShape& shape, Rng& rng);

  DemoBatch& batch_;
  FillerWorld& world_;
  std::map<std::string, std::vector<domain::Contact>> contacts_by_account_;
  std::map<std::string, int> opportunity_ids_;
};

std::vector<Member> FillerBuilder::Dmu(int index, const AccountSeed& account, Rng& rng) {
  constexpr double kSizeWeights[] = {14, 26, 26, 18, 10, 6};  // 2..7 members
  const size_t size = 2 + rng.Weighted(kSizeWeights);
  std::vector<DmuRole> roles{rng.Chance(0.82) ? DmuRole::kEconomicBuyer : DmuRole::kDecisionMaker};
  while (roles.size() < size) roles.push_back(OtherRole(rng));
  // The first deals carry every role once, so the data set holds all eleven for any seed.
  if (index == 0) roles[0] = DmuRole::kEconomicBuyer;
  if (index > 0 && index < static_cast<int>(domain::kDmuRoleNames.size())) {
    roles[1] = static_cast<DmuRole>(index);
  }

  std::vector<domain::Contact>& known = contacts_by_account_[std::string(account.slug)];
  std::vector<Member> members;
  for (DmuRole role : roles) {
    std::vector<domain::Contact> free;
    for (const domain::Contact& c : known) {
      bool taken = false;
      for (const Member& m : members) taken = taken || m.contact.id == c.id;
      if (!taken) free.push_back(c);
    }
    if (!free.empty() && rng.Chance(0.5)) {
      members.push_back({rng.Pick(free), role});
    } else {
      members.push_back(
          {world_.people.NewContact(rng, batch_, account.slug, account.country, role), role});
      known.push_back(members.back().contact);
    }
  }
  return members;
}

std::string FillerBuilder::OpportunityId(const AccountSeed& account, std::string_view product,
                                         bool renewal) {
  std::string id = "opp-" + std::string(account.slug) + "-" + Slug(product);
  if (renewal) id += "-renewal";
  const int seen = ++opportunity_ids_[id];
  if (seen > 1) id += "-" + std::to_string(seen);
  return id;
}

void FillerBuilder::AddDeal(int index, const AccountSeed& account, const DealShape& shape,
                            Rng& rng) {
  const BusinessCalendar& calendar = world_.calendar;
  const std::string product(rng.Pick(ProductsFor(account.industry)));
  const std::string owner =
      rng.Pick(world_.organisation.RepsOf(Organisation::TeamFor(account.country)));
  const double amount = AmountFor(account.segment, rng);
  domain::Opportunity opportunity{
      .id = OpportunityId(account, product, shape.renewal),
      .account_id = "acc-" + std::string(account.slug),
      .name = shape.renewal ? product + " renewal" : product,
      .owner = owner,
      .amount = amount,
      .currency = "EUR",
      .expected_close = shape.expected_close,
      .status = shape.status,
      .created_at = calendar.At(shape.created),
  };
  batch_.Add(opportunity);

  const std::vector<Member> members = Dmu(index, account, rng);
  DealContext deal{calendar, world_.content, batch_, opportunity.id, owner, {}};
  for (size_t j = 0; j < members.size(); ++j) {
    const Member& m = members[j];
    Stance stance = StanceFor(m.role, rng);
    if (index < 5 && j + 1 == members.size()) stance = static_cast<Stance>(index);  // all five
    batch_.Add(domain::DmuMember{.opportunity_id = opportunity.id,
                                 .contact_id = m.contact.id,
                                 .role = m.role,
                                 .influence = InfluenceFor(m.role, rng),
                                 .stance = stance});
    deal.dmu_contacts.push_back(m.contact.id);
  }

  const bool won = shape.status == OpportunityStatus::kWon;
  const bool open = shape.status == OpportunityStatus::kOpen;
  // The member who signs leads a won deal; anyone may lead an open or lost one.
  const int leader =
      won ? 0 : static_cast<int>(rng.Between(0, static_cast<int64_t>(members.size()) - 1));
  std::vector<JourneyPlan> plans;
  for (size_t j = 0; j < members.size(); ++j) {
    const bool leads = static_cast<int>(j) == leader;
    constexpr double kLagWeights[] = {35, 30, 20, 15};  // 0..3 stages behind the leader
    int lag = leads ? 0 : static_cast<int>(rng.Weighted(kLagWeights));
    if (won && !leads) lag = std::max(lag, 1);
    JourneyPlan plan;
    plan.contact_id = members[j].contact.id;
    plan.persona = members[j].contact.persona;
    plan.target_stage = std::max(shape.start_stage, shape.deal_stage - lag);
    plan.start_stage =
        shape.start_stage + (plan.target_stage > shape.start_stage && rng.Chance(0.2) ? 1 : 0);
    plan.backward_move = rng.Chance(0.15);
    plan.join =
        leads ? shape.created : shape.created + rng.Between(0, (shape.close - shape.created) / 4);
    plan.end = leads ? shape.close : shape.close - rng.Between(0, 5) * kDay;
    if (open && !leads && rng.Chance(0.15)) {
      // Quiet: nothing heard for weeks, so readiness goes stale.
      const int64_t stale_end = calendar.DaysAgo(rng.Between(45, 110), 11);
      if (stale_end > plan.join + 5 * kDay) {
        plan.quiet = true;
        plan.end = stale_end;
      }
    }
    plan.end = std::max(plan.end, plan.join + kDay);
    if (won && leads) plan.final_signal = rng.Chance(0.5) ? "contract_signed" : "purchase_order";
    if (shape.no_decision && leads) {
      plan.final_signal = rng.Chance(0.5) ? "no_interest" : "satisfied_with_current";
    }
    plans.push_back(std::move(plan));
  }
  for (const JourneyPlan& plan : plans) SimulateJourney(plan, deal, rng);

  constexpr const char* kAdminNotes[] = {"CRM update", "internal deal review",
                                         "travel to the customer", "preparing the forecast call"};
  for (int64_t n = rng.Between(0, 2); n > 0; --n) {
    batch_.Add(domain::Activity{.opportunity_id = opportunity.id,
                                .kind = "admin",
                                .at = calendar.At(rng.Between(shape.created, shape.close)),
                                .duration_min = static_cast<int64_t>(rng.Between(2, 8) * 15),
                                .owner = owner,
                                .note = rng.Pick(std::span<const char* const>(kAdminNotes))});
  }
  if (won) AfterPurchase(deal, plans, leader, shape, rng);
  if (!open) {
    const double final_amount =
        won ? 100.0 * std::round(amount * (0.85 + 0.15 * rng.Unit()) / 100.0) : amount;
    batch_.Add(domain::Outcome{.opportunity_id = opportunity.id,
                               .status = shape.status,
                               .at = calendar.At(shape.close),
                               .amount = final_amount,
                               .reason = shape.reason});
  }
}

// After signing, a user or champion starts realising value: a kick-off and, for deals signed
// long enough ago, a usage review. This is where value_realized comes from.
void FillerBuilder::AfterPurchase(DealContext& deal, const std::vector<JourneyPlan>& plans,
                                  int leader, const DealShape& shape, Rng& rng) {
  const BusinessCalendar& calendar = world_.calendar;
  const JourneyPlan& user = plans[plans.size() > 1 ? 1 : static_cast<size_t>(leader)];
  const int64_t kickoff = shape.close + rng.Between(3, 12) * kDay + rng.Between(0, 500);
  if (kickoff >= calendar.end()) return;
  batch_.Add(domain::Activity{.opportunity_id = deal.opportunity_id,
                              .contact_ids = {user.contact_id},
                              .kind = "onboarding_session",
                              .at = calendar.At(kickoff),
                              .duration_min = 120,
                              .owner = deal.owner});
  batch_.Add(domain::Signal{.opportunity_id = deal.opportunity_id,
                            .contact_id = user.contact_id,
                            .kind = "kickoff_held",
                            .at = calendar.At(kickoff + 30),
                            .source = domain::SignalSource::kMeeting});
  const int64_t review = kickoff + rng.Between(30, 50) * kDay;
  if (review >= calendar.end()) return;
  batch_.Add(domain::Signal{.opportunity_id = deal.opportunity_id,
                            .contact_id = user.contact_id,
                            .kind = "usage_review",
                            .at = calendar.At(review),
                            .source = domain::SignalSource::kMeeting,
                            .note = "planners use it daily; wants the mobile app for drivers"});
}

}  // namespace

void AddFiller(DemoBatch& batch, const Rng& rng, FillerWorld& world) {
  FillerBuilder builder(batch, world);
  builder.AddAccounts();
  Rng plan_rng = rng.Fork(1);
  const std::vector<OpportunityStatus> statuses = StatusPlan(plan_rng);
  const auto accounts = FillerAccounts();
  int open_seen = 0;
  for (int i = 0; i < kFillerOpportunities; ++i) {
    Rng deal_rng = rng.Fork(1000 + static_cast<uint64_t>(i));
    const AccountSeed& account = accounts[static_cast<size_t>(i) % accounts.size()];
    DealShape shape;
    if (statuses[static_cast<size_t>(i)] == OpportunityStatus::kOpen) {
      const int forced = open_seen < kStageCount ? open_seen : -1;
      ++open_seen;
      shape = OpenShape(forced, deal_rng, world.calendar);
    } else {
      shape = ClosedShape(statuses[static_cast<size_t>(i)], deal_rng, world.calendar);
    }
    builder.AddDeal(i, account, shape, deal_rng);
  }
}

}  // namespace buyalign::demo
