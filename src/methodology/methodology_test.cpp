#include "methodology/methodology.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "methodology/methodology_loader.hpp"

namespace buyalign::methodology {
namespace {

int ArgMax(const std::vector<double>& v) {
  return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
}

TEST(Methodology, DefaultReproducesTheSpecCycle) {
  const Methodology& m = Methodology::Default();
  const std::vector<std::string> expected{"status_quo",
                                          "problem_recognized",
                                          "need_quantified",
                                          "change_committed",
                                          "requirements_defined",
                                          "options_explored",
                                          "vendors_evaluated",
                                          "shortlist_selected",
                                          "business_case_approved",
                                          "terms_negotiated",
                                          "purchased",
                                          "value_realized"};
  EXPECT_EQ(m.stages(), expected);
  EXPECT_EQ(m.stage_definitions()[0].phase, "decide_to_change");
  EXPECT_EQ(m.stage_definitions()[4].phase, "choose_solution");
  EXPECT_EQ(m.stage_definitions()[11].phase, "buy_and_realize");
  EXPECT_EQ(m.stage_definitions()[6].question, "Which of them really fits? What do peers say?");
  EXPECT_EQ(m.purchase_stage(), 10);
  ASSERT_EQ(m.dynamics().restart.size(), 2u);
  EXPECT_EQ(m.StageIndex("requirements_defined"), 4);
  EXPECT_FALSE(m.IsStage("problem_recognised"));
}

TEST(Methodology, DefaultSignalsPeakAtTheirMainStage) {
  const Methodology& m = Methodology::Default();
  ASSERT_EQ(m.signal_kinds().size(), 36u);
  EXPECT_EQ(m.signal_kinds().front(), "satisfied_with_current");
  EXPECT_EQ(m.signal_kinds().back(), "content_engaged");
  const std::vector<std::pair<std::string, std::string>> main_stages{
      {"reports_pain", "problem_recognized"},
      {"asks_for_roi_estimate", "need_quantified"},
      {"sends_rfi", "requirements_defined"},
      {"reopens_evaluation", "options_explored"},
      {"compares_competitor_pricing", "vendors_evaluated"},
      {"legal_review", "terms_negotiated"},
      {"renewal_discussion", "value_realized"},
      {"purchase_order", "purchased"}};
  for (const auto& [kind, stage] : main_stages) {
    const SignalDefinition& s = m.signals()[static_cast<size_t>(*m.SignalIndex(kind))];
    EXPECT_EQ(ArgMax(s.likelihood), *m.StageIndex(stage)) << kind;
    EXPECT_DOUBLE_EQ(s.likelihood[static_cast<size_t>(*m.StageIndex(stage))], 1.0) << kind;
  }
  // "also" stages get a secondary peak well above the floor.
  const SignalDefinition& roi =
      m.signals()[static_cast<size_t>(*m.SignalIndex("asks_for_roi_estimate"))];
  EXPECT_GT(roi.likelihood[8], 0.5);
  EXPECT_LT(roi.likelihood[6], 0.1);
  EXPECT_TRUE(m.signals()[static_cast<size_t>(*m.SignalIndex("raises_new_requirement"))].backward);
  EXPECT_EQ(m.signals()[static_cast<size_t>(*m.SignalIndex("stage_assessed"))].model,
            SignalModel::kAssessment);
  EXPECT_EQ(m.signals()[static_cast<size_t>(*m.SignalIndex("content_engaged"))].model,
            SignalModel::kContent);
}

TEST(Methodology, AssessmentLikelihoodLeansBeforeTheAssessedStage) {
  const Methodology& m = Methodology::Default();
  const std::vector<double>& l = m.AssessmentLikelihood(6);
  EXPECT_GT(l[5], l[7]);  // optimism: one stage before is likelier than one stage after
  EXPECT_GT(l[6], l[8]);
  EXPECT_GT(l[4], l[8]);
}

TEST(Methodology, DefaultActivityFitsMatchTheSpec) {
  const Methodology& m = Methodology::Default();
  ASSERT_EQ(m.activity_kinds().size(), 14u);
  auto fits = [&](std::string_view kind) {
    return m.activities()[static_cast<size_t>(*m.ActivityIndex(kind))];
  };
  EXPECT_EQ(fits("quote_sent").fits, (std::vector<int>{7, 8, 9}));
  EXPECT_EQ(fits("value_workshop").fits, (std::vector<int>{2, 3, 8}));
  EXPECT_EQ(fits("business_review").fits, (std::vector<int>{0, 1, 11}));
  EXPECT_TRUE(fits("follow_up").fits_any);
  EXPECT_TRUE(fits("admin").fits.empty());
  EXPECT_FALSE(fits("admin").selling_time);
  EXPECT_TRUE(fits("demo").selling_time);
}

TEST(Methodology, DefaultIsTheConfigFile) {
  // ctest sets the variable; a direct run falls back to the path compiled in.
  const char* root = std::getenv("BUYALIGN_SOURCE_DIR");
  if (root == nullptr) root = BUYALIGN_SOURCE_DIR;
  std::ifstream in(std::string(root) + "/configs/methodology.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, DefaultMethodologyToml());
  auto loaded = LoadMethodology(std::string(root) + "/configs/methodology.toml");
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->stages(), Methodology::Default().stages());
}

TEST(Methodology, OrganisationCanLoadItsOwnCycle) {
  const std::string text = R"(
[cycle]
purchase_stage = "signed"
[[stages]]
id = "curious"
dwell_days = 10
[[stages]]
id = "comparing"
[[stages]]
id = "signed"
[[signals]]
id = "asks_price"
main_stage = "comparing"
source = "email"
[[activities]]
id = "call"
fits = "any"
)";
  auto m = ParseMethodology(text);
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->stage_count(), 3);
  EXPECT_EQ(m->purchase_stage(), 2);
  EXPECT_DOUBLE_EQ(m->stage_definitions()[0].dwell_days, 10);
  EXPECT_EQ(ArgMax(m->signals()[0].likelihood), 1);
  EXPECT_TRUE(m->IsActivityKind("call"));
  EXPECT_FALSE(m->IsSignalKind("reports_pain"));
}

// Each case edits the default text and expects an error naming the key.
struct ConfigErrorCase {
  std::string find;
  std::string replace;
  std::string expected_field;
  std::string expected_message;
};

class MethodologyConfigError : public testing::TestWithParam<ConfigErrorCase> {};

TEST_P(MethodologyConfigError, NamesTheKey) {
  const ConfigErrorCase& c = GetParam();
  std::string text(DefaultMethodologyToml());
  const size_t at = text.find(c.find);
  ASSERT_NE(at, std::string::npos) << c.find;
  text.replace(at, c.find.size(), c.replace);
  auto m = ParseMethodology(text);
  ASSERT_FALSE(m) << "accepted: " << c.replace;
  EXPECT_EQ(m.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(m.error().field, c.expected_field);
  EXPECT_EQ(m.error().message, c.expected_message);
  EXPECT_GT(m.error().line, 0);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MethodologyConfigError,
    testing::Values(
        ConfigErrorCase{"id = \"reports_pain\"\nmain_stage = \"problem_recognized\"",
                        "id = \"reports_pain\"\nmain_stage = \"problem_recognised\"",
                        "signals.reports_pain.main_stage",
                        "signals.reports_pain.main_stage: unknown stage \"problem_recognised\""},
        ConfigErrorCase{"also_stages = [\"business_case_approved\"]",
                        "also_stages = [\"business_case\"]",
                        "signals.asks_for_roi_estimate.also_stages",
                        "signals.asks_for_roi_estimate.also_stages: unknown stage "
                        "\"business_case\""},
        ConfigErrorCase{"source = \"web\"", "source = \"twitter\"",
                        "signals.asks_industry_trends.source",
                        "signals.asks_industry_trends.source: unknown source \"twitter\" "
                        "(meeting, email, web, rep_assessment or content)"},
        ConfigErrorCase{"dwell_days = 60", "dwell_days = -3", "stages.status_quo.dwell_days",
                        "stages.status_quo.dwell_days: must be > 0 and <= 3650, not -3"},
        ConfigErrorCase{"id = \"need_quantified\"", "id = \"problem_recognized\"", "stages[2].id",
                        "stages[2].id: duplicate id \"problem_recognized\""},
        ConfigErrorCase{"purchase_stage = \"purchased\"", "purchase_stage = \"bought\"",
                        "cycle.purchase_stage", "cycle.purchase_stage: unknown stage \"bought\""},
        ConfigErrorCase{"meeting = 0.85", "meeting = 1.5", "sources.meeting",
                        "sources.meeting: must be > 0 and <= 1, not 1.5"},
        ConfigErrorCase{"web = 0.5", "web = \"high\"", "sources.web",
                        "sources.web: must be a number"},
        ConfigErrorCase{"fits = [\"terms_negotiated\"]", "fits = [\"closing\"]",
                        "activities.negotiation_meeting.fits",
                        "activities.negotiation_meeting.fits: unknown stage \"closing\""},
        ConfigErrorCase{"required_roles = [\"economic_buyer\"]", "required_roles = [\"ceo\"]",
                        "frictions.missing_role.required_roles",
                        "frictions.missing_role.required_roles: unknown role \"ceo\" "
                        "(economic_buyer, decision_maker, technical_buyer, business_user, "
                        "evaluator, influencer, executive_sponsor, procurement, legal, "
                        "champion or other)"},
        ConfigErrorCase{"dwell_factor = 2.0", "dwel_factor = 2.0", "frictions.stalled.dwel_factor",
                        "frictions.stalled.dwel_factor: unknown key"},
        ConfigErrorCase{"min_stages = 2          # behind", "min_stages = 9          # behind",
                        "frictions.lagging_member.min_stages",
                        "frictions.lagging_member.min_stages: must be between 1 and 6, not 9"},
        ConfigErrorCase{"model = \"assessment\"", "model = \"guess\"",
                        "signals.stage_assessed.model",
                        "signals.stage_assessed.model: unknown model \"guess\" (stage, "
                        "assessment or content)"},
        ConfigErrorCase{"max_back_stages = 3", "max_back_stages = 2.5", "dynamics.max_back_stages",
                        "dynamics.max_back_stages: must be a whole number"}));

TEST(Methodology, SyntaxErrorNamesTheLine) {
  auto m = ParseMethodology("[cycle]\npurchase_stage = \n", "custom.toml");
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().line, 2);
  EXPECT_NE(m.error().message.find("custom.toml line 2"), std::string::npos) << m.error().message;
}

TEST(Methodology, MissingFileIsAnError) {
  auto m = LoadMethodology("/nonexistent/methodology.toml");
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("/nonexistent/methodology.toml"), std::string::npos);
}

}  // namespace
}  // namespace buyalign::methodology
