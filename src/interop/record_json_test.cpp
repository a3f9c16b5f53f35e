#include "interop/record_json.hpp"

#include <functional>

#include <gtest/gtest.h>

namespace buyalign::interop {
namespace {

using methodology::Methodology;

rapidjson::Document Parse(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  EXPECT_FALSE(doc.HasParseError()) << text;
  return doc;
}

template <class T>
std::string ToJson(const T& record, EncodeOptions options = {}) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  Encode(record, writer, options);
  return buffer.GetString();
}

core::Timestamp At(const char* text) { return *core::ParseTimestamp(text); }

// Decodes `json` as a whole record of the type `decode` reads, then encodes it again.
template <class Decoder>
std::string RoundTrip(const std::string& json, Decoder decode) {
  auto doc = Parse(json);
  auto decoded = decode(doc);
  EXPECT_TRUE(decoded.has_value()) << (decoded ? "" : core::Describe(decoded.error()));
  if (!decoded) return {};
  return ToJson(*decoded);
}

const Methodology& M() { return Methodology::Default(); }

// Each line is already in the encoder's field order with every field set, so a field the
// decoder or the encoder forgets breaks the equality.
TEST(RecordJson, EveryRecordTypeRoundTripsWithAllFields) {
  struct Case {
    std::string json;
    std::function<std::string(const rapidjson::Value&)> round_trip;
  };
  auto full = DecodeMode::kFull;
  std::vector<Case> cases = {
      {R"({"id":"benelux","name":"Benelux"})",
       [&](const auto& v) { return ToJson(*DecodeTeam(v, full)); }},
      {R"({"id":"u1","name":"Ann Peeters","email":"ann@example.com","role":"manager","team":"benelux"})",
       [&](const auto& v) { return ToJson(*DecodeUser(v, full)); }},
      {R"({"id":"a1","name":"Transport Janssens","industry":"logistics","employees":85,"country":"BE","segment":"mid_market"})",
       [&](const auto& v) { return ToJson(*DecodeAccount(v, full)); }},
      {R"({"id":"c1","account_id":"a1","name":"Thomas","title":"Operations Manager","email":"thomas@example.com","persona":"operations"})",
       [&](const auto& v) { return ToJson(*DecodeContact(v, full)); }},
      {R"({"id":"o1","account_id":"a1","name":"Route planning","owner":"u1","amount":48000.5,"currency":"EUR","expected_close":"2026-06-30","status":"open","created_at":"2026-02-01T08:00:00Z","crm_stage":"Negotiation/Review"})",
       [&](const auto& v) { return ToJson(*DecodeOpportunity(v, full)); }},
      {R"({"opportunity_id":"o1","contact_id":"c1","role":"evaluator","influence":0.6,"stance":"champion"})",
       [&](const auto& v) { return ToJson(*DecodeDmuMember(v, full)); }},
      {R"({"id":"s2","opportunity_id":"o1","contact_id":"c1","kind":"stage_assessed","stage":"requirements_defined","content_id":"k1","at":"2026-02-20T16:00:00Z","source":"rep_assessment","note":"said so"})",
       [&](const auto& v) { return ToJson(*DecodeSignal(v, full, M())); }},
      {R"({"id":"x1","opportunity_id":"o1","contact_ids":["c1","c2"],"kind":"demo","at":"2026-03-01T14:00:00Z","duration_min":60,"owner":"u1","note":"went well"})",
       [&](const auto& v) { return ToJson(*DecodeActivity(v, full, M())); }},
      {R"({"id":"k1","title":"ROI calculator","url":"https://example.com/roi","stages":["need_quantified","business_case_approved"],"personas":["operations","finance"],"segments":["smb"],"format":"calculator","retired":true})",
       [&](const auto& v) { return ToJson(*DecodeContent(v, full, M())); }},
      {R"({"content_id":"k1","opportunity_id":"o1","contact_id":"c1","at":"2026-02-11T09:00:00Z","engaged":true})",
       [&](const auto& v) { return ToJson(*DecodeContentShare(v, full)); }},
      {R"({"opportunity_id":"o1","status":"lost","at":"2026-06-12T12:00:00Z","amount":45000,"reason":"price"})",
       [&](const auto& v) { return ToJson(*DecodeOutcome(v, full)); }},
      {R"({"opportunity_id":"o1","stage":"Negotiation/Review","at":"2026-05-02T10:00:00Z","amount":45000,"probability":0.9})",
       [&](const auto& v) { return ToJson(*DecodeStageChange(v, full)); }},
  };
  for (const auto& c : cases) {
    auto doc = Parse(c.json);
    EXPECT_EQ(c.round_trip(doc), c.json);
  }
}

TEST(RecordJson, DecodedFieldsHoldTheValues) {
  auto doc = Parse(
      R"({"id":"o1","account_id":"a1","name":"Route planning","amount":48000,"expected_close":"2026-06-30","status":"won","created_at":"2026-02-01T09:00:00+01:00"})");
  auto opp = DecodeOpportunity(doc, DecodeMode::kFull);
  ASSERT_TRUE(opp) << core::Describe(opp.error());
  EXPECT_EQ(opp->id, "o1");
  EXPECT_EQ(opp->account_id, "a1");
  EXPECT_DOUBLE_EQ(opp->amount.value(), 48000);
  EXPECT_EQ(core::FormatDate(*opp->expected_close), "2026-06-30");
  EXPECT_EQ(opp->status, domain::OpportunityStatus::kWon);
  EXPECT_EQ(*opp->created_at, At("2026-02-01T08:00:00Z"));
  EXPECT_TRUE(opp->owner.empty());
  EXPECT_FALSE(opp->currency.size());
}

TEST(RecordJson, AbsentOptionalFieldsAreOmittedWhenEncoding) {
  domain::Signal signal;
  signal.id = "s1";
  signal.opportunity_id = "o1";
  signal.contact_id = "c1";
  signal.kind = "reports_pain";
  signal.at = At("2026-02-10T10:00:00Z");
  EXPECT_EQ(
      ToJson(signal),
      R"({"id":"s1","opportunity_id":"o1","contact_id":"c1","kind":"reports_pain","at":"2026-02-10T10:00:00Z"})");
  domain::Account account{.id = "a1", .name = "Acme"};
  EXPECT_EQ(ToJson(account), R"({"id":"a1","name":"Acme"})");
}

TEST(RecordJson, TypeComesFirstAndVersionWhenAsked) {
  domain::Team team{.id = "t1", .name = "North", .version = 3};
  EXPECT_EQ(ToJson(team, {.with_type = true}), R"({"type":"team","id":"t1","name":"North"})");
  EXPECT_EQ(ToJson(team, {.with_version = true}), R"({"id":"t1","name":"North","version":3})");
  domain::ContentShare share{.content_id = "k1", .opportunity_id = "o1", .contact_id = "c1"};
  EXPECT_EQ(ToJson(share, {.with_type = true}).rfind(R"({"type":"content_share",)", 0), 0u);
}

TEST(RecordJson, VersionInTheObjectIsIgnored) {
  auto doc = Parse(R"({"id":"t1","name":"North","version":7})");
  auto team = DecodeTeam(doc, DecodeMode::kFull);
  ASSERT_TRUE(team);
  EXPECT_EQ(team->version, 0);
}

TEST(RecordJson, UnknownFieldsAreIgnored) {
  auto doc = Parse(R"({"id":"a1","name":"Acme","crm_score":{"x":[1,2]},"tags":["vip"]})");
  auto account = DecodeAccount(doc, DecodeMode::kFull);
  ASSERT_TRUE(account);
  EXPECT_EQ(account->name, "Acme");
}

TEST(RecordJson, DefaultsApplyToAbsentOptionalFields) {
  auto doc = Parse(R"({"opportunity_id":"o1","contact_id":"c1","role":"legal"})");
  auto member = DecodeDmuMember(doc, DecodeMode::kFull);
  ASSERT_TRUE(member);
  EXPECT_EQ(member->role, domain::DmuRole::kLegal);
  EXPECT_DOUBLE_EQ(member->influence, 0.5);
  EXPECT_EQ(member->stance, domain::Stance::kNeutral);
}

// One row per kind of decode error: the field it must name and words its message must hold.
struct ErrorCase {
  const char* name;
  std::function<core::Result<void>(const rapidjson::Value&)> decode;
  std::string json;
  const char* field;
  const char* message_part;
};

template <class R>
core::Result<void> Drop(R result) {
  if (!result) return core::Fail(result.error());
  return {};
}

TEST(RecordJson, EveryKindOfDecodeErrorNamesTheField) {
  auto full = DecodeMode::kFull;
  auto opportunity = [&](const rapidjson::Value& v) { return Drop(DecodeOpportunity(v, full)); };
  auto signal = [&](const rapidjson::Value& v) { return Drop(DecodeSignal(v, full, M())); };
  auto activity = [&](const rapidjson::Value& v) { return Drop(DecodeActivity(v, full, M())); };
  auto content = [&](const rapidjson::Value& v) { return Drop(DecodeContent(v, full, M())); };
  auto dmu = [&](const rapidjson::Value& v) { return Drop(DecodeDmuMember(v, full)); };
  auto account = [&](const rapidjson::Value& v) { return Drop(DecodeAccount(v, full)); };
  auto outcome = [&](const rapidjson::Value& v) { return Drop(DecodeOutcome(v, full)); };
  auto user = [&](const rapidjson::Value& v) { return Drop(DecodeUser(v, full)); };
  auto share = [&](const rapidjson::Value& v) { return Drop(DecodeContentShare(v, full)); };
  const char* kSig = R"("opportunity_id":"o1","contact_id":"c1","at":"2026-02-10T10:00:00Z")";
  std::vector<ErrorCase> cases = {
      {"missing required", opportunity, R"({"id":"o1","account_id":"a1","status":"open"})", "name",
       "missing"},
      {"null required", opportunity, R"({"id":"o1","account_id":"a1","name":null,"status":"open"})",
       "name", "missing"},
      {"empty id", opportunity, R"({"id":"","account_id":"a1","name":"x","status":"open"})", "id",
       "must not be empty"},
      {"wrong type", opportunity,
       R"({"id":"o1","account_id":"a1","name":"x","status":"open","amount":"48000"})", "amount",
       "expected a number, got a string"},
      {"negative amount", opportunity,
       R"({"id":"o1","account_id":"a1","name":"x","status":"open","amount":-1})", "amount",
       "0 or more, got -1"},
      {"unknown enum", opportunity,
       R"({"id":"o1","account_id":"a1","name":"x","status":"pending"})", "status",
       "unknown status \"pending\": expected open, won or lost"},
      {"bad date", opportunity,
       R"({"id":"o1","account_id":"a1","name":"x","status":"open","expected_close":"2026-02-30"})",
       "expected_close", "no such date"},
      {"bad time", opportunity,
       R"({"id":"o1","account_id":"a1","name":"x","status":"open","created_at":"yesterday"})",
       "created_at", "ISO 8601"},
      {"unknown signal kind", signal, (std::string("{") + kSig + R"(,"kind":"asks_for_discont"})"),
       "kind", "unknown signal kind \"asks_for_discont\" (did you mean \"asks_for_discount\"?)"},
      {"stage_assessed without stage", signal,
       (std::string("{") + kSig + R"(,"kind":"stage_assessed"})"), "stage",
       "required when kind is stage_assessed"},
      {"content_engaged without content", signal,
       (std::string("{") + kSig + R"(,"kind":"content_engaged"})"), "content_id",
       "required when kind is content_engaged"},
      {"unknown stage", signal,
       (std::string("{") + kSig + R"(,"kind":"stage_assessed","stage":"done"})"), "stage",
       "unknown stage \"done\""},
      {"unknown source", signal,
       (std::string("{") + kSig + R"(,"kind":"no_interest","source":"fax"})"), "source",
       "expected meeting, email, web, rep_assessment or content"},
      {"unknown activity kind", activity,
       R"({"opportunity_id":"o1","kind":"lunch","at":"2026-03-01T14:00:00Z"})", "kind",
       "unknown activity kind \"lunch\""},
      {"list element type", activity,
       R"({"opportunity_id":"o1","kind":"demo","at":"2026-03-01T14:00:00Z","contact_ids":["c1",2]})",
       "contact_ids[1]", "expected a string, got a number"},
      {"list type", activity,
       R"({"opportunity_id":"o1","kind":"demo","at":"2026-03-01T14:00:00Z","contact_ids":"c1"})",
       "contact_ids", "expected an array of strings, got a string"},
      {"negative duration", activity,
       R"({"opportunity_id":"o1","kind":"demo","at":"2026-03-01T14:00:00Z","duration_min":-5})",
       "duration_min", "0 or more"},
      {"fractional duration", activity,
       R"({"opportunity_id":"o1","kind":"demo","at":"2026-03-01T14:00:00Z","duration_min":2.5})",
       "duration_min", "expected a whole number, got 2.5"},
      {"unknown content stage", content,
       R"({"id":"k1","title":"t","stages":["purchased","later"]})", "stages[1]",
       "unknown stage \"later\""},
      {"bool type", content, R"({"id":"k1","title":"t","retired":"yes"})", "retired",
       "expected true or false, got a string"},
      {"influence range", dmu,
       R"({"opportunity_id":"o1","contact_id":"c1","role":"legal","influence":1.5})", "influence",
       "between 0 and 1, got 1.5"},
      {"unknown role", dmu, R"({"opportunity_id":"o1","contact_id":"c1","role":"boss"})", "role",
       "unknown role \"boss\""},
      {"unknown stance", dmu,
       R"({"opportunity_id":"o1","contact_id":"c1","role":"legal","stance":"angry"})", "stance",
       "unknown stance"},
      {"integer type", account, R"({"id":"a1","name":"x","employees":"85"})", "employees",
       "expected a whole number, got a string"},
      {"open outcome", outcome, R"({"opportunity_id":"o1","status":"open","at":"2026-06-12"})",
       "status", "won or lost"},
      {"user role", user, R"({"id":"u1","name":"Ann","role":"boss"})", "role",
       "expected admin, manager, rep or marketing"},
      {"probability range",
       [&](const rapidjson::Value& v) { return Drop(DecodeStageChange(v, full)); },
       R"({"opportunity_id":"o1","stage":"Won","at":"2026-05-02","probability":90})", "probability",
       "between 0 and 1, got 90"},
      {"share time type", share,
       R"({"content_id":"k1","opportunity_id":"o1","contact_id":"c1","at":12})", "at",
       "expected an ISO 8601 time as a string, got a number"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto doc = Parse(c.json);
    auto result = c.decode(doc);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().field, c.field);
    EXPECT_NE(result.error().message.find(c.message_part), std::string::npos)
        << result.error().message;
  }
}

TEST(RecordJson, NotAnObjectIsAnError) {
  auto doc = Parse(R"(["id","a1"])");
  auto account = DecodeAccount(doc, DecodeMode::kFull);
  ASSERT_FALSE(account);
  EXPECT_NE(account.error().message.find("got an array"), std::string::npos);
}

TEST(RecordJson, PatchChangesOnlyPresentFields) {
  domain::Opportunity base{.id = "o1",
                           .account_id = "a1",
                           .name = "Old",
                           .owner = "u1",
                           .amount = 100.0,
                           .currency = "EUR"};
  auto doc = Parse(R"({"name":"New","amount":250})");
  auto patched = DecodeOpportunity(doc, DecodeMode::kPatch, base);
  ASSERT_TRUE(patched) << core::Describe(patched.error());
  EXPECT_EQ(patched->name, "New");
  EXPECT_DOUBLE_EQ(*patched->amount, 250);
  EXPECT_EQ(patched->owner, "u1");
  EXPECT_EQ(patched->currency, "EUR");
  EXPECT_EQ(patched->account_id, "a1");
}

TEST(RecordJson, PatchNullClearsAnOptionalFieldButNotARequiredOne) {
  domain::Opportunity base{.id = "o1", .account_id = "a1", .name = "Old", .amount = 100.0};
  auto clear = Parse(R"({"amount":null})");
  auto patched = DecodeOpportunity(clear, DecodeMode::kPatch, base);
  ASSERT_TRUE(patched);
  EXPECT_FALSE(patched->amount.has_value());
  auto clear_name = Parse(R"({"name":null})");
  auto refused = DecodeOpportunity(clear_name, DecodeMode::kPatch, base);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "name");
}

TEST(RecordJson, PatchValidatesPresentFieldsAndCrossFieldRules) {
  domain::Signal base{.id = "s1",
                      .opportunity_id = "o1",
                      .contact_id = "c1",
                      .kind = "reports_pain",
                      .at = At("2026-02-10T10:00:00Z")};
  auto bad_kind = Parse(R"({"kind":"nope"})");
  auto r1 = DecodeSignal(bad_kind, DecodeMode::kPatch, M(), base);
  ASSERT_FALSE(r1);
  EXPECT_EQ(r1.error().field, "kind");
  auto needs_stage = Parse(R"({"kind":"stage_assessed"})");
  auto r2 = DecodeSignal(needs_stage, DecodeMode::kPatch, M(), base);
  ASSERT_FALSE(r2);
  EXPECT_EQ(r2.error().field, "stage");
  auto with_stage = Parse(R"({"kind":"stage_assessed","stage":"purchased"})");
  auto r3 = DecodeSignal(with_stage, DecodeMode::kPatch, M(), base);
  ASSERT_TRUE(r3);
  EXPECT_EQ(r3->stage, "purchased");
  EXPECT_EQ(r3->contact_id, "c1");
}

TEST(RecordJson, WholeNumbersWithAFractionPartAreAccepted) {
  auto doc = Parse(R"({"id":"a1","name":"x","employees":85.0})");
  auto account = DecodeAccount(doc, DecodeMode::kFull);
  ASSERT_TRUE(account);
  EXPECT_EQ(*account->employees, 85);
}

TEST(DerivedId, IsDeterministicAndDependsOnContent) {
  domain::Signal a{.opportunity_id = "o1",
                   .contact_id = "c1",
                   .kind = "reports_pain",
                   .at = At("2026-02-10T10:00:00Z")};
  domain::Signal b = a;
  EXPECT_EQ(DerivedSignalId(a), DerivedSignalId(b));
  EXPECT_EQ(DerivedSignalId(a).size(), 4u + 16u);
  EXPECT_EQ(DerivedSignalId(a).rfind("sig-", 0), 0u);
  b.at += std::chrono::seconds{1};
  EXPECT_NE(DerivedSignalId(a), DerivedSignalId(b));
  b = a;
  b.note = "notes do not identify a signal";
  EXPECT_EQ(DerivedSignalId(a), DerivedSignalId(b));
  // The separator keeps field boundaries: ("o1","c1") differs from ("o1c","1").
  b = a;
  b.opportunity_id = "o1c";
  b.contact_id = "1";
  EXPECT_NE(DerivedSignalId(a), DerivedSignalId(b));

  domain::Activity x{.opportunity_id = "o1",
                     .contact_ids = {"c1"},
                     .kind = "demo",
                     .at = At("2026-03-01T14:00:00Z")};
  domain::Activity y = x;
  EXPECT_EQ(DerivedActivityId(x), DerivedActivityId(y));
  EXPECT_EQ(DerivedActivityId(x).rfind("act-", 0), 0u);
  y.contact_ids.push_back("c2");
  EXPECT_NE(DerivedActivityId(x), DerivedActivityId(y));
}

}  // namespace
}  // namespace buyalign::interop
