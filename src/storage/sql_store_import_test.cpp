#include <algorithm>
#include <map>

#include "storage/store_test_fixture.hpp"

namespace buyalign::storage::testing {
namespace {

using core::ErrorCode;

using SqlStoreImport = StoreTest;

// The example of the interchange spec, children listed before their parents on purpose.
RecordBatch SpecExample() {
  RecordBatch b;
  int64_t line = 0;
  b.outcomes.push_back(
      {{"o1", domain::OpportunityStatus::kWon, core::FromUnixSeconds(1781265600), 45000.0, ""},
       ++line});
  b.content_shares.push_back({{"k1", "o1", "c1", core::FromUnixSeconds(1770800400), true}, ++line});
  domain::Activity x{"x1", "o1", {"c1"}, "demo", core::FromUnixSeconds(1772373600), 60, "u1", ""};
  b.activities.push_back({x, ++line});
  domain::Signal s1;
  s1.id = "s1";
  s1.opportunity_id = "o1";
  s1.contact_id = "c1";
  s1.kind = "shares_kpis_or_costs";
  s1.at = core::FromUnixSeconds(1770717600);
  s1.source = domain::SignalSource::kMeeting;
  b.signals.push_back({s1, ++line});
  domain::Signal s2 = s1;
  s2.id = "s2";
  s2.kind = "stage_assessed";
  s2.stage = "requirements_defined";
  s2.source = domain::SignalSource::kUnspecified;
  b.signals.push_back({s2, ++line});
  b.dmu_members.push_back(
      {{"o1", "c1", domain::DmuRole::kEvaluator, 0.6, domain::Stance::kChampion}, ++line});
  domain::Opportunity o;
  o.id = "o1";
  o.account_id = "a1";
  o.name = "Route planning";
  o.owner = "u1";
  o.amount = 48000;
  o.currency = "EUR";
  b.opportunities.push_back({o, ++line});
  domain::ContentItem k;
  k.id = "k1";
  k.title = "ROI calculator";
  k.stages = {"need_quantified"};
  b.content.push_back({k, ++line});
  b.contacts.push_back({{"c1", "a1", "Thomas", "Operations Manager", "", "operations"}, ++line});
  b.accounts.push_back({{"a1", "Transport Janssens", "logistics", 85, "BE", "mid_market"}, ++line});
  b.users.push_back(
      {{"u1", "Ann Peeters", "ann@example.com", domain::UserRole::kRep, "benelux"}, ++line});
  b.teams.push_back({{"benelux", "Benelux"}, ++line});
  return b;
}

std::map<std::string, ImportCount> Counts(const ImportSummary& summary) {
  return {summary.counts.begin(), summary.counts.end()};
}

// Records every visited record as "type:key:version", in order.
class Recorder : public Store::RecordVisitor {
 public:
  std::vector<std::string> seen;
  Status Visit(const domain::Team& r) override { return Add("team:" + r.id, r.version); }
  Status Visit(const domain::User& r) override { return Add("user:" + r.id, r.version); }
  Status Visit(const domain::Account& r) override { return Add("account:" + r.id, r.version); }
  Status Visit(const domain::Contact& r) override { return Add("contact:" + r.id, r.version); }
  Status Visit(const domain::ContentItem& r) override { return Add("content:" + r.id, r.version); }
  Status Visit(const domain::Opportunity& r) override {
    return Add("opportunity:" + r.id, r.version);
  }
  Status Visit(const domain::DmuMember& r) override {
    return Add("dmu_member:" + r.opportunity_id + "/" + r.contact_id, r.version);
  }
  Status Visit(const domain::Signal& r) override { return Add("signal:" + r.id, r.version); }
  Status Visit(const domain::Activity& r) override {
    return Add("activity:" + r.id + "[" + r.contact_ids.at(0) + "]", r.version);
  }
  Status Visit(const domain::ContentShare& r) override {
    return Add("content_share:" + r.content_id + "/" + r.contact_id, r.version);
  }
  Status Visit(const domain::Outcome& r) override {
    return Add("outcome:" + r.opportunity_id, r.version);
  }

 private:
  Status Add(std::string entry, int64_t version) {
    seen.push_back(entry + ":v" + std::to_string(version));
    return {};
  }
};

TEST_F(SqlStoreImport, BatchSizeCountsEveryRecord) { EXPECT_EQ(SpecExample().size(), 12u); }

TEST_F(SqlStoreImport, CreatesThenASecondImportIsUnchanged) {
  auto first = store().Import(SpecExample());
  ASSERT_TRUE(first) << core::Describe(first.error());
  auto counts = Counts(*first);
  EXPECT_EQ(first->counts.size(), 12u);
  EXPECT_EQ(first->counts.front().first, "team");
  EXPECT_EQ(first->counts.back().first, "outcome");
  EXPECT_EQ(counts["signal"].created, 2);
  EXPECT_EQ(counts["account"].created, 1);
  EXPECT_EQ(counts["outcome"].created, 1);

  auto second = store().Import(SpecExample());
  ASSERT_TRUE(second) << core::Describe(second.error());
  for (const auto& [type, count] : second->counts) {
    EXPECT_EQ(count.created, 0) << type;
    EXPECT_EQ(count.updated, 0) << type;
  }
  EXPECT_EQ(Counts(*second)["signal"].unchanged, 2);
  EXPECT_EQ(Counts(*second)["activity"].unchanged, 1);
  EXPECT_EQ(store().GetOpportunity("o1")->version, 1);
  EXPECT_EQ(store().GetOpportunity("o1")->owner, "u1");
  EXPECT_EQ(store().GetActivity("x1")->owner, "u1");
}

TEST_F(SqlStoreImport, ChangedRecordCountsUpdatedAndBumpsVersion) {
  ASSERT_TRUE(store().Import(SpecExample()));
  RecordBatch batch = SpecExample();
  batch.signals[1].record.note = "now with a note";
  batch.activities[0].record.contact_ids = {"c1", "c1"};
  auto result = store().Import(batch);
  ASSERT_TRUE(result) << core::Describe(result.error());
  auto counts = Counts(*result);
  EXPECT_EQ(counts["signal"].updated, 1);
  EXPECT_EQ(counts["signal"].unchanged, 1);
  EXPECT_EQ(counts["activity"].updated, 1);
  EXPECT_EQ(store().GetSignal("s2")->version, 2);
  EXPECT_EQ(store().GetSignal("s2")->note, "now with a note");
  EXPECT_EQ(store().GetSignal("s1")->version, 1);
  EXPECT_EQ(store().GetActivity("x1")->contact_ids.size(), 2u);
}

TEST_F(SqlStoreImport, ReferencesResolveAgainstTheStore) {
  ASSERT_TRUE(store().Import(SpecExample()));
  RecordBatch batch;
  domain::Signal s = SpecExample().signals[0].record;
  s.id = "s3";
  batch.signals.push_back({s, 1});
  auto result = store().Import(batch);
  ASSERT_TRUE(result) << core::Describe(result.error());
  EXPECT_EQ(Counts(*result)["signal"].created, 1);
  EXPECT_EQ(store().GetSignal("s3")->opportunity_id, "o1");
}

TEST_F(SqlStoreImport, BadReferenceOnTheLastRecordLeavesTheStoreUnchanged) {
  RecordBatch batch = SpecExample();
  domain::Signal bad = batch.signals[0].record;
  bad.id = "s9";
  bad.contact_id = "c9";
  batch.signals.push_back({bad, 99});
  auto result = store().Import(batch);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(result.error().line, 99);
  EXPECT_EQ(result.error().field, "contact_id");
  EXPECT_EQ(result.error().message, "no contact with id \"c9\"");
  EXPECT_EQ(store().GetAccount("a1").error().code, ErrorCode::kNotFound);
  Recorder recorder;
  ASSERT_TRUE(store().ScanAll(recorder));
  EXPECT_TRUE(recorder.seen.empty());
}

TEST_F(SqlStoreImport, InvalidRecordNamesItsLine) {
  RecordBatch batch = SpecExample();
  batch.dmu_members[0].record.influence = 2;
  auto result = store().Import(batch);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().line, batch.dmu_members[0].line);
  EXPECT_EQ(result.error().field, "influence");
}

TEST_F(SqlStoreImport, DuplicateKeyInOneBatchUpdatesTheFirst) {
  RecordBatch batch;
  batch.accounts.push_back({{"a1", "First", "", std::nullopt, "", ""}, 1});
  batch.accounts.push_back({{"a1", "Second", "", std::nullopt, "", ""}, 2});
  batch.accounts.push_back({{"a1", "Second", "", std::nullopt, "", ""}, 3});
  auto result = store().Import(batch);
  ASSERT_TRUE(result);
  auto count = Counts(*result)["account"];
  EXPECT_EQ(count.created, 1);
  EXPECT_EQ(count.updated, 1);
  EXPECT_EQ(count.unchanged, 1);
  EXPECT_EQ(store().GetAccount("a1")->name, "Second");
  EXPECT_EQ(store().GetAccount("a1")->version, 2);
}

TEST_F(SqlStoreImport, ScanAllStreamsInDependencyOrderSortedByKey) {
  RecordBatch batch = SpecExample();
  domain::Account second = batch.accounts[0].record;
  second.id = "a0";
  batch.accounts.push_back({second, 50});
  ASSERT_TRUE(store().Import(batch));
  Recorder recorder;
  ASSERT_TRUE(store().ScanAll(recorder));
  std::vector<std::string> expected = {
      "team:benelux:v1", "user:u1:v1",    "account:a0:v1",      "account:a1:v1",
      "contact:c1:v1",   "content:k1:v1", "opportunity:o1:v1",  "dmu_member:o1/c1:v1",
      "signal:s1:v1",    "signal:s2:v1",  "activity:x1[c1]:v1", "content_share:k1/c1:v1",
      "outcome:o1:v1"};
  EXPECT_EQ(recorder.seen, expected);
}

TEST_F(SqlStoreImport, VisitorErrorStopsTheScan) {
  ASSERT_TRUE(store().Import(SpecExample()));
  struct Stopper : Recorder {
    Status Visit(const domain::Account&) override {
      return core::Fail(core::Error::Internal("disk full"));
    }
    using Recorder::Visit;
  } stopper;
  auto scanned = store().ScanAll(stopper);
  ASSERT_FALSE(scanned);
  EXPECT_EQ(scanned.error().message, "disk full");
  EXPECT_EQ(stopper.seen.size(), 2u);  // team and user came before the account
}

TEST_F(SqlStoreImport, ScanSignalsOrdersByOpportunityContactTime) {
  RecordBatch batch = SpecExample();
  domain::Signal early = batch.signals[0].record;
  early.id = "s0";
  early.at = core::FromUnixSeconds(5);
  batch.signals.push_back({early, 50});
  ASSERT_TRUE(store().Import(batch));
  std::vector<std::string> ids;
  ASSERT_TRUE(store().ScanSignals([&](const domain::Signal& s) {
    ids.push_back(s.id);
    return true;
  }));
  EXPECT_EQ(ids, (std::vector<std::string>{"s0", "s1", "s2"}));
  ids.clear();
  ASSERT_TRUE(store().ScanSignals([&](const domain::Signal& s) {
    ids.push_back(s.id);
    return false;
  }));
  EXPECT_EQ(ids.size(), 1u);
}

TEST_F(SqlStoreImport, ProgressReachesTheTotal) {
  size_t last_done = 0, last_total = 0;
  ASSERT_TRUE(store().Import(SpecExample(), [&](size_t done, size_t total) {
    last_done = done;
    last_total = total;
  }));
  EXPECT_EQ(last_total, 12u);
  EXPECT_EQ(last_done, 12u);
}

domain::StageChange Stage(std::string stage, int64_t at, std::optional<double> probability) {
  domain::StageChange change;
  change.opportunity_id = "o1";
  change.stage = std::move(stage);
  change.at = core::FromUnixSeconds(at);
  change.amount = 48000;
  change.probability = probability;
  return change;
}

TEST_F(SqlStoreImport, StageChangesUpsertByOpportunityAndTime) {
  RecordBatch batch = SpecExample();
  batch.stage_changes.push_back({Stage("Negotiation/Review", 300, 0.8), 20});
  batch.stage_changes.push_back({Stage("Prospecting", 100, 0.1), 21});
  EXPECT_EQ(batch.size(), 14u);
  auto first = store().Import(batch);
  ASSERT_TRUE(first) << core::Describe(first.error());
  // Right after opportunities, which they refer to.
  auto at = std::find_if(first->counts.begin(), first->counts.end(),
                         [](const auto& entry) { return entry.first == "stage_change"; });
  ASSERT_NE(at, first->counts.end());
  EXPECT_EQ((at - 1)->first, "opportunity");
  EXPECT_EQ(at->second.created, 2);

  batch.stage_changes[0].record.probability = 0.7;
  auto second = store().Import(batch);
  ASSERT_TRUE(second);
  EXPECT_EQ(Counts(*second)["stage_change"].updated, 1);
  EXPECT_EQ(Counts(*second)["stage_change"].unchanged, 1);

  auto changes = store().ListStageChanges("o1");
  ASSERT_TRUE(changes) << changes.error().message;
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_EQ((*changes)[0].stage, "Prospecting");
  EXPECT_EQ((*changes)[1].stage, "Negotiation/Review");
  EXPECT_EQ((*changes)[1].probability, 0.7);
  EXPECT_EQ((*changes)[1].amount, 48000);
  EXPECT_EQ((*changes)[1].version, 2);
  EXPECT_EQ(store().ListStageChanges("o404").error().code, ErrorCode::kNotFound);

  RecordBatch bad;
  bad.stage_changes.push_back({Stage("Closed Won", 400, 1.5), 7});
  auto invalid = store().Import(bad);
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().field, "probability");
  EXPECT_EQ(invalid.error().line, 7);
}

TEST_F(SqlStoreImport, ScanAllStreamsStageChangesLast) {
  RecordBatch batch = SpecExample();
  batch.stage_changes.push_back({Stage("Prospecting", 100, std::nullopt), 20});
  ASSERT_TRUE(store().Import(batch));
  struct WithStages : Recorder {
    using Recorder::Visit;
    Status Visit(const domain::StageChange& r) override {
      seen.push_back("stage_change:" + r.opportunity_id + "/" + r.stage);
      return {};
    }
  } with_stages;
  ASSERT_TRUE(store().ScanAll(with_stages));
  ASSERT_FALSE(with_stages.seen.empty());
  EXPECT_EQ(with_stages.seen.back(), "stage_change:o1/Prospecting");
  EXPECT_EQ(with_stages.seen[with_stages.seen.size() - 2], "outcome:o1:v1");
  Recorder without;  // a visitor written before stage history still works
  ASSERT_TRUE(store().ScanAll(without));
  EXPECT_EQ(without.seen.size(), with_stages.seen.size() - 1);
}

TEST_F(SqlStoreImport, CrmStagePersists) {
  RecordBatch batch = SpecExample();
  batch.opportunities[0].record.crm_stage = "Negotiation/Review";
  ASSERT_TRUE(store().Import(batch));
  Reopen();
  EXPECT_EQ(store().GetOpportunity("o1")->crm_stage, "Negotiation/Review");
  auto opportunity = *store().GetOpportunity("o1");
  opportunity.crm_stage = "Closed Won";
  ASSERT_TRUE(store().UpdateOpportunity(opportunity, 1));
  EXPECT_EQ(store().GetOpportunity("o1")->crm_stage, "Closed Won");
}

}  // namespace
}  // namespace buyalign::storage::testing
