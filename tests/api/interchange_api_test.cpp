#include <string>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

using InterchangeApi = ApiTest;

const std::string kGood =
    R"({"type":"user","id":"u1","name":"Ann Peeters","email":"ann@example.com","role":"rep","team":"benelux"})"
    "\n"
    R"({"type":"account","id":"i-a1","name":"Transport Janssens","industry":"logistics","employees":85,"country":"BE","segment":"mid_market"})"
    "\n"
    R"({"type":"contact","id":"i-c1","account_id":"i-a1","name":"Thomas","title":"Operations Manager","persona":"operations"})"
    "\n"
    R"({"type":"opportunity","id":"i-o1","account_id":"i-a1","name":"Route planning","owner":"u1","amount":48000,"currency":"EUR","expected_close":"2026-06-30","status":"open","created_at":"2026-02-01T08:00:00Z"})"
    "\n"
    R"({"type":"dmu_member","opportunity_id":"i-o1","contact_id":"i-c1","role":"evaluator","influence":0.6,"stance":"champion"})"
    "\n"
    R"({"type":"signal","id":"i-s1","opportunity_id":"i-o1","contact_id":"i-c1","kind":"shares_kpis_or_costs","at":"2026-02-10T10:00:00Z","source":"meeting"})"
    "\n";

HttpResult Ingest(HttpClient& client, const std::string& body) {
  return client.Send("POST", "/api/v1/ingest", body, {}, "application/x-ndjson");
}

TEST_F(InterchangeApi, IngestThenExportGivesTheRecordsBack) {
  HttpResult ingested = Ingest(client(), kGood);
  ASSERT_EQ(ingested.status, 200) << ingested.body;
  rapidjson::Document summary = ingested.Json();
  EXPECT_GE(summary["records"].GetInt(), 6) << ingested.body;
  EXPECT_EQ(summary["counts"]["account"]["created"].GetInt(), 1);
  EXPECT_EQ(summary["counts"]["signal"]["created"].GetInt(), 1);

  EXPECT_STREQ(client().Get("/api/v1/opportunities/i-o1").Json()["name"].GetString(),
               "Route planning");
  HttpResult exported = client().Get("/api/v1/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.Header("content-type"), "application/x-ndjson");
  for (const char* id : {"\"i-a1\"", "\"i-c1\"", "\"i-o1\"", "\"i-s1\""}) {
    EXPECT_NE(exported.body.find(id), std::string::npos) << id;
  }
  EXPECT_NE(exported.body.find(R"("type":"dmu_member")"), std::string::npos);

  // The export is itself valid input, and changes nothing when fed back.
  HttpResult again = Ingest(client(), exported.body);
  ASSERT_EQ(again.status, 200) << again.body;
  rapidjson::Document second = again.Json();
  EXPECT_EQ(second["counts"]["account"]["created"].GetInt(), 0);
  EXPECT_EQ(second["counts"]["opportunity"]["updated"].GetInt(), 0);
  EXPECT_EQ(client().Get("/api/v1/export").body, exported.body);
}

TEST_F(InterchangeApi, ABadLastLineStoresNothing) {
  const std::string body =
      R"({"type":"account","id":"n-a1","name":"First"})"
      "\n"
      R"({"type":"account","id":"n-a2","name":"Second"})"
      "\n"
      R"({"type":"opportunity","id":"n-o1","account_id":"n-a1","name":"D","status":"someday"})"
      "\n";
  HttpResult result = Ingest(client(), body);
  ASSERT_EQ(result.status, 400) << result.body;
  rapidjson::Document error = result.Json();
  EXPECT_EQ(error["error"]["line"].GetInt(), 3);
  EXPECT_STREQ(error["error"]["field"].GetString(), "status");
  EXPECT_EQ(client().Get("/api/v1/accounts/n-a1").status, 404);
  EXPECT_EQ(client().Get("/api/v1/accounts/n-a2").status, 404);
}

TEST_F(InterchangeApi, UnknownReferenceNamesItsLineAndStoresNothing) {
  const std::string body = R"({"type":"account","id":"r-a1","name":"First"})"
                           "\n"
                           R"({"type":"contact","id":"r-c1","account_id":"r-missing","name":"X"})"
                           "\n";
  HttpResult result = Ingest(client(), body);
  EXPECT_EQ(result.status, 422) << result.body;
  EXPECT_EQ(result.Json()["error"]["line"].GetInt(), 2);
  EXPECT_EQ(client().Get("/api/v1/accounts/r-a1").status, 404);
}

TEST_F(InterchangeApi, MalformedAndInvalidUtf8LinesAreNamed) {
  HttpResult malformed = Ingest(client(), R"({"type":"account","id":"m-a1","name":"A"})"
                                          "\n{\"type\":\"account\",\n");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.Json()["error"]["line"].GetInt(), 2);
  HttpResult utf8 = Ingest(client(), "{\"type\":\"account\",\"id\":\"m-a2\",\"name\":\"\xFF\"}\n");
  EXPECT_EQ(utf8.status, 400);
  EXPECT_EQ(utf8.Json()["error"]["line"].GetInt(), 1);
  EXPECT_EQ(client().Get("/api/v1/accounts/m-a1").status, 404);
}

}  // namespace
}  // namespace buyalign::api_test
