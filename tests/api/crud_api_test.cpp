#include <set>
#include <string>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

using CrudApi = ApiTest;

long long Version(const HttpResult& result) { return result.Json()["version"].GetInt64(); }

TEST_F(CrudApi, AccountLifecycleWithVersions) {
  HttpResult created =
      MustCreate("/api/v1/accounts", R"({"id":"a-life","name":"Transport Janssens"})");
  EXPECT_EQ(created.Header("location"), "/api/v1/accounts/a-life");
  EXPECT_EQ(created.Header("etag"), "\"1\"");
  EXPECT_EQ(Version(created), 1);

  HttpResult got = client().Get("/api/v1/accounts/a-life");
  ASSERT_EQ(got.status, 200);
  EXPECT_STREQ(got.Json()["name"].GetString(), "Transport Janssens");
  EXPECT_EQ(got.Header("etag"), "\"1\"");

  HttpResult put = client().Write("PUT", "/api/v1/accounts/a-life",
                                  R"({"name":"Transport Janssens NV","country":"BE"})", 1);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Version(put), 2);
  EXPECT_EQ(put.Header("etag"), "\"2\"");

  HttpResult patch =
      client().Write("PATCH", "/api/v1/accounts/a-life", R"({"industry":"logistics"})", 2);
  ASSERT_EQ(patch.status, 200) << patch.body;
  rapidjson::Document patched = patch.Json();
  EXPECT_EQ(patched["version"].GetInt64(), 3);
  EXPECT_STREQ(patched["industry"].GetString(), "logistics");
  EXPECT_STREQ(patched["name"].GetString(), "Transport Janssens NV");  // kept by PATCH
  EXPECT_STREQ(patched["country"].GetString(), "BE");

  HttpResult deleted = client().Write("DELETE", "/api/v1/accounts/a-life", "", 3);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  HttpResult gone = client().Get("/api/v1/accounts/a-life");
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.ErrorCode(), "not_found");
}

TEST_F(CrudApi, WritesWithoutIfMatchAre428AndStaleOnesAre409) {
  MustCreate("/api/v1/accounts", R"({"id":"a-ver","name":"Versioned"})");
  for (const char* method : {"PUT", "PATCH", "DELETE"}) {
    HttpResult missing = client().Write(method, "/api/v1/accounts/a-ver", R"({"name":"X"})", 0);
    EXPECT_EQ(missing.status, 428) << method;
    EXPECT_EQ(missing.ErrorCode(), "precondition_required") << method;
  }
  ASSERT_EQ(client().Write("PATCH", "/api/v1/accounts/a-ver", R"({"name":"V2"})", 1).status, 200);
  for (const char* method : {"PUT", "PATCH", "DELETE"}) {
    HttpResult stale = client().Write(method, "/api/v1/accounts/a-ver", R"({"name":"X"})", 1);
    EXPECT_EQ(stale.status, 409) << method << " " << stale.body;
    rapidjson::Document body = stale.Json();
    ASSERT_TRUE(body.HasMember("error")) << stale.body;
    EXPECT_EQ(body["error"]["current_version"].GetInt64(), 2) << method;
  }
  EXPECT_STREQ(client().Get("/api/v1/accounts/a-ver").Json()["name"].GetString(), "V2");
}

TEST_F(CrudApi, PostWithoutIdGetsAGeneratedOne) {
  HttpResult created = MustCreate("/api/v1/accounts", R"({"name":"No id"})");
  const std::string id = created.Json()["id"].GetString();
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(id.substr(0, 4), "acc-");
  EXPECT_EQ(client().Get("/api/v1/accounts/" + id).status, 200);
  EXPECT_EQ(created.Header("location"), "/api/v1/accounts/" + id);
}

TEST_F(CrudApi, DuplicateIdIsAConflict) {
  MustCreate("/api/v1/accounts", R"({"id":"a-dup","name":"One"})");
  HttpResult again = client().Post("/api/v1/accounts", R"({"id":"a-dup","name":"Two"})");
  EXPECT_EQ(again.status, 409);
}

TEST_F(CrudApi, BodyIdMustMatchTheUrl) {
  MustCreate("/api/v1/accounts", R"({"id":"a-url","name":"Url"})");
  HttpResult put =
      client().Write("PUT", "/api/v1/accounts/a-url", R"({"id":"other","name":"Url"})", 1);
  EXPECT_EQ(put.status, 400);
  EXPECT_STREQ(put.Json()["error"]["field"].GetString(), "id");
}

TEST_F(CrudApi, ContactNeedsAKnownAccount) {
  HttpResult orphan =
      client().Post("/api/v1/contacts", R"({"id":"c-orphan","account_id":"nope","name":"Thomas"})");
  EXPECT_EQ(orphan.status, 422) << orphan.body;
  EXPECT_EQ(orphan.ErrorCode(), "unknown_reference");
  EXPECT_EQ(client().Get("/api/v1/contacts/c-orphan").status, 404);
}

TEST_F(CrudApi, ContactsCrudAndAccountFilter) {
  MustCreate("/api/v1/accounts", R"({"id":"a-con1","name":"One"})");
  MustCreate("/api/v1/accounts", R"({"id":"a-con2","name":"Two"})");
  MustCreate("/api/v1/contacts", R"({"id":"c-1","account_id":"a-con1","name":"Ann"})");
  MustCreate("/api/v1/contacts", R"({"id":"c-2","account_id":"a-con1","name":"Bob"})");
  MustCreate("/api/v1/contacts", R"({"id":"c-3","account_id":"a-con2","name":"Cid"})");
  HttpResult list = client().Get("/api/v1/contacts?account_id=a-con1");
  ASSERT_EQ(list.status, 200);
  rapidjson::Document doc = list.Json();
  ASSERT_EQ(doc["items"].Size(), 2u);
  for (const auto& item : doc["items"].GetArray()) {
    EXPECT_STREQ(item["account_id"].GetString(), "a-con1");
  }
  EXPECT_TRUE(doc["next_cursor"].IsNull());

  HttpResult patch = client().Write("PATCH", "/api/v1/contacts/c-3", R"({"title":"CFO"})", 1);
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_STREQ(patch.Json()["title"].GetString(), "CFO");
  // An account still referenced cannot go.
  EXPECT_EQ(client().Write("DELETE", "/api/v1/accounts/a-con2", "", 1).status, 409);
  EXPECT_EQ(client().Write("DELETE", "/api/v1/contacts/c-3", "", 2).status, 204);
  EXPECT_EQ(client().Write("DELETE", "/api/v1/accounts/a-con2", "", 1).status, 204);
}

TEST_F(CrudApi, OpportunityFiltersAndPaginationWalk) {
  // Owners are users, which have no CRUD route: they come through ingest.
  ASSERT_EQ(client()
                .Send("POST", "/api/v1/ingest",
                      R"({"type":"user","id":"u-ann","name":"Ann"})"
                      "\n"
                      R"({"type":"user","id":"u-bob","name":"Bob"})"
                      "\n",
                      {}, "application/x-ndjson")
                .status,
            200);
  MustCreate("/api/v1/accounts", R"({"id":"a-opp1","name":"One"})");
  MustCreate("/api/v1/accounts", R"({"id":"a-opp2","name":"Two"})");
  for (int i = 0; i < 7; ++i) {
    const std::string account = i < 5 ? "a-opp1" : "a-opp2";
    const std::string status = i % 3 == 0 ? "won" : "open";
    const std::string owner = i % 2 == 0 ? "u-ann" : "u-bob";
    MustCreate("/api/v1/opportunities", R"({"id":"o-)" + std::to_string(i) + R"(","account_id":")" +
                                            account + R"(","name":"Deal","status":")" + status +
                                            R"(","owner":")" + owner + R"(","amount":1000})");
  }
  std::set<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    HttpResult page =
        client().Get("/api/v1/opportunities?account_id=a-opp1&limit=2&cursor=" + cursor);
    ASSERT_EQ(page.status, 200) << page.body;
    rapidjson::Document doc = page.Json();
    EXPECT_LE(doc["items"].Size(), 2u);
    for (const auto& item : doc["items"].GetArray()) {
      EXPECT_TRUE(seen.insert(item["id"].GetString()).second) << "seen twice";
    }
    cursor = doc["next_cursor"].IsNull() ? "" : doc["next_cursor"].GetString();
    ASSERT_LT(++pages, 10);
  } while (!cursor.empty());
  EXPECT_EQ(seen, (std::set<std::string>{"o-0", "o-1", "o-2", "o-3", "o-4"}));
  EXPECT_GE(pages, 3);

  rapidjson::Document won = client().Get("/api/v1/opportunities?status=won&owner=u-ann").Json();
  std::set<std::string> won_ids;
  for (const auto& item : won["items"].GetArray()) won_ids.insert(item["id"].GetString());
  EXPECT_EQ(won_ids, (std::set<std::string>{"o-0", "o-6"}));

  HttpResult bad = client().Get("/api/v1/opportunities?status=maybe");
  EXPECT_EQ(bad.status, 400);
  EXPECT_STREQ(bad.Json()["error"]["field"].GetString(), "status");
  EXPECT_EQ(client().Get("/api/v1/opportunities?limit=0").status, 400);
}

TEST_F(CrudApi, OpportunityUpdatedThenDeletedWithWhatBelongsToIt) {
  MustCreate("/api/v1/accounts", R"({"id":"a-oud","name":"Oud"})");
  MustCreate("/api/v1/contacts", R"({"id":"c-oud","account_id":"a-oud","name":"Ann"})");
  MustCreate("/api/v1/opportunities",
             R"({"id":"o-oud","account_id":"a-oud","name":"Deal","status":"open","amount":1000})");
  MustCreate("/api/v1/opportunities/o-oud/dmu", R"({"contact_id":"c-oud","role":"evaluator"})");
  MustCreate("/api/v1/signals", R"({"id":"s-oud","opportunity_id":"o-oud","contact_id":"c-oud",)"
                                R"("kind":"reports_pain","at":"2026-02-10T10:00:00Z"})");

  HttpResult put = client().Write(
      "PUT", "/api/v1/opportunities/o-oud",
      R"({"account_id":"a-oud","name":"Bigger deal","status":"open","amount":5000})", 1);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Version(put), 2);
  EXPECT_EQ(put.Json()["amount"].GetDouble(), 5000);
  HttpResult patch =
      client().Write("PATCH", "/api/v1/opportunities/o-oud", R"({"status":"won"})", 2);
  ASSERT_EQ(patch.status, 200) << patch.body;
  rapidjson::Document patched = patch.Json();
  EXPECT_EQ(patched["version"].GetInt64(), 3);
  EXPECT_STREQ(patched["status"].GetString(), "won");
  EXPECT_STREQ(patched["name"].GetString(), "Bigger deal");  // kept by PATCH
  rapidjson::Document got = client().Get("/api/v1/opportunities/o-oud").Json();
  EXPECT_STREQ(got["status"].GetString(), "won");
  EXPECT_EQ(got["version"].GetInt64(), 3);

  EXPECT_EQ(client().Write("DELETE", "/api/v1/opportunities/o-oud", "", 3).status, 204);
  EXPECT_EQ(client().Get("/api/v1/opportunities/o-oud").status, 404);
  // Its DMU and signals went with it; the contact and account stay.
  EXPECT_EQ(client().Get("/api/v1/signals/s-oud").status, 404);
  EXPECT_EQ(client().Get("/api/v1/opportunities/o-oud/dmu").status, 404);
  EXPECT_EQ(client().Get("/api/v1/contacts/c-oud").status, 200);
}

TEST_F(CrudApi, StaleIfMatchOnAnOpportunityIs409AndChangesNothing) {
  MustCreate("/api/v1/accounts", R"({"id":"a-ost","name":"Ost"})");
  MustCreate("/api/v1/opportunities",
             R"({"id":"o-ost","account_id":"a-ost","name":"First","status":"open"})");
  ASSERT_EQ(
      client().Write("PATCH", "/api/v1/opportunities/o-ost", R"({"name":"Second"})", 1).status,
      200);
  const std::string replacement = R"({"account_id":"a-ost","name":"Lost","status":"lost"})";
  for (const char* method : {"PUT", "PATCH", "DELETE"}) {
    HttpResult stale = client().Write(method, "/api/v1/opportunities/o-ost", replacement, 1);
    EXPECT_EQ(stale.status, 409) << method << " " << stale.body;
    EXPECT_EQ(stale.ErrorCode(), "conflict") << method;
    rapidjson::Document body = stale.Json();
    ASSERT_TRUE(body.HasMember("error")) << stale.body;
    EXPECT_EQ(body["error"]["current_version"].GetInt64(), 2) << method;
  }
  rapidjson::Document kept = client().Get("/api/v1/opportunities/o-ost").Json();
  EXPECT_STREQ(kept["name"].GetString(), "Second");
  EXPECT_STREQ(kept["status"].GetString(), "open");
  EXPECT_EQ(kept["version"].GetInt64(), 2);
}

TEST_F(CrudApi, DmuMembersUnderTheirOpportunity) {
  MustCreate("/api/v1/accounts", R"({"id":"a-dmu","name":"Dmu"})");
  MustCreate("/api/v1/contacts", R"({"id":"c-dmu1","account_id":"a-dmu","name":"Ann"})");
  MustCreate("/api/v1/contacts", R"({"id":"c-dmu2","account_id":"a-dmu","name":"Bob"})");
  MustCreate("/api/v1/opportunities",
             R"({"id":"o-dmu","account_id":"a-dmu","name":"Deal","status":"open"})");
  HttpResult created = MustCreate("/api/v1/opportunities/o-dmu/dmu",
                                  R"({"contact_id":"c-dmu1","role":"economic_buyer"})");
  EXPECT_EQ(created.Header("location"), "/api/v1/opportunities/o-dmu/dmu/c-dmu1");
  MustCreate("/api/v1/opportunities/o-dmu/dmu", R"({"contact_id":"c-dmu2","role":"evaluator"})");

  rapidjson::Document list = client().Get("/api/v1/opportunities/o-dmu/dmu").Json();
  ASSERT_EQ(list["items"].Size(), 2u);

  HttpResult patch = client().Write("PATCH", "/api/v1/opportunities/o-dmu/dmu/c-dmu1",
                                    R"({"stance":"skeptic","influence":0.9})", 1);
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_STREQ(patch.Json()["stance"].GetString(), "skeptic");
  EXPECT_STREQ(patch.Json()["role"].GetString(), "economic_buyer");

  HttpResult put = client().Write("PUT", "/api/v1/opportunities/o-dmu/dmu/c-dmu2",
                                  R"({"role":"champion","stance":"champion"})", 1);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_STREQ(put.Json()["role"].GetString(), "champion");

  HttpResult wrong_role =
      client().Write("PATCH", "/api/v1/opportunities/o-dmu/dmu/c-dmu2", R"({"role":"janitor"})", 2);
  EXPECT_EQ(wrong_role.status, 400);
  EXPECT_STREQ(wrong_role.Json()["error"]["field"].GetString(), "role");

  HttpResult mismatch = client().Post("/api/v1/opportunities/o-dmu/dmu",
                                      R"({"opportunity_id":"other","contact_id":"c-dmu2",)"
                                      R"("role":"other"})");
  EXPECT_EQ(mismatch.status, 400);

  EXPECT_EQ(client().Write("DELETE", "/api/v1/opportunities/o-dmu/dmu/c-dmu2", "", 2).status, 204);
  EXPECT_EQ(client().Get("/api/v1/opportunities/o-dmu/dmu/c-dmu2").status, 404);
  EXPECT_EQ(client().Get("/api/v1/opportunities/o-dmu/dmu").Json()["items"].Size(), 1u);
  EXPECT_EQ(client().Get("/api/v1/opportunities/o-none/dmu").status, 404);
}

class SignalsAndActivities : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (client().Get("/api/v1/opportunities/o-sig").status == 200) return;
    MustCreate("/api/v1/accounts", R"({"id":"a-sig","name":"Sig"})");
    MustCreate("/api/v1/contacts", R"({"id":"c-sig1","account_id":"a-sig","name":"Ann"})");
    MustCreate("/api/v1/contacts", R"({"id":"c-sig2","account_id":"a-sig","name":"Bob"})");
    MustCreate("/api/v1/opportunities",
               R"({"id":"o-sig","account_id":"a-sig","name":"Deal","status":"open"})");
  }
};

TEST_F(SignalsAndActivities, SignalsCrudAndFilters) {
  HttpResult created = MustCreate(
      "/api/v1/signals",
      R"({"opportunity_id":"o-sig","contact_id":"c-sig1","kind":"reports_pain","at":"2026-02-10T10:00:00Z"})");
  const std::string id = created.Json()["id"].GetString();
  EXPECT_EQ(id.substr(0, 4), "sig-");
  MustCreate(
      "/api/v1/signals",
      R"({"id":"s-2","opportunity_id":"o-sig","contact_id":"c-sig2","kind":"stage_assessed",)"
      R"("stage":"requirements_defined","at":"2026-02-20T16:00:00Z"})");
  rapidjson::Document by_contact =
      client().Get("/api/v1/signals?opportunity_id=o-sig&contact_id=c-sig2").Json();
  ASSERT_EQ(by_contact["items"].Size(), 1u);
  EXPECT_STREQ(by_contact["items"][0]["id"].GetString(), "s-2");

  HttpResult unknown_kind = client().Post(
      "/api/v1/signals",
      R"({"opportunity_id":"o-sig","contact_id":"c-sig1","kind":"gut_feeling","at":"2026-02-10T10:00:00Z"})");
  EXPECT_EQ(unknown_kind.status, 400);
  EXPECT_STREQ(unknown_kind.Json()["error"]["field"].GetString(), "kind");

  HttpResult patch =
      client().Write("PATCH", "/api/v1/signals/" + id, R"({"note":"fuel costs"})", 1);
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_STREQ(patch.Json()["note"].GetString(), "fuel costs");
  EXPECT_EQ(client().Write("DELETE", "/api/v1/signals/" + id, "", 2).status, 204);
}

TEST_F(SignalsAndActivities, ActivitiesCrudAndFilter) {
  MustCreate("/api/v1/activities",
             R"({"id":"x-1","opportunity_id":"o-sig","contact_ids":["c-sig1"],"kind":"demo",)"
             R"("at":"2026-03-01T14:00:00Z","duration_min":60})");
  rapidjson::Document list = client().Get("/api/v1/activities?opportunity_id=o-sig").Json();
  ASSERT_GE(list["items"].Size(), 1u);
  HttpResult put = client().Write(
      "PUT", "/api/v1/activities/x-1",
      R"({"opportunity_id":"o-sig","contact_ids":["c-sig1","c-sig2"],"kind":"demo","at":"2026-03-01T14:00:00Z"})",
      1);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["contact_ids"].Size(), 2u);
  HttpResult unknown_opp =
      client().Post("/api/v1/activities",
                    R"({"opportunity_id":"o-missing","kind":"demo","at":"2026-03-01T14:00:00Z"})");
  EXPECT_EQ(unknown_opp.status, 422);

  EXPECT_EQ(client().Write("DELETE", "/api/v1/activities/x-1", "", 1).status, 409);  // stale
  EXPECT_EQ(client().Write("DELETE", "/api/v1/activities/x-1", "", 2).status, 204);
  EXPECT_EQ(client().Get("/api/v1/activities/x-1").status, 404);
  for (const auto& item :
       client().Get("/api/v1/activities?opportunity_id=o-sig").Json()["items"].GetArray()) {
    EXPECT_STRNE(item["id"].GetString(), "x-1");
  }
  EXPECT_EQ(client().Write("DELETE", "/api/v1/activities/x-1", "", 2).status, 404);
}

TEST_F(CrudApi, ContentCrud) {
  HttpResult created = MustCreate(
      "/api/v1/content",
      R"({"id":"k-1","title":"ROI calculator","stages":["need_quantified"],"format":"calculator"})");
  EXPECT_EQ(created.Header("location"), "/api/v1/content/k-1");
  HttpResult patch = client().Write("PATCH", "/api/v1/content/k-1", R"({"retired":true})", 1);
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_TRUE(patch.Json()["retired"].GetBool());
  // PUT replaces the whole item: fields it leaves out go back to their defaults.
  HttpResult put = client().Write(
      "PUT", "/api/v1/content/k-1",
      R"({"title":"ROI calculator v2","stages":["need_quantified","business_case_approved"]})", 2);
  ASSERT_EQ(put.status, 200) << put.body;
  rapidjson::Document replaced = put.Json();
  EXPECT_EQ(replaced["version"].GetInt64(), 3);
  EXPECT_STREQ(replaced["title"].GetString(), "ROI calculator v2");
  EXPECT_EQ(replaced["stages"].Size(), 2u);
  EXPECT_FALSE(replaced.HasMember("retired")) << put.body;
  EXPECT_FALSE(replaced.HasMember("format")) << put.body;
  EXPECT_STREQ(client().Get("/api/v1/content/k-1").Json()["title"].GetString(),
               "ROI calculator v2");
  EXPECT_EQ(client().Write("PUT", "/api/v1/content/k-1", R"({"title":"Stale"})", 2).status, 409);
  HttpResult bad_stage =
      client().Post("/api/v1/content", R"({"id":"k-2","title":"X","stages":["nirvana"]})");
  EXPECT_EQ(bad_stage.status, 400);
  EXPECT_EQ(client().Get("/api/v1/content").Json()["items"].Size(), 1u);
  EXPECT_EQ(client().Write("DELETE", "/api/v1/content/k-1", "", 3).status, 204);
}

struct BadBody {
  const char* name;
  std::string body;
  const char* field;  // expected error.field, or "" for none
};

TEST_F(CrudApi, BadBodiesAre400WithTheField) {
  const BadBody cases[] = {
      {"malformed", R"({"id":"a-bad","name":)", ""},
      {"not an object", R"(["a"])", ""},
      {"wrong type", R"({"id":"a-bad","name":5})", "name"},
      {"wrong number type", R"({"id":"a-bad","name":"A","employees":"many"})", "employees"},
      {"missing required", R"({"id":"a-bad"})", "name"},
      {"invalid utf-8", "{\"id\":\"a-bad\",\"name\":\"\xC3\x28\"}", ""},
      {"trailing junk", R"({"id":"a-bad","name":"A"} {})", ""},
  };
  for (const BadBody& c : cases) {
    HttpResult result = client().Post("/api/v1/accounts", c.body);
    EXPECT_EQ(result.status, 400) << c.name << ": " << result.body;
    EXPECT_EQ(result.ErrorCode(), "invalid_argument") << c.name;
    if (*c.field != '\0') {
      rapidjson::Document doc = result.Json();
      ASSERT_TRUE(doc["error"].HasMember("field")) << c.name << ": " << result.body;
      EXPECT_STREQ(doc["error"]["field"].GetString(), c.field) << c.name;
    }
  }
  EXPECT_EQ(client().Get("/api/v1/accounts/a-bad").status, 404);
  HttpResult enum_value = client().Post(
      "/api/v1/opportunities", R"({"id":"o-bad","account_id":"x","name":"D","status":"maybe"})");
  EXPECT_EQ(enum_value.status, 400);
  EXPECT_STREQ(enum_value.Json()["error"]["field"].GetString(), "status");
}

}  // namespace
}  // namespace buyalign::api_test
