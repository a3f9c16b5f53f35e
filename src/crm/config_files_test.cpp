// The shipped configuration files say the same as the built-in defaults, so editing a copy of a
// file starts from what the import really does.
#include <gtest/gtest.h>

#include "crm/activity_rules.hpp"
#include "crm/crm_test_support.hpp"
#include "crm/stage_table.hpp"

namespace buyalign::crm {
namespace {

TEST(ConfigFiles, SalesforceStagesFileEqualsTheDefaultTable) {
  auto loaded = StageTable::Load(testing::SourceDir() / "configs/salesforce-stages.toml");
  ASSERT_TRUE(loaded) << loaded.error().message;
  const auto& expected = StageTable::SalesforceDefault().stages();
  ASSERT_EQ(loaded->stages().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(loaded->stages()[i].name, expected[i].name);
    EXPECT_EQ(loaded->stages()[i].status, expected[i].status);
    EXPECT_EQ(loaded->stages()[i].probability, expected[i].probability);
  }
}

TEST(ConfigFiles, SalesforceActivitiesFileClassifiesLikeTheDefault) {
  auto loaded = ActivityRules::Load(testing::SourceDir() / "configs/salesforce-activities.toml");
  ASSERT_TRUE(loaded) << loaded.error().message;
  const auto& builtin = ActivityRules::Default();
  const std::pair<const char*, const char*> samples[] = {
      {"Call", "Intro call with CFO"}, {"Meeting", "Discovery"},      {"", "ROI review"},
      {"Email", "Send proposal v2"},   {"Other", "Contract draft"},   {"Demo", ""},
      {"Meeting", "QBR Q3"},           {"", "Internal forecast"},     {"Other", "misc"},
      {"Quote sent", "whatever"},      {"Call", "Kick-off planning"}, {"", "Requirements"},
  };
  for (const auto& [type, subject] : samples) {
    auto a = loaded->Classify(type, subject);
    auto b = builtin.Classify(type, subject);
    EXPECT_EQ(a.kind, b.kind) << type << " / " << subject;
    EXPECT_EQ(a.mapped, b.mapped) << type << " / " << subject;
  }
  EXPECT_EQ(builtin.Classify("Call", "Product demo").kind, "demo");
  EXPECT_EQ(builtin.Classify("Call", "Chat").kind, "follow_up");
  EXPECT_FALSE(builtin.Classify("Other", "Chat").mapped);
  EXPECT_EQ(builtin.Classify(builtin.Label("negotiation_meeting"), "Product demo").kind,
            "negotiation_meeting");
  for (const char* kind : {"intro_call", "discovery_meeting", "demo", "proposal_sent",
                           "negotiation_meeting", "follow_up", "admin", "business_review"}) {
    EXPECT_EQ(loaded->IsEvent(kind), builtin.IsEvent(kind)) << kind;
  }
  EXPECT_TRUE(builtin.IsEvent("demo"));
  EXPECT_FALSE(builtin.IsEvent("intro_call"));  // a call is a task in Salesforce
  EXPECT_FALSE(builtin.IsEvent("proposal_sent"));
}

TEST(ConfigFiles, BadStageTableNamesTheEntry) {
  auto bad = StageTable::Parse("[[stage]]\nname = \"X\"\nstatus = \"maybe\"\n", "s.toml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "s.toml: stage 1: status must be open, won or lost, not \"maybe\"");
  auto kind = ActivityRules::Parse("[[subject]]\ncontains = \"x\"\nkind = \"lunch\"\n", "a.toml");
  ASSERT_FALSE(kind);
  EXPECT_EQ(kind.error().message, "a.toml: subject rule 1: \"lunch\" is not an activity kind");
  auto event = ActivityRules::Parse("events = [\"demo\", \"lunch\"]\n", "a.toml");
  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().message, "a.toml: events: \"lunch\" is not an activity kind");
  auto only_demos = ActivityRules::Parse("events = [\"demo\"]\n", "a.toml");
  ASSERT_TRUE(only_demos) << only_demos.error().message;
  EXPECT_TRUE(only_demos->IsEvent("demo"));
  EXPECT_FALSE(only_demos->IsEvent("discovery_meeting"));
}

}  // namespace
}  // namespace buyalign::crm
