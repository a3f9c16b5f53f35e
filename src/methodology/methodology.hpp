#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buyalign::methodology {

// The buying cycle, signal library and activity fits an organisation sells by. The default
// reproduces ../shared/spec/buying-cycle.md. Immutable once built; safe to share across threads.
//
// (Vocabulary only for now; the readiness engine extends this with likelihoods, reliabilities,
// transition rates and friction thresholds loaded from configuration.)
class Methodology {
 public:
  // Stage ids in cyclic order.
  const std::vector<std::string>& stages() const { return stages_; }
  const std::vector<std::string>& signal_kinds() const { return signal_kinds_; }
  const std::vector<std::string>& activity_kinds() const { return activity_kinds_; }

  // 0-based position in the cycle, or nullopt for an unknown id.
  std::optional<int> StageIndex(std::string_view stage) const;
  bool IsStage(std::string_view id) const { return StageIndex(id).has_value(); }
  bool IsSignalKind(std::string_view id) const;
  bool IsActivityKind(std::string_view id) const;

  // The methodology of the spec.
  static const Methodology& Default();

 private:
  std::vector<std::string> stages_;
  std::vector<std::string> signal_kinds_;
  std::vector<std::string> activity_kinds_;
};

}  // namespace buyalign::methodology
