#include "methodology/methodology.hpp"

#include <algorithm>
#include <stdexcept>

#include "methodology/methodology_loader.hpp"

namespace buyalign::methodology {
namespace {

template <class Ids>
std::optional<int> IndexOf(const Ids& ids, std::string_view id) {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) return std::nullopt;
  return static_cast<int>(it - ids.begin());
}

}  // namespace

std::optional<int> Methodology::StageIndex(std::string_view stage) const {
  return IndexOf(stages_, stage);
}

bool Methodology::IsSignalKind(std::string_view id) const {
  return IndexOf(signal_kinds_, id).has_value();
}

bool Methodology::IsActivityKind(std::string_view id) const {
  return IndexOf(activity_kinds_, id).has_value();
}

std::optional<int> Methodology::SignalIndex(std::string_view id) const {
  return IndexOf(signal_kinds_, id);
}

std::optional<int> Methodology::ActivityIndex(std::string_view id) const {
  return IndexOf(activity_kinds_, id);
}

const Methodology& Methodology::Default() {
  static const Methodology kDefault = [] {
    core::Result<Methodology> parsed =
        ParseMethodology(DefaultMethodologyToml(), "configs/methodology.toml (built in)");
    // The text is compiled in and covered by tests: failing here is a build defect.
    if (!parsed) throw std::logic_error("built-in methodology: " + parsed.error().message);
    return std::move(*parsed);
  }();
  return kDefault;
}

}  // namespace buyalign::methodology
