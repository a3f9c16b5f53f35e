#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_batch.hpp"
#include "demo/rng.hpp"

namespace buyalign::demo {

// The demo's 40 content items, tagged by stage, persona, segment and format. Some stage x
// persona cells are left empty on purpose (legal and procurement early in the cycle, IT after the
// purchase, ...) so the coverage screen shows real gaps. Two items are retired. Immutable once
// built.
class ContentLibrary {
 public:
  // Adds the items to the batch and remembers them for Pick.
  static ContentLibrary Add(DemoBatch& batch);

  // A live item tagged with `stage` (0-based), preferring one also tagged with `persona`; empty
  // when no live item covers the stage.
  std::string Pick(Rng& rng, int stage, std::string_view persona) const;

  const std::vector<domain::ContentItem>& items() const { return items_; }

 private:
  std::vector<domain::ContentItem> items_;
};

}  // namespace buyalign::demo
