#include "actions/content_picker.hpp"

#include <algorithm>
#include <tuple>

namespace buyalign::actions {

ContentPicker::ContentPicker(std::vector<domain::ContentItem> items,
                             const methodology::Methodology& m,
                             const std::vector<ContentInfluence>& influence)
    : items_(std::move(items)) {
  std::map<std::string_view, double> helps;
  for (const ContentInfluence& i : influence) {
    if (i.verdict == InfluenceVerdict::kHelps && i.lift) helps[i.content_id] = *i.lift;
  }
  for (const domain::ContentItem& item : items_) {
    uint32_t mask = 0;
    for (const std::string& stage : item.stages) {
      if (std::optional<int> s = m.StageIndex(stage)) mask |= 1u << *s;
    }
    stage_masks_.push_back(mask);
    auto it = helps.find(item.id);
    proven_lift_.push_back(it == helps.end() ? -1.0 : it->second);
  }
}

std::vector<ContentRef> ContentPicker::Pick(int stage, std::string_view persona,
                                            std::string_view format, size_t max) const {
  // (proven, lift, persona tagged, format, -index): larger is better.
  using Key = std::tuple<bool, double, bool, bool, int>;
  std::vector<std::pair<Key, size_t>> ranked;
  for (size_t i = 0; i < items_.size(); ++i) {
    const domain::ContentItem& item = items_[i];
    if (item.retired || (stage_masks_[i] & (1u << stage)) == 0) continue;
    const bool tagged = !persona.empty() && std::find(item.personas.begin(), item.personas.end(),
                                                      persona) != item.personas.end();
    if (!item.personas.empty() && !tagged) continue;
    const double lift = proven_lift_[i];
    ranked.push_back({Key{lift >= 0, lift, tagged, !format.empty() && item.format == format,
                          -static_cast<int>(i)},
                      i});
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<ContentRef> out;
  for (size_t k = 0; k < ranked.size() && out.size() < max; ++k) {
    const domain::ContentItem& item = items_[ranked[k].second];
    out.push_back({item.id, item.title, item.url});
  }
  return out;
}

}  // namespace buyalign::actions
