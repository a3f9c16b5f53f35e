#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/records.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::actions {

struct CoverageGap {
  std::string stage;
  std::string persona;
};

// The stage x persona matrix of a content library: what GET /content/coverage serves.
// counts[s][p] is the number of live items for stages[s] and personas[p].
struct ContentCoverage {
  std::vector<std::string> stages;    // the methodology's, in cycle order
  std::vector<std::string> personas;  // as asked, or every persona the items name, sorted
  std::vector<std::vector<int>> counts;
  std::vector<CoverageGap> gaps;  // cells with no item, stage by stage
};

// Counts live (not retired) items per stage and persona. An item counts in every cell of its
// stage tags x persona tags; an item without persona tags is written for everyone and counts for
// every persona. With a `segment`, only items tagged with it or with no segment (for everyone)
// count. Stage tags the methodology does not know are ignored. `personas` empty: every persona
// the counted items name. Pure.
ContentCoverage MeasureCoverage(const std::vector<domain::ContentItem>& items,
                                const methodology::Methodology& m, std::string_view segment = {},
                                std::vector<std::string> personas = {});

}  // namespace buyalign::actions
