// JSON Lines against the real SQLite store: what goes in comes out byte for byte.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "interop/jsonl.hpp"
#include "storage/open_store.hpp"

namespace buyalign::interop {
namespace {

namespace fs = std::filesystem;

// Every record type, optional fields set and not, records out of dependency order, a signal and
// an activity without id, CRLF endings: everything an export must normalise and keep.
const char* kInput =
    "{\"type\":\"signal\",\"opportunity_id\":\"o1\",\"contact_id\":\"c1\",\"kind\":\"reports_"
    "pain\","
    "\"at\":\"2026-02-09T10:00:00+01:00\",\"note\":\"before the opportunity line\"}\r\n"
    R"({"type":"user","id":"u1","name":"Ann Peeters","email":"ann@example.com","role":"rep","team":"benelux"}
{"type":"user","id":"u2","name":"Bob","role":"manager"}
{"type":"account","id":"a1","name":"Transport Janssens","industry":"logistics","employees":85,"country":"BE","segment":"mid_market"}
{"type":"account","id":"a2","name":"Keukens Peeters"}
{"type":"contact","id":"c1","account_id":"a1","name":"Thomas","title":"Operations Manager","email":"thomas@example.com","persona":"operations"}
{"type":"contact","id":"c2","account_id":"a1","name":"Els"}
{"type":"opportunity","id":"o1","account_id":"a1","name":"Route planning","owner":"u1","amount":48000.5,"currency":"EUR","expected_close":"2026-06-30","status":"open","created_at":"2026-02-01T08:00:00Z","crm_stage":"Prospecting"}
{"type":"opportunity","id":"o2","account_id":"a2","name":"Kitchen","status":"lost"}
{"type":"dmu_member","opportunity_id":"o1","contact_id":"c1","role":"evaluator","influence":0.6,"stance":"champion"}
{"type":"dmu_member","opportunity_id":"o1","contact_id":"c2","role":"economic_buyer"}
{"type":"signal","id":"s1","opportunity_id":"o1","contact_id":"c1","kind":"shares_kpis_or_costs","at":"2026-02-10T10:00:00Z","source":"meeting","note":"empty return trips cost 11% of fuel"}
{"type":"signal","id":"s2","opportunity_id":"o1","contact_id":"c1","kind":"stage_assessed","stage":"requirements_defined","at":"2026-02-20T16:00:00Z"}
{"type":"signal","id":"s3","opportunity_id":"o1","contact_id":"c2","kind":"content_engaged","content_id":"k1","at":"2026-02-21T16:00:00Z","source":"content"}
{"type":"activity","id":"x1","opportunity_id":"o1","contact_ids":["c1","c2"],"kind":"demo","at":"2026-03-01T14:00:00Z","duration_min":60,"owner":"u1","note":"fleet demo"}
{"type":"activity","opportunity_id":"o1","kind":"admin","at":"2026-03-02T09:00:00Z"}
{"type":"content","id":"k1","title":"ROI calculator for fleet planning","url":"https://example.com/roi","stages":["need_quantified","business_case_approved"],"personas":["operations","finance"],"segments":["mid_market"],"format":"calculator"}
{"type":"content","id":"k2","title":"Old brochure","retired":true}
{"type":"content_share","content_id":"k1","opportunity_id":"o1","contact_id":"c1","at":"2026-02-11T09:00:00Z","engaged":true}
{"type":"outcome","opportunity_id":"o2","status":"lost","at":"2026-06-12T12:00:00Z","amount":45000,"reason":"price"}
{"type":"stage_change","opportunity_id":"o1","stage":"Negotiation/Review","at":"2026-05-02T10:00:00Z","amount":47000,"probability":0.9}
)";

constexpr int64_t kInputRecords = 22;  // 21 lines + the team implied by u1

class JsonLinesStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("interop_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<storage::Store> Open(const std::string& name) {
    auto store = storage::OpenStore((dir_ / name).string());
    EXPECT_TRUE(store) << core::Describe(store.error());
    return store ? std::move(*store) : nullptr;
  }

  static core::Result<storage::ImportSummary> Ingest(storage::Store& store,
                                                     const std::string& text) {
    std::istringstream in(text);
    auto batch = ReadJsonLines(in, methodology::Methodology::Default());
    if (!batch) return core::Fail(batch.error());
    return store.Import(*batch);
  }

  static std::string Export(storage::Store& store) {
    std::ostringstream out;
    auto status = WriteJsonLines(store, out);
    EXPECT_TRUE(status) << core::Describe(status.error());
    return out.str();
  }

  static storage::ImportCount Total(const storage::ImportSummary& summary) {
    storage::ImportCount total;
    for (const auto& [type, count] : summary.counts) {
      total.created += count.created;
      total.updated += count.updated;
      total.unchanged += count.unchanged;
    }
    return total;
  }

  fs::path dir_;
};

TEST_F(JsonLinesStoreTest, IngestExportIngestExportGivesIdenticalBytes) {
  auto first = Open("first.db");
  ASSERT_TRUE(first);
  auto summary = Ingest(*first, kInput);
  ASSERT_TRUE(summary) << core::Describe(summary.error());
  EXPECT_EQ(Total(*summary).created, kInputRecords);
  std::string exported = Export(*first);

  auto second = Open("second.db");
  ASSERT_TRUE(second);
  auto again = Ingest(*second, exported);
  ASSERT_TRUE(again) << core::Describe(again.error());
  EXPECT_EQ(Export(*second), exported);

  // One line per record, "\n" endings, every line typed.
  EXPECT_EQ(std::count(exported.begin(), exported.end(), '\n'), kInputRecords);
  EXPECT_EQ(exported.find('\r'), std::string::npos);
  EXPECT_EQ(exported.rfind(R"({"type":"team","id":"benelux","name":"benelux"})", 0), 0u)
      << exported;
  // Normalised on the way: +01:00 became UTC, the id-less signal got its derived id.
  EXPECT_NE(exported.find(R"("at":"2026-02-09T09:00:00Z")"), std::string::npos);
  EXPECT_NE(exported.find(R"("id":"sig-)"), std::string::npos);
  EXPECT_NE(exported.find(R"("amount":48000.5)"), std::string::npos);
  EXPECT_NE(exported.find(R"("crm_stage":"Prospecting")"), std::string::npos);
  EXPECT_NE(exported.find(R"({"type":"stage_change",)"), std::string::npos);
}

TEST_F(JsonLinesStoreTest, SecondIngestOfTheSameFileUpdatesInsteadOfDuplicating) {
  auto store = Open("twice.db");
  ASSERT_TRUE(store);
  ASSERT_TRUE(Ingest(*store, kInput));
  std::string before = Export(*store);
  auto again = Ingest(*store, kInput);
  ASSERT_TRUE(again) << core::Describe(again.error());
  EXPECT_EQ(Total(*again).created, 0);
  EXPECT_EQ(Total(*again).unchanged, kInputRecords);
  EXPECT_EQ(Export(*store), before);

  // A changed field updates that record and only it.
  std::string changed = kInput;
  changed.replace(changed.find("\"name\":\"Els\""), 12, "\"name\":\"Elsa\"");
  auto third = Ingest(*store, changed);
  ASSERT_TRUE(third);
  EXPECT_EQ(Total(*third).created, 0);
  EXPECT_EQ(Total(*third).updated, 1);
  auto els = store->GetContact("c2");
  ASSERT_TRUE(els);
  EXPECT_EQ(els->name, "Elsa");
  EXPECT_EQ(els->version, 2);
}

TEST_F(JsonLinesStoreTest, UnknownReferenceNamesTheLineAndStoresNothing) {
  auto store = Open("unknown.db");
  ASSERT_TRUE(store);
  std::string text = kInput;
  text += R"({"type":"contact","id":"c9","account_id":"a404","name":"Nobody"})"
          "\n";
  auto summary = Ingest(*store, text);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code, core::ErrorCode::kUnknownReference);
  EXPECT_EQ(summary.error().line, 22);
  EXPECT_EQ(Export(*store), "");
  EXPECT_FALSE(store->GetAccount("a1").has_value());
}

}  // namespace
}  // namespace buyalign::interop
