#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "actions/content_influence.hpp"
#include "actions/next_action.hpp"
#include "domain/records.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::actions {

// Chooses the content for a recommendation from a library. Candidates are live (not retired)
// items tagged with the stage asked for and written for the persona (an item without persona
// tags is for everyone). Among them, in order: items with proven influence ("helps"), by lift;
// then items tagged with the persona itself; then items in the asked format; then library order.
// Owns a copy of the library. Immutable after construction; safe to share across threads.
class ContentPicker {
 public:
  ContentPicker() = default;
  ContentPicker(std::vector<domain::ContentItem> items, const methodology::Methodology& m,
                const std::vector<ContentInfluence>& influence = {});

  // Up to `max` items; fewer (or none) when the library has no fitting item.
  std::vector<ContentRef> Pick(int stage, std::string_view persona, std::string_view format,
                               size_t max) const;

 private:
  std::vector<domain::ContentItem> items_;
  std::vector<uint32_t> stage_masks_;  // per item: bit s set when tagged with stage s
  std::vector<double> proven_lift_;    // per item: lift when the verdict is "helps", else -1
};

}  // namespace buyalign::actions
