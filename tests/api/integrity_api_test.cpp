// Who changed what, and that nobody's change is silently lost: the audit log and If-Match over
// real HTTP, with users signed in as themselves.
#include <set>
#include <string>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

class IntegrityApi : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    rep_token_ = server().AddUser("in-rep", "rep", "north");
    HttpClient admin(server().port());
    for (
        const auto& [target, body] : std::vector<std::pair<std::string, std::string>>{
            {"/api/v1/accounts", R"({"id":"in-acc","name":"Integrity"})"},
            {"/api/v1/contacts", R"({"id":"in-con","account_id":"in-acc","name":"Marie"})"},
            {"/api/v1/opportunities",
             R"({"id":"in-opp","account_id":"in-acc","name":"Fleet","status":"open","owner":"in-rep","amount":1000})"},
        }) {
      ASSERT_EQ(admin.Post(target, body).status, 201) << target;
    }
  }

  HttpClient Rep() {
    HttpClient rep(server().port());
    rep.SetBearerToken(rep_token_);
    return rep;
  }

  static inline std::string rep_token_;
};

TEST_F(IntegrityApi, SecondWriterGets409WithTheCurrentVersionAndNothingIsOverwritten) {
  HttpClient first = Rep();
  HttpClient second(server().port());  // the admin, at the same time
  const long long read_by_first =
      first.Get("/api/v1/opportunities/in-opp").Json()["version"].GetInt64();
  const long long read_by_second =
      second.Get("/api/v1/opportunities/in-opp").Json()["version"].GetInt64();
  ASSERT_EQ(read_by_first, read_by_second);

  HttpResult won = first.Write("PATCH", "/api/v1/opportunities/in-opp", R"({"name":"Fleet 2027"})",
                               read_by_first);
  ASSERT_EQ(won.status, 200) << won.body;
  HttpResult lost =
      second.Write("PATCH", "/api/v1/opportunities/in-opp", R"({"amount":5})", read_by_second);
  EXPECT_EQ(lost.status, 409) << lost.body;
  EXPECT_EQ(lost.Json()["error"]["current_version"].GetInt64(), read_by_first + 1);
  HttpResult put = second.Write(
      "PUT", "/api/v1/opportunities/in-opp",
      R"({"account_id":"in-acc","name":"Overwritten","status":"open","owner":"in-rep"})",
      read_by_second);
  EXPECT_EQ(put.status, 409) << put.body;

  rapidjson::Document now = second.Get("/api/v1/opportunities/in-opp").Json();
  EXPECT_STREQ(now["name"].GetString(), "Fleet 2027");
  EXPECT_EQ(now["amount"].GetDouble(), 1000.0) << "the losing write changed nothing";
  EXPECT_EQ(now["version"].GetInt64(), read_by_first + 1);
}

TEST_F(IntegrityApi, ARepsWriteIsAuditedWithTheirIdAndBeforeAndAfter) {
  HttpClient rep = Rep();
  const long long version = rep.Get("/api/v1/opportunities/in-opp").Json()["version"].GetInt64();
  ASSERT_EQ(
      rep.Write("PATCH", "/api/v1/opportunities/in-opp", R"({"crm_stage":"Proposal"})", version)
          .status,
      200);
  HttpResult signal = rep.Post(
      "/api/v1/signals",
      R"({"id":"in-sig","opportunity_id":"in-opp","contact_id":"in-con","kind":"reports_pain","at":"2026-02-10T10:00:00Z"})");
  ASSERT_EQ(signal.status, 201) << signal.body;

  HttpClient admin(server().port());
  HttpResult audit =
      admin.Get("/api/v1/audit?user=in-rep&record_type=opportunity&record_id=in-opp");
  ASSERT_EQ(audit.status, 200) << audit.body;
  rapidjson::Document doc = audit.Json();
  ASSERT_GE(doc["items"].Size(), 1u) << audit.body;
  const auto& newest = doc["items"][0];
  EXPECT_STREQ(newest["user_id"].GetString(), "in-rep");
  EXPECT_STREQ(newest["via"].GetString(), "api");
  EXPECT_STREQ(newest["action"].GetString(), "update");
  EXPECT_STREQ(newest["record_type"].GetString(), "opportunity");
  ASSERT_TRUE(newest["before"].IsObject());
  ASSERT_TRUE(newest["after"].IsObject());
  EXPECT_STREQ(newest["before"]["crm_stage"].GetString(), "");
  EXPECT_STREQ(newest["after"]["crm_stage"].GetString(), "Proposal");
  for (const auto& entry : doc["items"].GetArray()) {
    EXPECT_STREQ(entry["user_id"].GetString(), "in-rep") << "the user filter";
    EXPECT_STREQ(entry["record_id"].GetString(), "in-opp") << "the record filter";
  }

  // The signal's creation: no before, an after; the whole log pages with a cursor.
  rapidjson::Document created =
      admin.Get("/api/v1/audit?record_type=signal&record_id=in-sig").Json();
  ASSERT_EQ(created["items"].Size(), 1u);
  EXPECT_STREQ(created["items"][0]["action"].GetString(), "create");
  EXPECT_TRUE(created["items"][0]["before"].IsNull());
  EXPECT_STREQ(created["items"][0]["after"]["kind"].GetString(), "reports_pain");

  std::set<long long> seen;
  std::string cursor;
  for (int pages = 0; pages < 100; ++pages) {
    rapidjson::Document page =
        admin.Get("/api/v1/audit?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor)).Json();
    for (const auto& entry : page["items"].GetArray()) {
      EXPECT_TRUE(seen.insert(entry["id"].GetInt64()).second) << "an entry on two pages";
    }
    if (page["next_cursor"].IsNull()) break;
    cursor = page["next_cursor"].GetString();
  }
  EXPECT_GE(seen.size(), 5u) << "accounts, contact, opportunity, its updates, the signal";

  // Time filters: nothing happened before 2000 or after 2100.
  EXPECT_EQ(admin.Get("/api/v1/audit?until=2000-01-01T00:00:00Z").Json()["items"].Size(), 0u);
  EXPECT_EQ(admin.Get("/api/v1/audit?since=2100-01-01T00:00:00Z").Json()["items"].Size(), 0u);
  EXPECT_EQ(admin.Get("/api/v1/audit?since=yesterday").status, 400);
}

TEST_F(IntegrityApi, UsersAndTokensOverTheApi) {
  HttpClient admin(server().port());
  HttpResult created = admin.Post(
      "/api/v1/users",
      R"({"id":"in-new","name":"New Rep","email":"new@test.example","role":"rep","team":"north","password":"a long enough password"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.body.find("password"), std::string::npos) << "never shown";
  HttpResult short_password = admin.Post(
      "/api/v1/users", R"({"id":"in-short","name":"S","role":"rep","password":"short"})");
  EXPECT_EQ(short_password.status, 400);
  EXPECT_EQ(admin.Get("/api/v1/users/in-short").status, 404) << "nothing half-created";

  HttpClient anonymous(server().port());
  anonymous.SetBearerToken("");
  ASSERT_EQ(anonymous
                .Post("/api/v1/session",
                      R"({"login":"new@test.example","password":"a long enough password"})")
                .status,
            200);

  // The new user makes a token for themselves, uses it, and revokes it.
  const std::string own = server().CreateToken("in-new");
  HttpClient user(server().port());
  user.SetBearerToken(own);
  HttpResult token = user.Post("/api/v1/tokens", R"({"name":"calendar"})");
  ASSERT_EQ(token.status, 201) << token.body;
  const std::string secret = token.Json()["token"].GetString();
  EXPECT_EQ(secret.rfind("bya_tok_", 0), 0u);
  HttpClient integration(server().port());
  integration.SetBearerToken(secret);
  EXPECT_STREQ(integration.Get("/api/v1/session").Json()["user"]["id"].GetString(), "in-new");
  HttpResult listed = user.Get("/api/v1/tokens");
  EXPECT_EQ(listed.body.find(secret), std::string::npos) << "a token is shown once";
  EXPECT_EQ(user.Post("/api/v1/tokens", R"({"name":"x","user_id":"in-rep"})").status, 403);
  const std::string id = std::to_string(token.Json()["id"].GetInt64());
  EXPECT_EQ(user.Send("DELETE", "/api/v1/tokens/" + id).status, 204);
  EXPECT_EQ(integration.Get("/api/v1/session").status, 401);

  // Disabling through the API stops the user at once; an admin cannot lock themselves out.
  const long long version = admin.Get("/api/v1/users/in-new").Json()["version"].GetInt64();
  HttpResult disabled =
      admin.Write("PATCH", "/api/v1/users/in-new", R"({"disabled":true})", version);
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_TRUE(disabled.Json()["disabled"].GetBool());
  EXPECT_EQ(user.Get("/api/v1/accounts").status, 401);
  const long long mine = admin.Get(std::string("/api/v1/users/") + ServerProcess::kAdminId)
                             .Json()["version"]
                             .GetInt64();
  EXPECT_EQ(admin
                .Write("PATCH", std::string("/api/v1/users/") + ServerProcess::kAdminId,
                       R"({"disabled":true})", mine)
                .status,
            400);
  EXPECT_EQ(
      admin.Write("PATCH", "/api/v1/users/in-new", R"({"password_hash":"x"})", version).status, 400)
      << "unknown fields are refused";
}

}  // namespace
}  // namespace buyalign::api_test
