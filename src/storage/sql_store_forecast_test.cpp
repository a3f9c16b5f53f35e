#include "storage/store_test_fixture.hpp"

namespace buyalign::storage::testing {
namespace {

using core::ErrorCode;

class SqlStoreForecast : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    CreateBasics();
    ASSERT_TRUE(store().CreateOpportunity(MakeOpportunity("o2", "a1")));
    domain::User ann;
    ann.id = "u-ann";
    ann.name = "Ann";
    ann.email = "ann@example.com";
    ann.team = "benelux";
    ASSERT_TRUE(store().CreateUser(ann));
  }

  static ForecastCall Call() {
    ForecastCall call;
    call.period = "2026-Q3";
    call.owner = "u-ann";
    call.note = "two solid deals";
    call.deals = {{"o2", ForecastCategory::kBestCase, 12000},
                  {"o1", ForecastCategory::kCommit, 48000}};
    call.model = {1000, 30000, 60000};
    return call;
  }
};

TEST_F(SqlStoreForecast, CallIsCreatedReadAndReplacedWithVersions) {
  auto created = store().PutForecastCall(Call(), 0, {"u-ann", "api"});
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->updated_by, "u-ann");
  ASSERT_EQ(created->deals.size(), 2u);
  EXPECT_EQ(created->deals[0].opportunity_id, "o1") << "deals come back in id order";
  EXPECT_EQ(created->deals[0].category, ForecastCategory::kCommit);
  EXPECT_EQ(created->deals[1].amount, 12000);
  EXPECT_EQ(created->model.p50, 30000);

  auto read = store().GetForecastCall("2026-Q3", "u-ann");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->note, "two solid deals");

  ForecastCall changed = Call();
  changed.deals = {{"o1", ForecastCategory::kOmitted, 48000}};
  changed.model = {};
  auto replaced = store().PutForecastCall(changed, 1);
  ASSERT_TRUE(replaced) << replaced.error().message;
  EXPECT_EQ(replaced->version, 2);
  ASSERT_EQ(replaced->deals.size(), 1u);
  EXPECT_EQ(replaced->deals[0].category, ForecastCategory::kOmitted);
  EXPECT_FALSE(replaced->model.p50.has_value());

  auto stale = store().PutForecastCall(Call(), 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().current_version, 2);
  auto again = store().PutForecastCall(Call(), 0);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict) << "creating over an existing call";
  EXPECT_EQ(store().GetForecastCall("2026-Q3", "u-ann")->version, 2) << "nothing written";
}

TEST_F(SqlStoreForecast, BadCallsNameTheFieldAndWriteNothing) {
  ForecastCall unknown = Call();
  unknown.deals.push_back({"o404", ForecastCategory::kPipeline, 1});
  auto missing = store().PutForecastCall(unknown, 0);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(missing.error().field, "deals[2].opportunity_id");
  ForecastCall twice = Call();
  twice.deals.push_back(twice.deals.front());
  EXPECT_EQ(store().PutForecastCall(twice, 0).error().field, "deals[2].opportunity_id");
  ForecastCall nobody = Call();
  nobody.owner = "u-nobody";
  EXPECT_EQ(store().PutForecastCall(nobody, 0).error().field, "owner");
  EXPECT_EQ(store().PutForecastCall(Call(), 3).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetForecastCall("2026-Q3", "u-ann").error().code, ErrorCode::kNotFound);
}

TEST_F(SqlStoreForecast, ListsFilterByPeriodAndOwnerAndWritesAreAudited) {
  ASSERT_TRUE(store().PutForecastCall(Call(), 0));
  ForecastCall later = Call();
  later.period = "2026-Q4";
  ASSERT_TRUE(store().PutForecastCall(later, 0));
  EXPECT_EQ(store().ListForecastCalls("", "")->size(), 2u);
  EXPECT_EQ(store().ListForecastCalls("2026-Q4", "")->size(), 1u);
  EXPECT_EQ(store().ListForecastCalls("", "u-bob")->size(), 0u);
  auto audit = store().ListAudit({"", "forecast_call", "2026-Q3/u-ann", {}, {}}, {"", 10});
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->items.size(), 1u);
  EXPECT_EQ(audit->items[0].action, "create");
  EXPECT_NE(audit->items[0].after.find("\"category\":\"commit\""), std::string::npos)
      << audit->items[0].after;

  // Deleting an opportunity takes it out of the calls that listed it.
  auto o2 = store().GetOpportunity("o2");
  ASSERT_TRUE(store().DeleteOpportunity("o2", o2->version));
  EXPECT_EQ(store().GetForecastCall("2026-Q3", "u-ann")->deals.size(), 1u);
}

TEST_F(SqlStoreForecast, AdjustmentsFollowTheSameVersionRules) {
  ForecastAdjustment adjustment;
  adjustment.period = "2026-Q3";
  adjustment.team = "benelux";
  adjustment.amount = 55000;
  adjustment.note = "Ann's commit is light";
  auto created = store().PutForecastAdjustment(adjustment, 0, {"u-mia", "api"});
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->version, 1);
  adjustment.amount = 60000;
  auto updated = store().PutForecastAdjustment(adjustment, 1);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(store().GetForecastAdjustment("2026-Q3", "benelux")->amount, 60000);
  EXPECT_EQ(store().PutForecastAdjustment(adjustment, 1).error().current_version, 2);
  EXPECT_EQ(store().ListForecastAdjustments("", "benelux")->size(), 1u);
  adjustment.amount = NAN;
  EXPECT_EQ(store().PutForecastAdjustment(adjustment, 2).error().field, "amount");
  EXPECT_EQ(store().ListAudit({"", "forecast_adjustment", "", {}, {}}, {"", 10})->items.size(), 2u);
}

TEST_F(SqlStoreForecast, OutcomesAndStageChangesListInOneRead) {
  RecordBatch batch;
  domain::Outcome won;
  won.opportunity_id = "o2";
  won.status = domain::OpportunityStatus::kWon;
  won.at = core::FromUnixSeconds(1770000000);
  won.amount = 40000;
  batch.outcomes.push_back({won, 1});
  for (auto [stage, at] : {std::pair{"Prospecting", 1769000000}, {"Qualification", 1768000000}}) {
    domain::StageChange change;
    change.opportunity_id = "o1";
    change.stage = stage;
    change.at = core::FromUnixSeconds(at);
    batch.stage_changes.push_back({change, 2});
  }
  ASSERT_TRUE(store().Import(batch));
  auto outcomes = store().ListOutcomes();
  ASSERT_TRUE(outcomes) << outcomes.error().message;
  ASSERT_EQ(outcomes->size(), 1u);
  EXPECT_EQ(outcomes->front().opportunity_id, "o2");
  auto stages = store().ListAllStageChanges();
  ASSERT_TRUE(stages);
  ASSERT_EQ(stages->size(), 2u);
  EXPECT_EQ(stages->front().stage, "Qualification") << "oldest first";
}

}  // namespace
}  // namespace buyalign::storage::testing
