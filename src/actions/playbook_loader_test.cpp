#include "actions/playbook_loader.hpp"

#include <gtest/gtest.h>

#include <set>

#include "engine/opportunity_readiness.hpp"

namespace buyalign::actions {
namespace {

const methodology::Methodology& M() { return methodology::Methodology::Default(); }

// A one-rule playbook with `extra` lines added to the rule.
std::string OneRule(const std::string& extra) {
  return "[[rules]]\nid = \"r1\"\non = \"stage\"\nexplanation = \"x\"\nactivity = \"demo\"\n"
         "purpose = \"p\"\nquestions = [\"Why?\", \"How?\"]\n" +
         extra;
}

TEST(Playbook, DefaultCoversEveryFrictionKindAndEveryStage) {
  const Playbook& p = DefaultPlaybook();
  std::set<int> frictions;
  std::set<int> stages;
  for (const PlaybookRule& rule : p.rules) {
    if (rule.trigger == TriggerKind::kFriction) frictions.insert(rule.friction);
    if (rule.trigger == TriggerKind::kStage && rule.stages && rule.roles.empty()) {
      for (int s = rule.stages->first; s <= rule.stages->second; ++s) stages.insert(s);
    }
  }
  EXPECT_EQ(frictions.size(), engine::kFrictionKindNames.size());
  EXPECT_EQ(static_cast<int>(stages.size()), M().stage_count());
  EXPECT_EQ(p.ranking.max_per_opportunity, 5);
  EXPECT_EQ(p.influence.min_sample, 5);
  EXPECT_EQ(p.showroom.quote_min_stage, *M().StageIndex("shortlist_selected"));
}

TEST(Playbook, EveryDefaultRuleAsksTwoToFourQuestions) {
  for (const PlaybookRule& rule : DefaultPlaybook().rules) {
    EXPECT_GE(rule.questions.size(), 2u) << rule.id;
    EXPECT_LE(rule.questions.size(), 4u) << rule.id;
  }
}

TEST(Playbook, ConfigFileLoadsLikeTheEmbeddedCopy) {
  const char* dir = std::getenv("BUYALIGN_SOURCE_DIR");
  ASSERT_NE(dir, nullptr);
  core::Result<Playbook> p = LoadPlaybook(std::string(dir) + "/configs/playbook.toml", M());
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_EQ(p->rules.size(), DefaultPlaybook().rules.size());
}

TEST(Playbook, MissingFileIsRefused) {
  core::Result<Playbook> p = LoadPlaybook("/nonexistent/playbook.toml", M());
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code, core::ErrorCode::kInvalidArgument);
}

TEST(Playbook, MinimalPlaybookTakesDefaults) {
  core::Result<Playbook> p = ParsePlaybook(OneRule(""), M());
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_EQ(p->rules.front().target, TargetKind::kSubject);
  EXPECT_EQ(p->ranking.max_content, 3);
}

struct BadCase {
  std::string text;
  std::string field;
};

TEST(Playbook, InvalidConfigIsRefusedNamingTheKey) {
  const std::vector<BadCase> cases = {
      {OneRule("colour = \"red\"\n"), "rules.r1.colour"},
      {OneRule("target = \"boss\"\n"), "rules.r1.target"},
      {OneRule("roles = [\"ceo\"]\n"), "rules.r1.roles"},
      {OneRule("stages = [\"shortlist_selected\", \"status_quo\"]\n"), "rules.r1.stages"},
      {OneRule("content_stage = \"shortlisted\"\n"), "rules.r1.content_stage"},
      {OneRule("signal = \"asks_for_discount\"\n"), "rules.r1.signal"},
      {OneRule("unless_activity = [\"lunch\"]\n"), "rules.r1.unless_activity"},
      {OneRule("due_days = -1\n"), "rules.r1.due_days"},
      {"[[rules]]\nid = \"r1\"\non = \"stage\"\nexplanation = \"x\"\nactivity = \"demo_call\"\n"
       "purpose = \"p\"\nquestions = [\"Why?\", \"How?\"]\n",
       "rules.r1.activity"},
      {"[[rules]]\nid = \"r1\"\non = \"stage\"\nexplanation = \"x\"\nactivity = \"demo\"\n"
       "purpose = \"p\"\nquestions = [\"Why?\", \"Our product is the best.\"]\n",
       "rules.r1.questions"},
      {"[[rules]]\nid = \"r1\"\non = \"stage\"\nexplanation = \"x\"\nactivity = \"demo\"\n"
       "purpose = \"p\"\nquestions = [\"Why?\"]\n",
       "rules.r1.questions"},
      {"[[rules]]\nid = \"r1\"\non = \"price\"\nactivity = \"demo\"\n", "rules.r1.on"},
      {"[[rules]]\nid = \"r1\"\non = \"signal\"\nsignal = \"asks_nicely\"\n", "rules.r1.signal"},
      {"[[rules]]\non = \"stage\"\n", "rules[0].id"},
      {OneRule("") + OneRule(""), "rules.r1.id"},
      {"[ranking]\nmax_per_opportunity = 0\n" + OneRule(""), "ranking.max_per_opportunity"},
      {"[content]\nmin_sample = \"five\"\n" + OneRule(""), "content.min_sample"},
      {"[showroom]\nquote_min_stage = \"shortlisted\"\n" + OneRule(""), "showroom.quote_min_stage"},
      {"[showroom]\ncomparing_signals = [\"window_shopping\"]\n" + OneRule(""),
       "showroom.comparing_signals"},
      {"[ranking]\n", "rules"},
      {"rules = 3\n", "rules"},
      {"[extras]\n" + OneRule(""), "extras"},
  };
  for (const BadCase& c : cases) {
    core::Result<Playbook> p = ParsePlaybook(c.text, M());
    ASSERT_FALSE(p.has_value()) << c.text;
    EXPECT_EQ(p.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(p.error().field, c.field) << p.error().message;
    EXPECT_EQ(p.error().message.rfind(c.field + ":", 0), 0u) << p.error().message;
  }
}

TEST(Playbook, SyntaxErrorNamesTheLine) {
  core::Result<Playbook> p = ParsePlaybook("[ranking\nx = 1\n", M());
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().line, 1);
}

}  // namespace
}  // namespace buyalign::actions
