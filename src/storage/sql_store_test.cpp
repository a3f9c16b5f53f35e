#include <set>
#include <thread>

#include "storage/store_test_fixture.hpp"

namespace buyalign::storage::testing {
namespace {

using core::ErrorCode;

using SqlStore = StoreTest;

TEST_F(SqlStore, CreatedAccountReadsBackWithVersionOne) {
  auto created = store().CreateAccount(MakeAccount("a1"));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->version, 1);
  auto read = store().GetAccount("a1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->name, "Transport Janssens");
  EXPECT_EQ(read->employees, 85);
  EXPECT_EQ(read->country, "BE");
  EXPECT_EQ(read->version, 1);
}

TEST_F(SqlStore, MissingRecordIsNotFound) {
  EXPECT_EQ(store().GetAccount("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetContact("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetOpportunity("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetSignal("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetActivity("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetContent("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetUser("nope").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetDmuMember("o", "c").error().code, ErrorCode::kNotFound);
}

TEST_F(SqlStore, DuplicateIdIsAConflict) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
  auto again = store().CreateAccount(MakeAccount("a1"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_F(SqlStore, MissingRequiredFieldIsInvalid) {
  auto account = MakeAccount("a1");
  account.name.clear();
  auto created = store().CreateAccount(account);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(created.error().field, "name");
}

TEST_F(SqlStore, UnknownReferenceNamesTheField) {
  auto created = store().CreateContact(MakeContact("c1", "a9"));
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(created.error().field, "account_id");
  EXPECT_EQ(created.error().message, "no account with id \"a9\"");
}

TEST_F(SqlStore, UnknownOwnerIsAnUnknownReference) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
  auto opportunity = MakeOpportunity("o1", "a1");
  opportunity.owner = "u404";
  auto created = store().CreateOpportunity(opportunity);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(created.error().field, "owner");
}

TEST_F(SqlStore, UpdateBumpsVersionAndStaleVersionIsAConflict) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
  auto account = MakeAccount("a1");
  account.name = "Janssens Logistics";
  auto updated = store().UpdateAccount(account, 1);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(store().GetAccount("a1")->name, "Janssens Logistics");

  account.name = "Stale";
  auto stale = store().UpdateAccount(account, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().current_version, 2);
  EXPECT_EQ(store().GetAccount("a1")->name, "Janssens Logistics");

  auto stale_delete = store().DeleteAccount("a1", 1);
  ASSERT_FALSE(stale_delete);
  EXPECT_EQ(stale_delete.error().current_version, 2);
  EXPECT_TRUE(store().GetAccount("a1"));
}

TEST_F(SqlStore, UpdateOfMissingRecordIsNotFound) {
  auto updated = store().UpdateAccount(MakeAccount("a1"), 1);
  ASSERT_FALSE(updated);
  EXPECT_EQ(updated.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().DeleteAccount("a1", 1).error().code, ErrorCode::kNotFound);
}

TEST_F(SqlStore, DeleteRemovesTheRecord) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
  ASSERT_TRUE(store().DeleteAccount("a1", 1));
  EXPECT_EQ(store().GetAccount("a1").error().code, ErrorCode::kNotFound);
}

TEST_F(SqlStore, DeletingAReferencedAccountIsAConflict) {
  CreateBasics();
  auto deleted = store().DeleteAccount("a1", 1);
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code, ErrorCode::kConflict);
  EXPECT_NE(deleted.error().message.find("still referenced"), std::string::npos);
  EXPECT_TRUE(store().GetAccount("a1"));
}

TEST_F(SqlStore, DeletingAReferencedContactIsAConflict) {
  CreateBasics();
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s1", "o1", "c1", 100)));
  EXPECT_EQ(store().DeleteContact("c1", 1).error().code, ErrorCode::kConflict);
}

TEST_F(SqlStore, ContactCrudRoundTrips) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a2")));
  ASSERT_TRUE(store().CreateContact(MakeContact("c1", "a1")));
  auto contact = MakeContact("c1", "a2");
  contact.title = "COO";
  auto updated = store().UpdateContact(contact, 1);
  ASSERT_TRUE(updated) << updated.error().message;
  auto read = store().GetContact("c1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->account_id, "a2");
  EXPECT_EQ(read->title, "COO");
  EXPECT_EQ(read->version, 2);
  ASSERT_TRUE(store().DeleteContact("c1", 2));
  EXPECT_FALSE(store().GetContact("c1"));
}

TEST_F(SqlStore, OpportunityCrudRoundTrips) {
  CreateBasics();
  auto read = store().GetOpportunity("o1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->account_id, "a1");
  EXPECT_EQ(read->amount, 48000);
  EXPECT_EQ(read->expected_close, core::FromUnixDays(20634));
  EXPECT_EQ(read->created_at, core::FromUnixSeconds(1769932800));
  EXPECT_EQ(read->owner, "");
  auto opportunity = *read;
  opportunity.status = domain::OpportunityStatus::kWon;
  opportunity.amount.reset();
  ASSERT_TRUE(store().UpdateOpportunity(opportunity, 1));
  read = store().GetOpportunity("o1");
  EXPECT_EQ(read->status, domain::OpportunityStatus::kWon);
  EXPECT_FALSE(read->amount.has_value());
  EXPECT_EQ(store().UpdateOpportunity(opportunity, 1).error().current_version, 2);
}

TEST_F(SqlStore, DeletingAnOpportunityCascades) {
  CreateBasics();
  domain::DmuMember member{"o1", "c1", domain::DmuRole::kEvaluator, 0.6, domain::Stance::kChampion};
  ASSERT_TRUE(store().CreateDmuMember(member));
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s1", "o1", "c1", 100)));
  ASSERT_TRUE(store().CreateActivity(MakeActivity("x1", "o1", {"c1"}, 200)));
  RecordBatch batch;
  batch.content.push_back({MakeContent("k1"), 1});
  batch.content_shares.push_back({{"k1", "o1", "c1", core::FromUnixSeconds(300), true}, 2});
  batch.outcomes.push_back(
      {{"o1", domain::OpportunityStatus::kWon, core::FromUnixSeconds(400), 45000.0, "fit"}, 3});
  ASSERT_TRUE(store().Import(batch));

  ASSERT_TRUE(store().DeleteOpportunity("o1", 1));
  EXPECT_EQ(store().GetSignal("s1").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetActivity("x1").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetDmuMember("o1", "c1").error().code, ErrorCode::kNotFound);
  // Nothing references the contact any more, so it can go too.
  EXPECT_TRUE(store().DeleteContact("c1", 1));
  EXPECT_TRUE(store().DeleteContent("k1", 1));
}

TEST_F(SqlStore, DmuMemberCrud) {
  CreateBasics();
  domain::DmuMember member{"o1", "c1", domain::DmuRole::kEvaluator, 0.6, domain::Stance::kChampion};
  auto created = store().CreateDmuMember(member);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(store().CreateDmuMember(member).error().code, ErrorCode::kConflict);
  member.stance = domain::Stance::kBlocker;
  auto updated = store().UpdateDmuMember(member, 1);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  auto read = store().GetDmuMember("o1", "c1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->stance, domain::Stance::kBlocker);
  EXPECT_DOUBLE_EQ(read->influence, 0.6);
  auto members = store().ListDmuMembers("o1");
  ASSERT_TRUE(members);
  ASSERT_EQ(members->size(), 1u);
  EXPECT_EQ(store().ListDmuMembers("o404").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().DeleteDmuMember("o1", "c1", 1).error().current_version, 2);
  ASSERT_TRUE(store().DeleteDmuMember("o1", "c1", 2));
  EXPECT_TRUE(store().ListDmuMembers("o1")->empty());
}

TEST_F(SqlStore, DmuMemberWithUnknownContactIsAnUnknownReference) {
  CreateBasics();
  domain::DmuMember member{"o1", "c9", domain::DmuRole::kEvaluator, 0.6, domain::Stance::kChampion};
  auto created = store().CreateDmuMember(member);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(created.error().field, "contact_id");
  EXPECT_EQ(store().UpdateDmuMember(member, 1).error().code, ErrorCode::kNotFound);
}

TEST_F(SqlStore, InfluenceOutOfRangeIsInvalid) {
  CreateBasics();
  domain::DmuMember member{"o1", "c1", domain::DmuRole::kEvaluator, 1.5, domain::Stance::kChampion};
  auto created = store().CreateDmuMember(member);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().field, "influence");
}

TEST_F(SqlStore, SignalCrudRoundTrips) {
  CreateBasics();
  ASSERT_TRUE(store().CreateContent(MakeContent("k1")));
  auto signal = MakeSignal("s1", "o1", "c1", 1770717600);
  signal.kind = "content_engaged";
  signal.content_id = "k1";
  ASSERT_TRUE(store().CreateSignal(signal));
  auto read = store().GetSignal("s1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->content_id, "k1");
  EXPECT_EQ(read->source, domain::SignalSource::kMeeting);
  EXPECT_EQ(read->at, core::FromUnixSeconds(1770717600));
  EXPECT_EQ(store().DeleteContent("k1", 1).error().code, ErrorCode::kConflict);
  signal.content_id = "k404";
  EXPECT_EQ(store().UpdateSignal(signal, 1).error().field, "content_id");
  signal.content_id.clear();
  signal.note = "changed";
  ASSERT_TRUE(store().UpdateSignal(signal, 1));
  EXPECT_EQ(store().GetSignal("s1")->note, "changed");
  ASSERT_TRUE(store().DeleteSignal("s1", 2));
  EXPECT_FALSE(store().GetSignal("s1"));
}

TEST_F(SqlStore, ActivityKeepsContactOrderAcrossUpdates) {
  CreateBasics();
  ASSERT_TRUE(store().CreateContact(MakeContact("c2", "a1")));
  ASSERT_TRUE(store().CreateActivity(MakeActivity("x1", "o1", {"c2", "c1"}, 200)));
  auto read = store().GetActivity("x1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->contact_ids, (std::vector<std::string>{"c2", "c1"}));
  EXPECT_EQ(read->duration_min, 60);
  auto unknown = MakeActivity("x1", "o1", {"c1", "c9"}, 200);
  auto failed = store().UpdateActivity(unknown, 1);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(failed.error().field, "contact_ids[1]");
  ASSERT_TRUE(store().UpdateActivity(MakeActivity("x1", "o1", {"c1"}, 200), 1));
  EXPECT_EQ(store().GetActivity("x1")->contact_ids, std::vector<std::string>{"c1"});
  ASSERT_TRUE(store().DeleteActivity("x1", 2));
  EXPECT_FALSE(store().GetActivity("x1"));
}

TEST_F(SqlStore, ContentListsRoundTrip) {
  auto item = MakeContent("k1");
  item.segments = {"smb", "with \"quotes\" and ünïcode"};
  item.retired = true;
  ASSERT_TRUE(store().CreateContent(item));
  auto read = store().GetContent("k1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->stages, item.stages);
  EXPECT_EQ(read->personas, item.personas);
  EXPECT_EQ(read->segments, item.segments);
  EXPECT_TRUE(read->retired);
  item.retired = false;
  ASSERT_TRUE(store().UpdateContent(item, 1));
  EXPECT_FALSE(store().GetContent("k1")->retired);
  ASSERT_TRUE(store().DeleteContent("k1", 2));
}

// Walks every page and checks each id shows up exactly once, in order.
template <class Fetch>
std::vector<std::string> WalkPages(Fetch fetch, int limit) {
  std::vector<std::string> ids;
  std::string cursor;
  for (int pages = 0; pages < 1000; ++pages) {
    auto page = fetch(PageRequest{cursor, limit});
    EXPECT_TRUE(page) << page.error().message;
    if (!page) break;
    EXPECT_LE(page->items.size(), static_cast<size_t>(std::max(limit, 1)));
    for (const auto& item : page->items) ids.push_back(item.id);
    if (page->next_cursor.empty()) break;
    cursor = page->next_cursor;
  }
  return ids;
}

TEST_F(SqlStore, PaginationVisitsEveryAccountOnce) {
  std::vector<std::string> expected;
  for (int i = 0; i < 23; ++i) {
    std::string id = "a" + std::to_string(100 + i);
    expected.push_back(id);
    ASSERT_TRUE(store().CreateAccount(MakeAccount(id)));
  }
  for (int limit : {1, 5, 23, 50}) {
    auto ids = WalkPages([&](const PageRequest& p) { return store().ListAccounts(p); }, limit);
    EXPECT_EQ(ids, expected) << "limit " << limit;
  }
}

TEST_F(SqlStore, LimitIsClamped) {
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(store().CreateAccount(MakeAccount("a" + std::to_string(i))));
  auto page = store().ListAccounts({"", 0});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->items.size(), 1u);
  page = store().ListAccounts({"", 100000});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->items.size(), 3u);
  EXPECT_TRUE(page->next_cursor.empty());
}

TEST_F(SqlStore, BadCursorIsInvalid) {
  auto page = store().ListAccounts({"zz-not-a-cursor", 10});
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(page.error().field, "cursor");
  EXPECT_FALSE(store().ListSignals({}, {"0a", 10}));
}

TEST_F(SqlStore, ContactsFilterByAccount) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a1")));
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a2")));
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(store().CreateContact(MakeContact("c" + std::to_string(i), i % 2 ? "a1" : "a2")));
  }
  auto of_a1 = WalkPages([&](const PageRequest& p) { return store().ListContacts({"a1"}, p); }, 2);
  EXPECT_EQ(of_a1, (std::vector<std::string>{"c1", "c3", "c5"}));
  auto all = WalkPages([&](const PageRequest& p) { return store().ListContacts({}, p); }, 3);
  EXPECT_EQ(all.size(), 7u);
  EXPECT_TRUE(store().ListContacts({"a404"}, {})->items.empty());
}

TEST_F(SqlStore, OpportunitiesFilterByStatusAccountAndOwner) {
  RecordBatch batch;
  batch.users.push_back({{"u1", "Ann", "ann@example.com", domain::UserRole::kRep, "benelux"}, 1});
  batch.accounts.push_back({MakeAccount("a1"), 2});
  batch.accounts.push_back({MakeAccount("a2"), 3});
  for (int i = 0; i < 6; ++i) {
    auto opportunity = MakeOpportunity("o" + std::to_string(i), i < 4 ? "a1" : "a2");
    if (i % 2 == 0) opportunity.owner = "u1";
    if (i == 1) opportunity.status = domain::OpportunityStatus::kLost;
    batch.opportunities.push_back({opportunity, 4 + i});
  }
  ASSERT_TRUE(store().Import(batch));
  auto ids = [&](std::string owner, std::optional<domain::OpportunityStatus> status,
                 std::string account_id) {
    OpportunityFilter filter;
    filter.owner = std::move(owner);
    filter.status = status;
    filter.account_id = std::move(account_id);
    return WalkPages([&](const PageRequest& p) { return store().ListOpportunities(filter, p); }, 2);
  };
  EXPECT_EQ(ids("", std::nullopt, "").size(), 6u);
  EXPECT_EQ(ids("", std::nullopt, "a2"), (std::vector<std::string>{"o4", "o5"}));
  EXPECT_EQ(ids("u1", std::nullopt, ""), (std::vector<std::string>{"o0", "o2", "o4"}));
  EXPECT_EQ(ids("", domain::OpportunityStatus::kLost, ""), std::vector<std::string>{"o1"});
  EXPECT_EQ(ids("u1", domain::OpportunityStatus::kOpen, "a1"),
            (std::vector<std::string>{"o0", "o2"}));
  EXPECT_TRUE(ids("u404", std::nullopt, "").empty());
  EXPECT_EQ(store().GetUser("u1")->team, "benelux");
}

TEST_F(SqlStore, SignalsPageByTimeThenId) {
  CreateBasics();
  ASSERT_TRUE(store().CreateContact(MakeContact("c2", "a1")));
  ASSERT_TRUE(store().CreateOpportunity(MakeOpportunity("o2", "a1")));
  // Several signals share a time, so the id must break ties across page boundaries.
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s5", "o1", "c1", 100)));
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s1", "o1", "c2", 300)));
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s3", "o1", "c1", 200)));
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s2", "o1", "c2", 200)));
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s4", "o1", "c1", 200)));
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s6", "o2", "c1", 150)));
  auto list = [&](const SignalFilter& filter) {
    return WalkPages([&](const PageRequest& p) { return store().ListSignals(filter, p); }, 2);
  };
  EXPECT_EQ(list({"o1", ""}), (std::vector<std::string>{"s5", "s2", "s3", "s4", "s1"}));
  EXPECT_EQ(list({}), (std::vector<std::string>{"s5", "s6", "s2", "s3", "s4", "s1"}));
  EXPECT_EQ(list({"o1", "c2"}), (std::vector<std::string>{"s2", "s1"}));
  EXPECT_EQ(list({"", "c1"}), (std::vector<std::string>{"s5", "s6", "s3", "s4"}));
  EXPECT_TRUE(list({"o404", ""}).empty());
}

TEST_F(SqlStore, ActivitiesPageByTimeThenIdAndFilterByOpportunity) {
  CreateBasics();
  ASSERT_TRUE(store().CreateOpportunity(MakeOpportunity("o2", "a1")));
  ASSERT_TRUE(store().CreateActivity(MakeActivity("x3", "o1", {"c1"}, 100)));
  ASSERT_TRUE(store().CreateActivity(MakeActivity("x1", "o1", {}, 200)));
  ASSERT_TRUE(store().CreateActivity(MakeActivity("x2", "o2", {"c1"}, 200)));
  auto list = [&](const ActivityFilter& filter) {
    return WalkPages([&](const PageRequest& p) { return store().ListActivities(filter, p); }, 1);
  };
  EXPECT_EQ(list({}), (std::vector<std::string>{"x3", "x1", "x2"}));
  EXPECT_EQ(list({"o1"}), (std::vector<std::string>{"x3", "x1"}));
}

TEST_F(SqlStore, ContentPagination) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(store().CreateContent(MakeContent("k" + std::to_string(i))));
  auto ids = WalkPages([&](const PageRequest& p) { return store().ListContent(p); }, 2);
  EXPECT_EQ(ids, (std::vector<std::string>{"k0", "k1", "k2", "k3", "k4"}));
}

TEST_F(SqlStore, DataPersistsAcrossReopen) {
  CreateBasics();
  ASSERT_TRUE(store().CreateSignal(MakeSignal("s1", "o1", "c1", 100)));
  Reopen();
  EXPECT_TRUE(store().GetAccount("a1"));
  EXPECT_EQ(store().GetSignal("s1")->contact_id, "c1");
  // Reopening again runs no migration twice.
  Reopen();
  EXPECT_EQ(store().GetOpportunity("o1")->version, 1);
}

TEST_F(SqlStore, ConcurrentWritersAllSucceed) {
  ASSERT_TRUE(store().CreateAccount(MakeAccount("a0")));
  constexpr int kThreads = 4;
  constexpr int kPerThread = 50;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::string id = "t" + std::to_string(t) + "-" + std::to_string(i);
        if (!store().CreateContact(MakeContact(id, "a0"))) ++failures;
        if (!store().GetContact(id)) ++failures;
        if (!store().ListContacts({"a0"}, {"", 10})) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  auto all = WalkPages([&](const PageRequest& p) { return store().ListContacts({}, p); }, 1000);
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(OpenStore, UnreachablePostgresIsUnavailable) {
  auto opened = OpenStore("postgresql://buyalign@127.0.0.1:1/buyalign");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(opened.error().message.starts_with("database unavailable: "))
      << opened.error().message;
}

TEST(OpenStore, UnopenablePathFails) {
  auto opened = OpenStore("/nonexistent-dir/deeper/buyalign.db");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace buyalign::storage::testing
