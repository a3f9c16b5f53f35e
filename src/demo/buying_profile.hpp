#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/enums.hpp"

// How buyers at each stage of the default buying cycle tend to show themselves, and which seller
// activities fit them: the tables of ../shared/spec/buying-cycle.md in the form the demo simulation
// needs. Stages are 0-based positions in Methodology::Default().stages(). Pure data, thread-safe.
namespace buyalign::demo {

inline constexpr int kStageCount = 12;

// Signal kinds a buyer at `stage` typically shows (the spec's "points mostly at"), excluding the
// backward-move kinds, stage_assessed and content_engaged. `stage` is taken modulo 12.
const std::vector<std::string_view>& TypicalSignals(int stage);

// The stage a signal kind points at mostly; nullopt for stage_assessed and content_engaged, whose
// stage comes from the record (its `stage` field, its content item's tags).
std::optional<int> MainStage(std::string_view signal_kind);

// The signal a buyer shows when moving back to `stage`: raises_new_requirement (to
// requirements_defined or earlier) or reopens_evaluation (later).
std::string_view BackwardSignal(int stage);

// Where a signal kind is usually observed.
domain::SignalSource TypicalSource(std::string_view signal_kind);

// Seller activity kinds whose fit range contains `stage` (taken modulo 12), excluding follow_up
// and admin, which fit anywhere / nowhere.
std::vector<std::string_view> ActivitiesFitting(int stage);

// A plausible duration in minutes for an activity kind.
int TypicalDuration(std::string_view activity_kind);

}  // namespace buyalign::demo
