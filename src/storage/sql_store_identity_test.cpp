#include <algorithm>

#include "storage/store_test_fixture.hpp"

namespace buyalign::storage::testing {
namespace {

using core::ErrorCode;

using SqlStoreIdentity = StoreTest;

// A hash in the shape auth::HashPassword produces (storage does not link auth).
constexpr std::string_view kHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo";

domain::User MakeUser(std::string id, std::string team = "benelux",
                      domain::UserRole role = domain::UserRole::kRep) {
  domain::User u;
  u.id = id;
  u.name = "User " + id;
  u.email = id + "@example.com";
  u.role = role;
  u.team = std::move(team);
  return u;
}

core::Timestamp InSeconds(int64_t seconds) { return core::Now() + std::chrono::seconds(seconds); }

TEST_F(SqlStoreIdentity, UserCrudWithVersionConflicts) {
  auto created = store().CreateUser(MakeUser("u1"));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(store().CreateUser(MakeUser("u1")).error().code, ErrorCode::kConflict);

  auto user = MakeUser("u1", "nordics", domain::UserRole::kManager);
  user.disabled = true;  // ignored: only SetUserDisabled changes it
  auto updated = store().UpdateUser(user, 1);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_FALSE(updated->disabled);
  auto read = store().GetUser("u1");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->team, "nordics");
  EXPECT_EQ(read->role, domain::UserRole::kManager);

  auto stale = store().UpdateUser(user, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().current_version, 2);

  ASSERT_TRUE(store().CreateUser(MakeUser("u0")));
  auto page = store().ListUsers({"", 1});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, "u0");
  auto next = store().ListUsers({page->next_cursor, 10});
  ASSERT_TRUE(next);
  ASSERT_EQ(next->items.size(), 1u);
  EXPECT_EQ(next->items[0].id, "u1");
}

TEST_F(SqlStoreIdentity, PasswordHashIsStoredButNeverRead) {
  ASSERT_TRUE(store().CreateUser(MakeUser("u1")));
  auto plain = store().SetPassword("u1", "correct horse battery staple");
  ASSERT_FALSE(plain);
  EXPECT_EQ(plain.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store().SetPassword("u404", kHash).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store().SetPassword("u1", kHash, {"admin", "api"}));

  auto credentials = store().GetCredentials("U1@Example.com");
  ASSERT_TRUE(credentials) << credentials.error().message;
  EXPECT_EQ(credentials->user.id, "u1");
  EXPECT_EQ(credentials->password_hash, kHash);
  EXPECT_FALSE(credentials->disabled);
  EXPECT_EQ(store().GetCredentials("u1")->password_hash, kHash);
  EXPECT_EQ(store().GetCredentials("nobody").error().code, ErrorCode::kNotFound);

  // Neither the audit log nor an export carries the hash.
  auto audit = store().ListAudit({}, {"", 100});
  ASSERT_TRUE(audit);
  bool saw_password_entry = false;
  for (const AuditEntry& entry : audit->items) {
    EXPECT_EQ(entry.before.find("argon2"), std::string::npos);
    EXPECT_EQ(entry.after.find("argon2"), std::string::npos);
    if (entry.action == "set_password") {
      saw_password_entry = true;
      EXPECT_EQ(entry.user_id, "admin");
      EXPECT_EQ(entry.record_id, "u1");
    }
  }
  EXPECT_TRUE(saw_password_entry);
}

TEST_F(SqlStoreIdentity, SharedEmailIsAmbiguousForLogin) {
  auto a = MakeUser("u1");
  auto b = MakeUser("u2");
  b.email = a.email;
  ASSERT_TRUE(store().CreateUser(a));
  ASSERT_TRUE(store().CreateUser(b));
  EXPECT_EQ(store().GetCredentials(a.email).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(store().GetCredentials("u2"));  // the id still works
}

TEST_F(SqlStoreIdentity, SessionsExpireAndEnd) {
  ASSERT_TRUE(store().CreateUser(MakeUser("u1")));
  ASSERT_TRUE(store().CreateSession("live", "csrf1", "u1", InSeconds(3600)));
  ASSERT_TRUE(store().CreateSession("old", "csrf2", "u1", InSeconds(-1)));
  ASSERT_TRUE(store().CreateSession("other", "csrf3", "u1", InSeconds(3600)));
  EXPECT_EQ(store().CreateSession("x", "y", "u404", InSeconds(60)).error().code,
            ErrorCode::kNotFound);

  auto session = store().GetSession("live");
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_EQ(session->user_id, "u1");
  EXPECT_EQ(session->csrf_hash, "csrf1");
  EXPECT_EQ(store().GetSession("old").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().GetSession("unknown").error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(store().DeleteSession("live"));
  ASSERT_TRUE(store().DeleteSession("live"));  // twice is fine
  EXPECT_FALSE(store().GetSession("live"));
  EXPECT_TRUE(store().GetSession("other"));
  ASSERT_TRUE(store().DeleteSessionsOf("u1"));
  EXPECT_FALSE(store().GetSession("other"));
}

TEST_F(SqlStoreIdentity, DisablingAUserEndsSessionsAndTokens) {
  ASSERT_TRUE(store().CreateUser(MakeUser("u1")));
  ASSERT_TRUE(store().CreateSession("s", "c", "u1", InSeconds(3600)));
  ASSERT_TRUE(store().CreateApiToken("t", "u1", "ci"));
  ASSERT_TRUE(store().SetUserDisabled("u1", true));
  EXPECT_FALSE(store().GetSession("s"));
  EXPECT_FALSE(store().FindApiToken("t"));
  EXPECT_TRUE(store().GetUser("u1")->disabled);
  EXPECT_EQ(store().GetUser("u1")->version, 2);
  EXPECT_TRUE(store().GetCredentials("u1")->disabled);
  ASSERT_TRUE(store().SetUserDisabled("u1", false));
  EXPECT_EQ(store().FindApiToken("t").value_or(""), "u1");
  EXPECT_FALSE(store().GetUser("u1")->disabled);
}

TEST_F(SqlStoreIdentity, RevokedTokenIsNotFound) {
  ASSERT_TRUE(store().CreateUser(MakeUser("u1")));
  auto first = store().CreateApiToken("hash-1", "u1", "laptop");
  auto second = store().CreateApiToken("hash-2", "u1", "ci");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(store().CreateApiToken("hash-1", "u1", "dup").error().code, ErrorCode::kConflict);
  EXPECT_EQ(store().FindApiToken("hash-1").value_or(""), "u1");

  ASSERT_TRUE(store().RevokeApiToken(*first));
  EXPECT_EQ(store().FindApiToken("hash-1").error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store().FindApiToken("hash-2"));
  EXPECT_EQ(store().RevokeApiToken(9999).error().code, ErrorCode::kNotFound);

  auto tokens = store().ListApiTokens("u1");
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].name, "laptop");
  EXPECT_TRUE((*tokens)[0].revoked_at.has_value());
  EXPECT_FALSE((*tokens)[1].revoked_at.has_value());
}

TEST_F(SqlStoreIdentity, LoginFailuresAreCountedPerKeyAndWindow) {
  core::Timestamp now = core::Now();
  for (int64_t ago : {3000, 500, 200, 10}) {
    ASSERT_TRUE(store().RecordLoginFailure("ann@example.com", now - std::chrono::seconds(ago)));
  }
  ASSERT_TRUE(store().RecordLoginFailure("bob@example.com", now));
  EXPECT_EQ(store().CountLoginFailures("ann@example.com", now - std::chrono::seconds(600)), 3);
  EXPECT_EQ(store().CountLoginFailures("ann@example.com", now - std::chrono::seconds(100)), 1);
  EXPECT_EQ(store().CountLoginFailures("bob@example.com", now - std::chrono::seconds(600)), 1);
  ASSERT_TRUE(store().ClearLoginFailures("ann@example.com"));
  EXPECT_EQ(store().CountLoginFailures("ann@example.com", now - std::chrono::hours(1)), 0);
  EXPECT_EQ(store().CountLoginFailures("bob@example.com", now - std::chrono::hours(1)), 1);
}

// rep1 and rep2 in benelux, rep3 in nordics; mgr manages benelux. o1..o3 owned by rep1..rep3,
// o4 has no owner and is shared with rep1.
class SqlStoreVisibility : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    RecordBatch batch;
    batch.users.push_back({MakeUser("rep1"), 1});
    batch.users.push_back({MakeUser("rep2"), 2});
    batch.users.push_back({MakeUser("rep3", "nordics"), 3});
    batch.users.push_back({MakeUser("mgr", "hq", domain::UserRole::kManager), 4});
    batch.accounts.push_back({MakeAccount("a1"), 5});
    batch.contacts.push_back({MakeContact("c1", "a1"), 6});
    for (int i = 1; i <= 4; ++i) {
      auto opportunity = MakeOpportunity("o" + std::to_string(i), "a1");
      if (i <= 3) opportunity.owner = "rep" + std::to_string(i);
      batch.opportunities.push_back({opportunity, 6 + i});
      batch.signals.push_back(
          {MakeSignal("s" + std::to_string(i), opportunity.id, "c1", 100 + i), 20 + i});
    }
    ASSERT_TRUE(store().Import(batch));
    ASSERT_TRUE(store().AddTeamManager("mgr", "benelux"));
    ASSERT_TRUE(store().AddTeamManager("mgr", "benelux"));  // idempotent
    ASSERT_TRUE(store().ShareOpportunity("o4", "rep1"));
  }

  std::vector<std::string> Listed(const std::string& user, Visibility visibility) {
    OpportunityFilter filter;
    filter.visible_to = user;
    filter.visibility = visibility;
    std::vector<std::string> ids;
    auto page = store().ListOpportunities(filter, {"", 1000});
    EXPECT_TRUE(page);
    for (const auto& o : page->items) ids.push_back(o.id);
    return ids;
  }

  std::vector<std::string> Scanned(const std::string& user, Visibility visibility) {
    struct Collect : Store::RecordVisitor {
      std::vector<std::string> seen;
      Status Visit(const domain::Team&) override { return {}; }
      Status Visit(const domain::User&) override { return {}; }
      Status Visit(const domain::Account&) override { return {}; }
      Status Visit(const domain::Contact&) override { return {}; }
      Status Visit(const domain::ContentItem&) override { return {}; }
      Status Visit(const domain::Opportunity& o) override { return Add(o.id); }
      Status Visit(const domain::DmuMember&) override { return {}; }
      Status Visit(const domain::Signal& s) override { return Add(s.id); }
      Status Visit(const domain::Activity&) override { return {}; }
      Status Visit(const domain::ContentShare&) override { return {}; }
      Status Visit(const domain::Outcome&) override { return {}; }
      Status Add(const std::string& id) {
        seen.push_back(id);
        return {};
      }
    } collect;
    EXPECT_TRUE(store().ScanAll(collect, {user, visibility}));
    return collect.seen;
  }
};

TEST_F(SqlStoreVisibility, RepSeesOwnAndShared) {
  EXPECT_EQ(Listed("rep1", Visibility::kOwn), (std::vector<std::string>{"o1", "o4"}));
  EXPECT_EQ(Listed("rep2", Visibility::kOwn), (std::vector<std::string>{"o2"}));
  EXPECT_EQ(Scanned("rep1", Visibility::kOwn), (std::vector<std::string>{"o1", "o4", "s1", "s4"}));
  EXPECT_EQ(store().ListShares("o4").value_or(std::vector<std::string>{}),
            std::vector<std::string>{"rep1"});
  ASSERT_TRUE(store().UnshareOpportunity("o4", "rep1"));
  EXPECT_EQ(Listed("rep1", Visibility::kOwn), (std::vector<std::string>{"o1"}));
}

TEST_F(SqlStoreVisibility, ManagerSeesTeamMembersDeals) {
  EXPECT_EQ(Listed("mgr", Visibility::kTeam), (std::vector<std::string>{"o1", "o2"}));
  EXPECT_TRUE(Listed("mgr", Visibility::kOwn).empty());
  EXPECT_EQ(store().ListManagedTeams("mgr").value_or(std::vector<std::string>{}),
            std::vector<std::string>{"benelux"});
  EXPECT_EQ(store().ListManagedUsers("mgr").value_or(std::vector<std::string>{}),
            (std::vector<std::string>{"rep1", "rep2"}));
  ASSERT_TRUE(store().AddTeamManager("mgr", "nordics"));
  EXPECT_EQ(Listed("mgr", Visibility::kTeam), (std::vector<std::string>{"o1", "o2", "o3"}));
  ASSERT_TRUE(store().RemoveTeamManager("mgr", "benelux"));
  EXPECT_EQ(Listed("mgr", Visibility::kTeam), (std::vector<std::string>{"o3"}));
}

TEST_F(SqlStoreVisibility, AllSeesEverythingAndUnknownSeesNothing) {
  EXPECT_EQ(Listed("rep1", Visibility::kAll).size(), 4u);
  EXPECT_TRUE(Listed("ghost", Visibility::kOwn).empty());
  EXPECT_TRUE(Listed("", Visibility::kTeam).empty());
  EXPECT_TRUE(Scanned("ghost", Visibility::kOwn).empty());
  EXPECT_EQ(Scanned("", Visibility::kAll).size(), 8u);
  EXPECT_EQ(store().CanSee("rep1", Visibility::kOwn, "o404").error().code, ErrorCode::kNotFound);
}

TEST_F(SqlStoreVisibility, SignalListsFollowTheViewer) {
  auto signals = [&](const std::string& user, Visibility visibility, std::string opportunity) {
    SignalFilter filter;
    filter.opportunity_id = std::move(opportunity);
    filter.viewer = {user, visibility};
    std::vector<std::string> ids;
    auto page = store().ListSignals(filter, {"", 1000});
    EXPECT_TRUE(page) << page.error().message;
    for (const auto& s : page->items) ids.push_back(s.id);
    return ids;
  };
  EXPECT_EQ(signals("rep1", Visibility::kOwn, ""), (std::vector<std::string>{"s1", "s4"}));
  EXPECT_EQ(signals("mgr", Visibility::kTeam, ""), (std::vector<std::string>{"s1", "s2"}));
  EXPECT_EQ(signals("rep1", Visibility::kOwn, "o2"), std::vector<std::string>{});
  EXPECT_EQ(signals("rep2", Visibility::kOwn, "o2"), std::vector<std::string>{"s2"});
  EXPECT_EQ(signals("ghost", Visibility::kOwn, ""), std::vector<std::string>{});
  EXPECT_EQ(signals("", Visibility::kAll, "").size(), 4u);
}

TEST_F(SqlStoreVisibility, ListsAndCanSeeAgree) {
  for (std::string user : {"rep1", "rep2", "rep3", "mgr", "ghost"}) {
    for (Visibility visibility : {Visibility::kAll, Visibility::kTeam, Visibility::kOwn}) {
      auto listed = Listed(user, visibility);
      for (std::string id : {"o1", "o2", "o3", "o4"}) {
        auto can = store().CanSee(user, visibility, id);
        ASSERT_TRUE(can) << can.error().message;
        bool in_list = std::find(listed.begin(), listed.end(), id) != listed.end();
        EXPECT_EQ(*can, in_list) << user << " " << id << " " << static_cast<int>(visibility);
      }
    }
  }
}

}  // namespace
}  // namespace buyalign::storage::testing
