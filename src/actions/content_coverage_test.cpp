#include "actions/content_coverage.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "actions/actions_test_data.hpp"

namespace buyalign::actions {
namespace {

using testdata::Item;

const methodology::Methodology& M() { return methodology::Methodology::Default(); }

int Count(const ContentCoverage& c, std::string_view stage, std::string_view persona) {
  const auto s = std::find(c.stages.begin(), c.stages.end(), stage) - c.stages.begin();
  const auto p = std::find(c.personas.begin(), c.personas.end(), persona) - c.personas.begin();
  return c.counts[static_cast<size_t>(s)][static_cast<size_t>(p)];
}

bool IsGap(const ContentCoverage& c, std::string_view stage, std::string_view persona) {
  return std::any_of(c.gaps.begin(), c.gaps.end(), [&](const CoverageGap& g) {
    return g.stage == stage && g.persona == persona;
  });
}

std::vector<domain::ContentItem> Constructed() {
  std::vector<domain::ContentItem> items = {
      Item("a", {"need_quantified", "business_case_approved"}, {"finance"}),
      Item("b", {"need_quantified"}, {"finance", "operations"}),
      Item("c", {"vendors_evaluated"}, {}),  // for every persona
      Item("d", {"terms_negotiated"}, {"procurement"}, "sla", {"enterprise"}),
      Item("e", {"status_quo"}, {"operations"}),
  };
  items[4].retired = true;
  return items;
}

TEST(ContentCoverage, CountsStagePersonaCellsAndListsGaps) {
  const ContentCoverage c = MeasureCoverage(Constructed(), M());
  EXPECT_EQ(c.stages, M().stages());
  // Personas named by live items, sorted; the retired item's persona still appears via b.
  EXPECT_EQ(c.personas, (std::vector<std::string>{"finance", "operations", "procurement"}));
  EXPECT_EQ(Count(c, "need_quantified", "finance"), 2);
  EXPECT_EQ(Count(c, "need_quantified", "operations"), 1);
  EXPECT_EQ(Count(c, "business_case_approved", "finance"), 1);
  EXPECT_EQ(Count(c, "vendors_evaluated", "procurement"), 1);  // untargeted item
  EXPECT_EQ(Count(c, "status_quo", "operations"), 0);          // retired
  EXPECT_TRUE(IsGap(c, "status_quo", "operations"));
  EXPECT_TRUE(IsGap(c, "business_case_approved", "operations"));
  EXPECT_FALSE(IsGap(c, "terms_negotiated", "procurement"));
  // 12 stages x 3 personas = 36 cells, 7 of them filled.
  EXPECT_EQ(c.gaps.size(), 36u - 7u);
}

TEST(ContentCoverage, SegmentKeepsItsOwnAndGenericItems) {
  const ContentCoverage mid =
      MeasureCoverage(Constructed(), M(), "mid_market", {"finance", "procurement"});
  EXPECT_EQ(mid.personas, (std::vector<std::string>{"finance", "procurement"}));
  EXPECT_EQ(Count(mid, "terms_negotiated", "procurement"), 0);  // enterprise only
  EXPECT_EQ(Count(mid, "need_quantified", "finance"), 2);       // no segment: for everyone
  const ContentCoverage enterprise = MeasureCoverage(Constructed(), M(), "enterprise");
  EXPECT_EQ(Count(enterprise, "terms_negotiated", "procurement"), 1);
}

TEST(ContentCoverage, EmptyLibraryIsAllGapsForTheAskedPersonas) {
  const ContentCoverage c = MeasureCoverage({}, M(), {}, {"finance"});
  EXPECT_EQ(c.gaps.size(), M().stages().size());
}

}  // namespace
}  // namespace buyalign::actions
