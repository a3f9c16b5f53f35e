#include "demo/demo.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "demo/buying_profile.hpp"
#include "demo/demo_test_support.hpp"
#include "demo/stories.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::demo {
namespace {

using domain::DmuRole;
using domain::OpportunityStatus;

core::Date Today() { return *core::ParseDate("2026-03-15"); }

const storage::RecordBatch& Demo() {
  static const storage::RecordBatch kBatch = BuildDemo({.seed = 42, .today = Today()});
  return kBatch;
}

template <class T>
std::set<std::string> Ids(const std::vector<storage::Sourced<T>>& records) {
  std::set<std::string> ids;
  for (const auto& r : records) ids.insert(r.record.id);
  return ids;
}

std::vector<domain::Signal> SignalsOf(const storage::RecordBatch& b, std::string_view opp) {
  std::vector<domain::Signal> out;
  for (const auto& s : b.signals) {
    if (s.record.opportunity_id == opp) out.push_back(s.record);
  }
  return out;
}

std::vector<domain::DmuMember> DmuOf(const storage::RecordBatch& b, std::string_view opp) {
  std::vector<domain::DmuMember> out;
  for (const auto& m : b.dmu_members) {
    if (m.record.opportunity_id == opp) out.push_back(m.record);
  }
  return out;
}

// The stage a signal points at: its `stage` for stage_assessed, its content's first tag for
// content_engaged, else the kind's main stage.
int PointedStage(const storage::RecordBatch& b, const domain::Signal& s) {
  const auto& m = methodology::Methodology::Default();
  if (s.kind == "stage_assessed") return *m.StageIndex(s.stage);
  if (s.kind == "content_engaged") {
    for (const auto& c : b.content) {
      if (c.record.id == s.content_id) return *m.StageIndex(c.record.stages.front());
    }
    return -1;
  }
  return MainStage(s.kind).value_or(-1);
}

// Each (opportunity, contact)'s latest signal; ties broken by id like the store's ordering.
std::map<std::pair<std::string, std::string>, domain::Signal> LatestSignals(
    const storage::RecordBatch& b) {
  std::map<std::pair<std::string, std::string>, domain::Signal> latest;
  for (const auto& [s, line] : b.signals) {
    auto key = std::make_pair(s.opportunity_id, s.contact_id);
    auto it = latest.find(key);
    if (it == latest.end() || std::tie(s.at, s.id) > std::tie(it->second.at, it->second.id)) {
      latest[key] = s;
    }
  }
  return latest;
}

TEST(Demo, SameOptionsGiveTheSameBatch) {
  const auto again = BuildDemo({.seed = 42, .today = Today()});
  EXPECT_EQ(testing::DumpBatch(Demo()), testing::DumpBatch(again));
}

TEST(Demo, AnotherSeedOrDayGivesAnotherBatch) {
  const std::string base = testing::DumpBatch(Demo());
  EXPECT_NE(base, testing::DumpBatch(BuildDemo({.seed = 43, .today = Today()})));
  EXPECT_NE(base,
            testing::DumpBatch(BuildDemo({.seed = 42, .today = Today() + std::chrono::days{1}})));
}

// Structural checks, run for several seeds: they must hold whatever the dice say.
void ExpectReferencesResolve(const storage::RecordBatch& b) {
  const auto teams = Ids(b.teams), users = Ids(b.users), accounts = Ids(b.accounts),
             contacts = Ids(b.contacts), content = Ids(b.content), opps = Ids(b.opportunities);
  EXPECT_EQ(contacts.size(), b.contacts.size()) << "duplicate contact ids";
  EXPECT_EQ(opps.size(), b.opportunities.size()) << "duplicate opportunity ids";
  EXPECT_EQ(Ids(b.signals).size(), b.signals.size()) << "duplicate signal ids";
  EXPECT_EQ(Ids(b.activities).size(), b.activities.size()) << "duplicate activity ids";
  for (const auto& [u, line] : b.users) {
    if (!u.team.empty()) {
      EXPECT_TRUE(teams.count(u.team)) << u.id;
    }
  }
  for (const auto& [c, line] : b.contacts) {
    EXPECT_TRUE(accounts.count(c.account_id)) << c.id;
  }
  std::map<std::string, std::string> account_of_opp;
  for (const auto& [o, line] : b.opportunities) {
    EXPECT_TRUE(accounts.count(o.account_id)) << o.id;
    EXPECT_TRUE(users.count(o.owner)) << o.id;
    account_of_opp[o.id] = o.account_id;
  }
  std::set<std::pair<std::string, std::string>> members;
  std::map<std::string, std::string> account_of_contact;
  for (const auto& [c, line] : b.contacts) account_of_contact[c.id] = c.account_id;
  for (const auto& [m, line] : b.dmu_members) {
    EXPECT_TRUE(opps.count(m.opportunity_id)) << m.opportunity_id;
    EXPECT_EQ(account_of_contact[m.contact_id], account_of_opp[m.opportunity_id]) << m.contact_id;
    EXPECT_TRUE(members.insert({m.opportunity_id, m.contact_id}).second) << "duplicate member";
  }
  for (const auto& [s, line] : b.signals) {
    EXPECT_TRUE(members.count({s.opportunity_id, s.contact_id})) << s.id;
    if (s.kind == "content_engaged") {
      EXPECT_TRUE(content.count(s.content_id)) << s.id;
    }
  }
  for (const auto& [a, line] : b.activities) {
    EXPECT_TRUE(opps.count(a.opportunity_id)) << a.id;
    EXPECT_TRUE(users.count(a.owner)) << a.id;
    for (const auto& c : a.contact_ids) {
      EXPECT_TRUE(members.count({a.opportunity_id, c})) << a.id;
    }
  }
  std::set<std::tuple<std::string, std::string, std::string, int64_t>> share_keys;
  for (const auto& [s, line] : b.content_shares) {
    EXPECT_TRUE(content.count(s.content_id));
    EXPECT_TRUE(members.count({s.opportunity_id, s.contact_id}));
    EXPECT_TRUE(
        share_keys.insert({s.content_id, s.opportunity_id, s.contact_id, core::ToUnixSeconds(s.at)})
            .second);
  }
  std::set<std::string> outcome_opps;
  for (const auto& [o, line] : b.outcomes) {
    EXPECT_TRUE(opps.count(o.opportunity_id));
    EXPECT_TRUE(outcome_opps.insert(o.opportunity_id).second) << "two outcomes";
  }
}

void ExpectIdsAndEnumsFollowTheSpec(const storage::RecordBatch& b) {
  const auto& m = methodology::Methodology::Default();
  for (const auto& [s, line] : b.signals) {
    EXPECT_TRUE(m.IsSignalKind(s.kind)) << s.kind;
    if (s.kind == "stage_assessed") {
      EXPECT_TRUE(m.IsStage(s.stage)) << s.id;
    }
    if (s.kind != "stage_assessed") {
      EXPECT_TRUE(s.stage.empty()) << s.id;
    }
  }
  for (const auto& [a, line] : b.activities) {
    EXPECT_TRUE(m.IsActivityKind(a.kind)) << a.kind;
  }
  for (const auto& [c, line] : b.content) {
    EXPECT_FALSE(c.stages.empty()) << c.id;
    for (const auto& st : c.stages) {
      EXPECT_TRUE(m.IsStage(st)) << c.id << " " << st;
    }
  }
  for (const auto& [mem, line] : b.dmu_members) {
    EXPECT_GE(mem.influence, 0.0);
    EXPECT_LE(mem.influence, 1.0);
  }
  for (const auto& [a, line] : b.accounts) {
    EXPECT_TRUE(a.segment == "smb" || a.segment == "mid_market" || a.segment == "enterprise");
    EXPECT_TRUE(a.country == "BE" || a.country == "NL" || a.country == "FR" || a.country == "DE");
  }
}

void ExpectTimesInTheYearBeforeToday(const storage::RecordBatch& b, core::Date today) {
  const core::Timestamp start{today - std::chrono::days{365}}, end{today};
  auto in_year = [&](core::Timestamp t) { return t >= start && t < end; };
  std::map<std::string, domain::Opportunity> opps;
  for (const auto& [o, line] : b.opportunities) {
    opps[o.id] = o;
    ASSERT_TRUE(o.created_at.has_value()) << o.id;
    EXPECT_TRUE(in_year(*o.created_at)) << o.id;
    ASSERT_TRUE(o.expected_close.has_value()) << o.id;
    if (o.status == OpportunityStatus::kOpen) {
      EXPECT_GT(*o.expected_close, today) << o.id;
    }
  }
  core::Timestamp first = end, last = start;
  for (const auto& [s, line] : b.signals) {
    EXPECT_TRUE(in_year(s.at)) << s.id;
    EXPECT_GE(s.at, *opps[s.opportunity_id].created_at) << s.id;
    first = std::min(first, s.at);
    last = std::max(last, s.at);
  }
  for (const auto& [a, line] : b.activities) {
    EXPECT_TRUE(in_year(a.at)) << a.id;
    EXPECT_GE(a.at, *opps[a.opportunity_id].created_at) << a.id;
  }
  for (const auto& [s, line] : b.content_shares) {
    EXPECT_TRUE(in_year(s.at));
  }
  for (const auto& [o, line] : b.outcomes) {
    EXPECT_TRUE(in_year(o.at));
  }
  // Signals span about a year: the oldest within the first two months, the newest last week.
  EXPECT_LT(first, core::Timestamp{today - std::chrono::days{300}});
  EXPECT_GT(last, core::Timestamp{today - std::chrono::days{7}});
}

void ExpectTheCounts(const storage::RecordBatch& b) {
  EXPECT_GE(b.opportunities.size(), 60u);
  EXPECT_EQ(b.teams.size(), 3u);
  EXPECT_EQ(b.content.size(), 40u);
  std::map<domain::UserRole, int> roles;
  std::map<std::string, int> managers_per_team;
  for (const auto& [u, line] : b.users) {
    ++roles[u.role];
    if (u.role == domain::UserRole::kManager) ++managers_per_team[u.team];
  }
  EXPECT_EQ(roles[domain::UserRole::kRep], 8);
  EXPECT_EQ(roles[domain::UserRole::kManager], 3);
  EXPECT_EQ(managers_per_team.size(), 3u);
  EXPECT_EQ(roles[domain::UserRole::kAdmin], 1);
  EXPECT_EQ(roles[domain::UserRole::kMarketing], 1);

  std::map<std::string, int> dmu_size;
  std::set<DmuRole> dmu_roles;
  std::set<domain::Stance> stances;
  for (const auto& [m, line] : b.dmu_members) {
    ++dmu_size[m.opportunity_id];
    dmu_roles.insert(m.role);
    stances.insert(m.stance);
  }
  EXPECT_EQ(dmu_size.size(), b.opportunities.size()) << "an opportunity without a DMU";
  for (const auto& [opp, size] : dmu_size) {
    EXPECT_GE(size, 2) << opp;
    EXPECT_LE(size, 7) << opp;
  }
  EXPECT_EQ(dmu_roles.size(), domain::kDmuRoleNames.size());
  EXPECT_EQ(stances.size(), domain::kStanceNames.size());

  std::map<OpportunityStatus, int> statuses;
  for (const auto& [o, line] : b.opportunities) ++statuses[o.status];
  int won = 0, lost = 0;
  for (const auto& [o, line] : b.outcomes) {
    EXPECT_NE(o.status, OpportunityStatus::kOpen);
    EXPECT_TRUE(o.amount.has_value());
    (o.status == OpportunityStatus::kWon ? won : lost)++;
  }
  EXPECT_GE(won, 10);
  EXPECT_GE(lost, 10);
  EXPECT_EQ(won, statuses[OpportunityStatus::kWon]);
  EXPECT_EQ(lost, statuses[OpportunityStatus::kLost]);

  std::set<std::string> countries, segments, industries;
  for (const auto& [a, line] : b.accounts) {
    countries.insert(a.country);
    segments.insert(a.segment);
    industries.insert(a.industry);
  }
  EXPECT_EQ(countries.size(), 4u);
  EXPECT_EQ(segments.size(), 3u);
  EXPECT_GE(industries.size(), 6u);
  int engaged = 0;
  for (const auto& [s, line] : b.content_shares) engaged += s.engaged;
  EXPECT_GT(engaged, 0);
  EXPECT_LT(engaged, static_cast<int>(b.content_shares.size()));
}

// Every stage is where some member is, by the rep's judgement or by their latest signal.
void ExpectAllStagesCovered(const storage::RecordBatch& b) {
  std::set<int> stages;
  for (const auto& [s, line] : b.signals) {
    if (s.kind == "stage_assessed") stages.insert(PointedStage(b, s));
  }
  for (const auto& [key, s] : LatestSignals(b)) stages.insert(PointedStage(b, s));
  for (int stage = 0; stage < kStageCount; ++stage) {
    EXPECT_TRUE(stages.count(stage)) << stage;
  }
}

TEST(Demo, StructureHoldsForEverySeed) {
  for (uint64_t seed : {42ULL, 1ULL, 7ULL, 2026ULL}) {
    SCOPED_TRACE(seed);
    const auto batch = BuildDemo({.seed = seed, .today = Today()});
    ExpectReferencesResolve(batch);
    ExpectIdsAndEnumsFollowTheSpec(batch);
    ExpectTimesInTheYearBeforeToday(batch, Today());
    ExpectTheCounts(batch);
    ExpectAllStagesCovered(batch);
  }
}

TEST(Demo, LatestSignalOfOpenDealsLeadersCoversEveryStage) {
  // Stronger than the rep's judgements: the buyers' own latest signals reach all twelve stages.
  std::set<int> stages;
  for (const auto& [key, s] : LatestSignals(Demo())) {
    if (s.kind != "stage_assessed") stages.insert(PointedStage(Demo(), s));
  }
  EXPECT_EQ(stages.size(), static_cast<size_t>(kStageCount));
}

TEST(Demo, UsesEverySignalAndActivityKind) {
  std::set<std::string> signals, activities;
  for (const auto& [s, line] : Demo().signals) signals.insert(s.kind);
  for (const auto& [a, line] : Demo().activities) activities.insert(a.kind);
  EXPECT_EQ(signals.size(), methodology::Methodology::Default().signal_kinds().size());
  EXPECT_EQ(activities.size(), methodology::Methodology::Default().activity_kinds().size());
}

TEST(Demo, ContentCoverageHasSomeGapsButNotMany) {
  const auto& m = methodology::Methodology::Default();
  std::set<std::string> personas;
  std::set<std::pair<std::string, std::string>> covered;
  for (const auto& [c, line] : Demo().content) {
    for (const auto& p : c.personas) {
      personas.insert(p);
      for (const auto& s : c.stages) covered.insert({s, p});
    }
  }
  const size_t cells = personas.size() * m.stages().size();
  EXPECT_GT(cells - covered.size(), 5u);
  EXPECT_LT(cells - covered.size(), cells / 2);
}

TEST(Demo, LogisticsStory) {
  const auto& b = Demo();
  const auto dmu = DmuOf(b, kLogisticsStory);
  ASSERT_EQ(dmu.size(), 3u);
  const auto latest = LatestSignals(b);
  auto stage_of = [&](const std::string& contact) {
    return PointedStage(b, latest.at({std::string(kLogisticsStory), contact}));
  };
  int evaluators = 0;
  for (const auto& m : dmu) {
    if (m.role == DmuRole::kEconomicBuyer) {
      EXPECT_GE(m.influence, 0.8);
      EXPECT_EQ(stage_of(m.contact_id), 4);  // requirements_defined
    }
    if (m.role == DmuRole::kEvaluator) {
      ++evaluators;
      EXPECT_EQ(stage_of(m.contact_id), 7);  // shortlist_selected
    }
  }
  EXPECT_EQ(evaluators, 2);
  std::set<std::string> kinds;
  bool kpi_note = false;
  for (const auto& s : SignalsOf(b, kLogisticsStory)) {
    if (s.contact_id == "c-janssens-thomas") kinds.insert(s.kind);
    kpi_note = kpi_note || s.note.find("11% of fuel") != std::string::npos;
  }
  for (const char* kind : {"shares_kpis_or_costs", "asks_for_roi_estimate",
                           "compares_competitor_pricing", "requests_demo"}) {
    EXPECT_TRUE(kinds.count(kind)) << kind;
  }
  EXPECT_TRUE(kpi_note);
  bool recent_quote = false;
  for (const auto& [a, line] : b.activities) {
    if (a.opportunity_id == kLogisticsStory && a.kind == "quote_sent") {
      recent_quote = a.contact_ids == std::vector<std::string>{"c-janssens-thomas"} &&
                     a.at > core::Timestamp{Today() - std::chrono::days{10}};
    }
  }
  EXPECT_TRUE(recent_quote);
}

TEST(Demo, ShowroomStory) {
  const auto& b = Demo();
  const auto dmu = DmuOf(b, kShowroomStory);
  ASSERT_EQ(dmu.size(), 2u);
  for (const auto& m : dmu) {
    EXPECT_TRUE(m.role == DmuRole::kEconomicBuyer || m.role == DmuRole::kDecisionMaker);
  }
  int visits = 0;
  for (const auto& [a, line] : b.activities) visits += a.opportunity_id == kShowroomStory;
  EXPECT_EQ(visits, 1);
  std::set<std::string> kinds;
  for (const auto& s : SignalsOf(b, kShowroomStory)) kinds.insert(s.kind);
  EXPECT_TRUE(kinds.count("asks_for_proposal"));
  // Needs are not quantified: nothing at need_quantified or change_committed.
  for (const auto& s : SignalsOf(b, kShowroomStory)) {
    const int stage = PointedStage(b, s);
    EXPECT_TRUE(stage != 2 && stage != 3) << s.kind;
  }
  const auto latest = LatestSignals(b);
  EXPECT_GT(PointedStage(b, latest.at({std::string(kShowroomStory), "c-vandamme-koen"})),
            PointedStage(b, latest.at({std::string(kShowroomStory), "c-vandamme-els"})));
}

TEST(Demo, TechnologyStory) {
  const auto& b = Demo();
  const auto dmu = DmuOf(b, kTechnologyStory);
  EXPECT_GE(dmu.size(), 4u);
  for (const auto& m : dmu) {
    EXPECT_NE(m.role, DmuRole::kEconomicBuyer);
  }
  std::vector<std::string> chain;
  for (const auto& [a, line] : b.activities) {
    if (a.opportunity_id != kTechnologyStory) continue;
    EXPECT_TRUE(a.kind == "intro_call" || a.kind == "follow_up") << a.kind;
    ASSERT_EQ(a.contact_ids.size(), 1u);
    if (chain.empty() || chain.back() != a.contact_ids[0]) chain.push_back(a.contact_ids[0]);
  }
  EXPECT_EQ(chain.size(), dmu.size()) << "each contact in turn";
  std::map<std::string, int> signals_per_contact;
  for (const auto& s : SignalsOf(b, kTechnologyStory)) ++signals_per_contact[s.contact_id];
  EXPECT_EQ(signals_per_contact.size(), dmu.size());
  for (const auto& [contact, n] : signals_per_contact) {
    EXPECT_GE(n, 1) << contact;
    EXPECT_LE(n, 2) << contact;
  }
}

TEST(Demo, NegotiationStory) {
  const auto& b = Demo();
  std::set<std::string> kinds;
  bool sla_note = false;
  for (const auto& s : SignalsOf(b, kNegotiationStory)) {
    kinds.insert(s.kind);
    sla_note = sla_note || s.note.find("SLA") != std::string::npos;
  }
  EXPECT_TRUE(kinds.count("procurement_engaged"));
  EXPECT_TRUE(kinds.count("asks_for_discount"));
  EXPECT_TRUE(sla_note);
  bool quote = false;
  for (const auto& [a, line] : b.activities) {
    quote = quote || (a.opportunity_id == kNegotiationStory && a.kind == "quote_sent");
  }
  EXPECT_TRUE(quote);
  const auto latest = LatestSignals(b);
  bool technical_buyer = false;
  for (const auto& m : DmuOf(b, kNegotiationStory)) {
    if (m.role != DmuRole::kTechnicalBuyer) continue;
    technical_buyer = true;
    EXPECT_EQ(PointedStage(b, latest.at({std::string(kNegotiationStory), m.contact_id})),
              6);  // vendors_evaluated
  }
  EXPECT_TRUE(technical_buyer);
}

TEST(Demo, LinesNumberTheRecordsInOrder) {
  std::set<int64_t> lines;
  const auto& b = Demo();
  for (const auto& r : b.signals) lines.insert(r.line);
  for (const auto& r : b.teams) lines.insert(r.line);
  EXPECT_EQ(lines.size(), b.signals.size() + b.teams.size());
  EXPECT_EQ(b.teams.front().line, 1);
}

}  // namespace
}  // namespace buyalign::demo
