#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actions/playbook.hpp"
#include "core/result.hpp"
#include "domain/records.hpp"
#include "engine/opportunity_input.hpp"
#include "engine/readiness_engine.hpp"

namespace buyalign::actions {

enum class InfluenceVerdict { kTooLittleData, kHelps, kNoEffect, kHurts };
inline constexpr std::array<std::string_view, 4> kInfluenceVerdictNames{"too_little_data", "helps",
                                                                        "no_effect", "hurts"};

// Contacts observed, and how many of them moved forward within the window.
struct GroupCount {
  int n = 0;
  int moved_forward = 0;
};

// Did buyers who engaged with an item move forward more often than comparable buyers who did not?
// What GET /content/{id}/influence serves. Rates and lift are absent with too_little_data.
struct ContentInfluence {
  std::string content_id;
  GroupCount engaged;
  GroupCount comparison;
  std::optional<double> rate;           // engaged.moved_forward / engaged.n
  std::optional<double> baseline_rate;  // comparison.moved_forward / comparison.n
  std::optional<double> lift;           // rate - baseline_rate, in shares (0.6 = 60 points)
  InfluenceVerdict verdict = InfluenceVerdict::kTooLittleData;
};

// The influence of every item of `items` (same order), measured with the readiness engine on the
// opportunities' own evidence up to `as_of`:
// - engaged: each DMU member with an engaged share of the item (the first one counts), whose share
//   is at least window_days before as_of and who had some evidence by then; moved forward when
//   their most likely stage window_days after the share is later than at the share;
// - comparison: members with no engaged share of the item, at the same moment as an engaged
//   share, at the same most likely stage then; each member counted once per item.
// Fewer than min_sample in either group: too_little_data. Otherwise a two-proportion z test of
// rate against baseline_rate: helps / hurts at |z| >= min_z, no_effect below.
// Fails when the engine refuses an opportunity's signals (an unknown kind or stage).
core::Result<std::vector<ContentInfluence>> MeasureContentInfluence(
    const engine::ReadinessEngine& engine,
    const std::vector<engine::OpportunityInput>& opportunities,
    const std::vector<domain::ContentShare>& shares, const std::vector<domain::ContentItem>& items,
    core::Timestamp as_of, const InfluenceParams& params);

// The verdict and rates for given counts (the last step above, exposed for tests and reports).
ContentInfluence JudgeInfluence(std::string content_id, GroupCount engaged, GroupCount comparison,
                                const InfluenceParams& params);

}  // namespace buyalign::actions
