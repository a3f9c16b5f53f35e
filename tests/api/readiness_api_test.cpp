#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

constexpr const char* kAsOf = "2026-03-15T18:00:00Z";
constexpr const char* kJanssens = "opp-janssens-routeplanning";

// Runs the buyalign binary with `args`; returns its stdout, and its exit status in `status`.
std::string RunCli(const std::string& args, int* status) {
  const std::string command = std::string(BUYALIGN_BINARY) + " " + args + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char chunk[4096];
  size_t n = 0;
  while ((n = fread(chunk, 1, sizeof chunk, pipe.get())) > 0) out.append(chunk, n);
  *status = pclose(pipe.release());
  return out;
}

// One server on the demo data set of 2026-03-15, shared by the suite.
class ReadinessApi : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    int status = -1;
    RunCli("demo --db " + server().db().string() + " --today 2026-03-15", &status);
    ASSERT_EQ(status, 0) << "buyalign demo failed";
  }

  rapidjson::Document GetJson(const std::string& target, int expected_status = 200) {
    HttpResult result = client().Get(target);
    EXPECT_EQ(result.status, expected_status) << target << " -> " << result.body;
    return result.Json();
  }

  // The member of a readiness document with this contact id, or null.
  static const rapidjson::Value* MemberOf(const rapidjson::Value& readiness,
                                          const std::string& contact_id) {
    for (const auto& m : readiness["members"].GetArray()) {
      if (contact_id == m["contact_id"].GetString()) return &m;
    }
    return nullptr;
  }

  // The first action in `items` for this contact whose reason.friction is `reason`, or null.
  static const rapidjson::Value* ActionFor(const rapidjson::Value& items,
                                           const std::string& contact, const std::string& reason) {
    for (const auto& a : items.GetArray()) {
      if ((contact.empty() || contact == a["contact_id"].GetString()) &&
          reason == a["reason"]["friction"].GetString()) {
        return &a;
      }
    }
    return nullptr;
  }
};

TEST_F(ReadinessApi, JanssensMembersHaveDistributionsAndTheDirectorLags) {
  rapidjson::Document doc =
      GetJson(std::string("/api/v1/opportunities/") + kJanssens + "/readiness?as_of=" + kAsOf);
  ASSERT_TRUE(doc.IsObject());
  EXPECT_STREQ(doc["opportunity_id"].GetString(), kJanssens);
  EXPECT_STREQ(doc["as_of"].GetString(), kAsOf);
  ASSERT_GE(doc["members"].Size(), 3u);
  for (const auto& m : doc["members"].GetArray()) {
    double sum = 0;
    for (const auto& p : m["distribution"].GetObject()) sum += p.value.GetDouble();
    EXPECT_NEAR(sum, 1.0, 1e-6) << m["contact_id"].GetString();
    EXPECT_EQ(m["distribution"].MemberCount(), 12u);
  }
  bool director_lags = false;
  for (const auto& f : doc["frictions"].GetArray()) {
    director_lags |= std::string(f["kind"].GetString()) == "lagging_member" &&
                     std::string(f["contact_id"].GetString()) == "c-janssens-luc";
  }
  EXPECT_TRUE(director_lags) << "no lagging_member friction for the managing director";
}

TEST_F(ReadinessApi, EarlierMomentHasLowerConfidence) {
  const std::string base = std::string("/api/v1/opportunities/") + kJanssens + "/readiness?as_of=";
  rapidjson::Document now = GetJson(base + kAsOf);
  rapidjson::Document early = GetJson(base + "2024-01-01T00:00:00Z");
  EXPECT_LT(early["readiness"]["confidence"].GetDouble(),
            now["readiness"]["confidence"].GetDouble());
}

TEST_F(ReadinessApi, BadAsOfIs400AndUnknownOpportunityIs404) {
  HttpResult bad = client().Get(std::string("/api/v1/opportunities/") + kJanssens +
                                "/readiness?as_of=yesterday");
  EXPECT_EQ(bad.status, 400);
  EXPECT_STREQ(bad.Json()["error"]["field"].GetString(), "as_of");
  EXPECT_EQ(client().Get("/api/v1/opportunities/opp-nope/readiness").status, 404);
  EXPECT_EQ(client().Get("/api/v1/opportunities/opp-nope/next-actions").status, 404);
}

TEST_F(ReadinessApi, ListCoversEveryOpenOpportunity) {
  rapidjson::Document list = GetJson(std::string("/api/v1/readiness?as_of=") + kAsOf);
  rapidjson::Document opps = GetJson("/api/v1/opportunities?status=open&limit=1000");
  EXPECT_EQ(list["items"].Size(), opps["items"].Size());
  EXPECT_GT(list["items"].Size(), 3u);
}

TEST_F(ReadinessApi, PostedAssessmentChangesTheNextRead) {
  // A moment after every demo record, so the new assessment is the latest evidence.
  const std::string target =
      std::string("/api/v1/opportunities/") + kJanssens + "/readiness?as_of=2026-03-16T12:00:00Z";
  rapidjson::Document before = GetJson(target);
  const rapidjson::Value* sarah = MemberOf(before, "c-janssens-sarah");
  ASSERT_NE(sarah, nullptr);
  // Reps are optimistic, so an assessment at terms_negotiated says "around there, maybe a step
  // before": the mass on business_case_approved..terms_negotiated must grow.
  auto near_terms = [](const rapidjson::Value& member) {
    return member["distribution"]["business_case_approved"].GetDouble() +
           member["distribution"]["terms_negotiated"].GetDouble();
  };
  const double before_p = near_terms(*sarah);

  MustCreate("/api/v1/signals", std::string(R"({"id":"sig-api-assess","opportunity_id":")") +
                                    kJanssens +
                                    R"(","contact_id":"c-janssens-sarah","kind":"stage_assessed",)"
                                    R"("stage":"terms_negotiated","source":"rep_assessment",)"
                                    R"("at":"2026-03-16T09:00:00Z"})");

  rapidjson::Document after = GetJson(target);
  const rapidjson::Value* moved = MemberOf(after, "c-janssens-sarah");
  ASSERT_NE(moved, nullptr);
  EXPECT_GT(near_terms(*moved), before_p + 0.05) << "the cache was not invalidated by the write";
}

TEST_F(ReadinessApi, NextActionsFollowThePlaybook) {
  const std::string q = std::string("/next-actions?as_of=") + kAsOf;
  rapidjson::Document janssens = GetJson(std::string("/api/v1/opportunities/") + kJanssens + q);
  ASSERT_GT(janssens["items"].Size(), 0u);
  EXPECT_NE(ActionFor(janssens["items"], "c-janssens-luc", "lagging_member"), nullptr)
      << "no action for the lagging managing director";
}

TEST_F(ReadinessApi, PassedAroundStoryMapsTheDmu) {
  const std::string q = std::string("/next-actions?as_of=") + kAsOf;
  rapidjson::Document nexivo = GetJson("/api/v1/opportunities/opp-nexivo-field-service" + q);
  const rapidjson::Value* map = ActionFor(nexivo["items"], "", "passed_around");
  ASSERT_NE(map, nullptr) << "no map-the-DMU action for the passed-around deal";
  EXPECT_STREQ((*map)["activity"].GetString(), "discovery_meeting");
  for (const auto& a : nexivo["items"].GetArray()) {
    EXPECT_FALSE(std::string(a["due"].GetString()).empty());
    EXPECT_GE(a["questions"].Size(), 1u);
  }
}

TEST_F(ReadinessApi, NegotiationStoryClearsTermsBeforePrice) {
  const std::string q = std::string("/next-actions?as_of=") + kAsOf;
  rapidjson::Document mercier = GetJson("/api/v1/opportunities/opp-mercier-handhelds" + q);
  const rapidjson::Value* terms =
      ActionFor(mercier["items"], "c-mercier-isabelle", "price_before_terms");
  ASSERT_NE(terms, nullptr) << "no terms-before-price action for procurement";
  EXPECT_STREQ((*terms)["activity"].GetString(), "negotiation_meeting");
}

TEST_F(ReadinessApi, OwnerActionsAreLimitedAndRanked) {
  rapidjson::Document doc = GetJson(std::string("/api/v1/next-actions?limit=5&as_of=") + kAsOf);
  ASSERT_EQ(doc["items"].Size(), 5u);
  for (size_t i = 1; i < 5; ++i) {
    EXPECT_GE(doc["items"][i - 1]["score"].GetDouble(), doc["items"][i]["score"].GetDouble());
  }
  EXPECT_EQ(client().Get("/api/v1/next-actions?limit=0").status, 400);
}

TEST_F(ReadinessApi, CoverageHasTwelveStagesAndGaps) {
  rapidjson::Document doc = GetJson("/api/v1/content/coverage");
  EXPECT_EQ(doc["stages"].Size(), 12u);
  EXPECT_EQ(doc["counts"].Size(), 12u);
  EXPECT_GT(doc["personas"].Size(), 0u);
  EXPECT_GT(doc["gaps"].Size(), 0u);
}

TEST_F(ReadinessApi, ShowroomDecisionAnswersOneOfTwo) {
  HttpResult result = client().Post(
      std::string("/api/v1/opportunities/") + kJanssens + "/showroom-decision?as_of=" + kAsOf,
      "{}");
  ASSERT_EQ(result.status, 200) << result.body;
  const std::string decision = result.Json()["decision"].GetString();
  EXPECT_TRUE(decision == "quote_now" || decision == "book_follow_up") << decision;
}

TEST_F(ReadinessApi, CliPrintsOneLinePerOpenOpportunity) {
  int status = -1;
  const std::string out =
      RunCli("readiness --db " + server().db().string() + " --as-of " + kAsOf, &status);
  ASSERT_EQ(status, 0);
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  rapidjson::Document opps = GetJson("/api/v1/opportunities?status=open&limit=1000");
  EXPECT_EQ(lines, opps["items"].Size());
  EXPECT_NE(out.find(kJanssens), std::string::npos);
}

}  // namespace
}  // namespace buyalign::api_test
