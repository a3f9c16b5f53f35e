#include "actions/content_coverage.hpp"

#include <algorithm>
#include <set>

namespace buyalign::actions {
namespace {

bool InSegment(const domain::ContentItem& item, std::string_view segment) {
  return segment.empty() || item.segments.empty() ||
         std::find(item.segments.begin(), item.segments.end(), segment) != item.segments.end();
}

}  // namespace

ContentCoverage MeasureCoverage(const std::vector<domain::ContentItem>& items,
                                const methodology::Methodology& m, std::string_view segment,
                                std::vector<std::string> personas) {
  std::vector<const domain::ContentItem*> live;
  for (const domain::ContentItem& item : items) {
    if (!item.retired && InSegment(item, segment)) live.push_back(&item);
  }
  if (personas.empty()) {
    std::set<std::string> named;
    for (const domain::ContentItem* item : live)
      named.insert(item->personas.begin(), item->personas.end());
    personas.assign(named.begin(), named.end());
  }
  ContentCoverage out;
  out.stages = m.stages();
  out.personas = std::move(personas);
  out.counts.assign(out.stages.size(), std::vector<int>(out.personas.size(), 0));
  for (const domain::ContentItem* item : live) {
    std::set<int> stages;  // an item tagged twice with a stage counts once
    for (const std::string& tag : item->stages) {
      if (std::optional<int> s = m.StageIndex(tag)) stages.insert(*s);
    }
    for (size_t p = 0; p < out.personas.size(); ++p) {
      const bool for_persona =
          item->personas.empty() || std::find(item->personas.begin(), item->personas.end(),
                                              out.personas[p]) != item->personas.end();
      if (!for_persona) continue;
      for (int s : stages) ++out.counts[static_cast<size_t>(s)][p];
    }
  }
  for (size_t s = 0; s < out.stages.size(); ++s) {
    for (size_t p = 0; p < out.personas.size(); ++p) {
      if (out.counts[s][p] == 0) out.gaps.push_back({out.stages[s], out.personas[p]});
    }
  }
  return out;
}

}  // namespace buyalign::actions
