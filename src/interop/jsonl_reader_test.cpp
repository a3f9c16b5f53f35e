#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "interop/jsonl.hpp"
#include "interop/record_json.hpp"

namespace buyalign::interop {
namespace {

// The example of the interchange spec, line for line.
const char* kSpecExample =
    R"({"type":"user","id":"u1","name":"Ann Peeters","email":"ann@example.com","role":"rep","team":"benelux"}
{"type":"account","id":"a1","name":"Transport Janssens","industry":"logistics","employees":85,"country":"BE","segment":"mid_market"}
{"type":"contact","id":"c1","account_id":"a1","name":"Thomas","title":"Operations Manager","email":"thomas@example.com","persona":"operations"}
{"type":"opportunity","id":"o1","account_id":"a1","name":"Route planning","owner":"u1","amount":48000,"currency":"EUR","expected_close":"2026-06-30","status":"open","created_at":"2026-02-01T08:00:00Z"}
{"type":"dmu_member","opportunity_id":"o1","contact_id":"c1","role":"evaluator","influence":0.6,"stance":"champion"}
{"type":"signal","id":"s1","opportunity_id":"o1","contact_id":"c1","kind":"shares_kpis_or_costs","at":"2026-02-10T10:00:00Z","source":"meeting","note":"empty return trips cost 11% of fuel"}
{"type":"signal","id":"s2","opportunity_id":"o1","contact_id":"c1","kind":"stage_assessed","stage":"requirements_defined","at":"2026-02-20T16:00:00Z"}
{"type":"activity","id":"x1","opportunity_id":"o1","contact_ids":["c1"],"kind":"demo","at":"2026-03-01T14:00:00Z","duration_min":60,"owner":"u1"}
{"type":"content","id":"k1","title":"ROI calculator for fleet planning","url":"https://example.com/roi","stages":["need_quantified","business_case_approved"],"personas":["operations","finance"],"format":"calculator"}
{"type":"content_share","content_id":"k1","opportunity_id":"o1","contact_id":"c1","at":"2026-02-11T09:00:00Z","engaged":true}
{"type":"outcome","opportunity_id":"o1","status":"won","at":"2026-06-12T12:00:00Z","amount":45000}
)";

core::Result<storage::RecordBatch> Read(const std::string& text, JsonLinesLimits limits = {}) {
  std::istringstream in(text);
  return ReadJsonLines(in, methodology::Methodology::Default(), limits);
}

TEST(ReadJsonLines, ReadsTheSpecExampleIntoTheBatchWithLineNumbers) {
  auto batch = Read(kSpecExample);
  ASSERT_TRUE(batch) << core::Describe(batch.error());
  ASSERT_EQ(batch->users.size(), 1u);
  EXPECT_EQ(batch->users[0].record.team, "benelux");
  EXPECT_EQ(batch->accounts.size(), 1u);
  EXPECT_EQ(batch->contacts.size(), 1u);
  ASSERT_EQ(batch->opportunities.size(), 1u);
  EXPECT_EQ(batch->opportunities[0].line, 4);
  EXPECT_EQ(batch->dmu_members.size(), 1u);
  ASSERT_EQ(batch->signals.size(), 2u);
  EXPECT_EQ(batch->signals[1].record.stage, "requirements_defined");
  EXPECT_EQ(batch->signals[1].line, 7);
  EXPECT_EQ(batch->activities.size(), 1u);
  EXPECT_EQ(batch->content.size(), 1u);
  EXPECT_EQ(batch->content_shares.size(), 1u);
  ASSERT_EQ(batch->outcomes.size(), 1u);
  EXPECT_EQ(batch->outcomes[0].line, 11);
}

TEST(ReadJsonLines, AUsersTeamCreatesTheTeamUnlessTheFileDefinesIt) {
  auto implied = Read(R"({"type":"user","id":"u1","name":"Ann","team":"benelux"}
{"type":"user","id":"u2","name":"Bob","team":"benelux"})");
  ASSERT_TRUE(implied);
  ASSERT_EQ(implied->teams.size(), 1u);
  EXPECT_EQ(implied->teams[0].record.id, "benelux");
  EXPECT_EQ(implied->teams[0].line, 1);

  auto defined = Read(R"({"type":"user","id":"u1","name":"Ann","team":"benelux"}
{"type":"team","id":"benelux","name":"Benelux & Nordics"})");
  ASSERT_TRUE(defined);
  ASSERT_EQ(defined->teams.size(), 1u);
  EXPECT_EQ(defined->teams[0].record.name, "Benelux & Nordics");
}

TEST(ReadJsonLines, RecordsWithoutIdGetADerivedOne) {
  auto batch = Read(
      R"({"type":"signal","opportunity_id":"o1","contact_id":"c1","kind":"reports_pain","at":"2026-02-10T10:00:00Z"}
{"type":"activity","opportunity_id":"o1","kind":"demo","at":"2026-03-01T14:00:00Z"})");
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->signals[0].record.id, DerivedSignalId(batch->signals[0].record));
  EXPECT_EQ(batch->activities[0].record.id, DerivedActivityId(batch->activities[0].record));
  EXPECT_FALSE(batch->activities[0].record.id.empty());
}

TEST(ReadJsonLines, CrlfBlankLinesAndUnknownFieldsAreAccepted) {
  auto batch = Read(
      "\r\n{\"type\":\"account\",\"id\":\"a1\",\"name\":\"Acme\",\"crm\":{\"x\":1}}\r\n   \r\n\n"
      "{\"type\":\"account\",\"id\":\"a2\",\"name\":\"Beta\"}\r\n");
  ASSERT_TRUE(batch) << core::Describe(batch.error());
  ASSERT_EQ(batch->accounts.size(), 2u);
  EXPECT_EQ(batch->accounts[0].line, 2);
  EXPECT_EQ(batch->accounts[1].record.name, "Beta");
  EXPECT_EQ(batch->accounts[1].line, 5);
}

TEST(ReadJsonLines, NonAsciiTextSurvives) {
  auto batch = Read(R"({"type":"account","id":"a1","name":"Brasserie Ça Va – Zürich 🍺"})");
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->accounts[0].record.name, "Brasserie Ça Va – Zürich 🍺");
}

// Every way a line can be bad: the error names the line, the field when there is one, and says
// what is wrong.
struct BadLine {
  const char* name;
  std::string line;
  core::ErrorCode code;
  const char* field;
  const char* message_part;
};

TEST(ReadJsonLines, EveryBadLineIsNamed) {
  const std::string good = R"({"type":"account","id":"a1","name":"Acme"})";
  std::vector<BadLine> cases = {
      {"malformed JSON", R"({"type":"account","id":"a1" "name":"x"})",
       core::ErrorCode::kInvalidArgument, "", "malformed JSON"},
      {"invalid UTF-8", "{\"type\":\"account\",\"id\":\"a1\",\"name\":\"caf\xC3\x28\"}",
       core::ErrorCode::kInvalidArgument, "", "invalid UTF-8"},
      {"not an object", R"(["account","a1"])", core::ErrorCode::kInvalidArgument, "",
       "expected a JSON object"},
      {"missing type", R"({"id":"a1","name":"Acme"})", core::ErrorCode::kInvalidArgument, "type",
       "missing"},
      {"unknown type", R"({"type":"acount","id":"a1","name":"Acme"})",
       core::ErrorCode::kInvalidArgument, "type", "unknown type \"acount\""},
      {"missing required field", R"({"type":"contact","id":"c1","name":"Thomas"})",
       core::ErrorCode::kInvalidArgument, "account_id", "missing"},
      {"wrong type", R"({"type":"account","id":"a1","name":"Acme","employees":"many"})",
       core::ErrorCode::kInvalidArgument, "employees", "got a string"},
      {"unknown enum value",
       R"({"type":"dmu_member","opportunity_id":"o1","contact_id":"c1","role":"boss"})",
       core::ErrorCode::kInvalidArgument, "role", "unknown role \"boss\""},
      {"unknown signal kind",
       R"({"type":"signal","opportunity_id":"o1","contact_id":"c1","kind":"asks_for_discont","at":"2026-02-10T10:00:00Z"})",
       core::ErrorCode::kInvalidArgument, "kind", "unknown signal kind \"asks_for_discont\""},
      {"too deep",
       R"({"type":"account","id":"a1","name":"x","x":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]})",
       core::ErrorCode::kInvalidArgument, "", "nested deeper than 16"},
      {"NUL byte", std::string("{\"type\":\"account\",\"id\":\"a1\",\"name\":\"x\"}\0{", 42),
       core::ErrorCode::kInvalidArgument, "", "NUL"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto batch = Read(good + "\n\n" + c.line + "\n" + good + "\n");
    ASSERT_FALSE(batch.has_value());
    EXPECT_EQ(batch.error().code, c.code);
    EXPECT_EQ(batch.error().line, 3);
    EXPECT_EQ(batch.error().field, c.field);
    EXPECT_NE(batch.error().message.find(c.message_part), std::string::npos)
        << batch.error().message;
  }
}

TEST(ReadJsonLines, AFileBrokenInItsLastLineReturnsNothing) {
  std::string text = kSpecExample;
  text += R"({"type":"outcome","opportunity_id":"o1","status":"won","at":)";  // cut short
  auto batch = Read(text);
  ASSERT_FALSE(batch.has_value());
  EXPECT_EQ(batch.error().line, 12);
  EXPECT_NE(core::Describe(batch.error()).find("line 12"), std::string::npos);
}

TEST(ReadJsonLines, OverLongLineIsPayloadTooLarge) {
  std::string text = R"({"type":"account","id":"a1","name":"Acme"})";
  text += "\n{\"type\":\"account\",\"id\":\"a2\",\"name\":\"" + std::string(300, 'x') + "\"}\n";
  auto batch = Read(text, JsonLinesLimits{.max_line_bytes = 200});
  ASSERT_FALSE(batch.has_value());
  EXPECT_EQ(batch.error().code, core::ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(batch.error().line, 2);
}

TEST(ReadJsonLines, ReportsProgressUpToTheTotal) {
  std::string text;
  for (int i = 0; i < 40000; ++i) {
    text += R"({"type":"account","id":"a)" + std::to_string(i) +
            R"(","name":"Acme"})"
            "\n";
  }
  std::istringstream in(text);
  size_t calls = 0, last_done = 0;
  auto batch = ReadJsonLines(
      in, methodology::Methodology::Default(), {},
      [&](size_t done, size_t total) {
        ++calls;
        EXPECT_EQ(total, text.size());
        EXPECT_GE(done, last_done);
        last_done = done;
      },
      text.size());
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->accounts.size(), 40000u);
  EXPECT_GE(calls, 2u);
  EXPECT_EQ(last_done, text.size());
}

}  // namespace
}  // namespace buyalign::interop
