#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "domain/enums.hpp"

namespace buyalign::engine {

enum class FrictionKind {
  kMissingRole,
  kLaggingMember,
  kHighInfluenceBlocker,
  kStaleMember,
  kSingleThreaded,
  kBackwardMove,
  kSellerAhead,
  kSellerBehind,
  kStalled,
  kCloseDateUnrealistic,
};
inline constexpr std::array<std::string_view, 10> kFrictionKindNames{
    "missing_role",    "lagging_member",        "high_influence_blocker", "stale_member",
    "single_threaded", "backward_move",         "seller_ahead",           "seller_behind",
    "stalled",         "close_date_unrealistic"};

struct Friction {
  FrictionKind kind = FrictionKind::kMissingRole;
  std::string contact_id;   // empty when about the whole DMU
  std::string activity_id;  // seller_ahead / seller_behind only
  double severity = 0;      // 0..1
  std::string explanation;  // one sentence a rep understands
};

struct StageProbability {
  std::string stage;
  double probability = 0;
};

struct MemberReadiness {
  std::string contact_id;
  std::string name;
  domain::DmuRole role = domain::DmuRole::kOther;
  double influence = 0;
  domain::Stance stance = domain::Stance::kNeutral;
  std::string stage;                           // the most likely stage
  double confidence = 0;                       // the probability of `stage`
  std::vector<StageProbability> distribution;  // every stage, in cycle order
  std::optional<core::Timestamp> last_evidence_at;
  double momentum = 0;  // expected stages moved over the last 30 days (negative: backwards)
  double position = 0;  // the expected stage index, 0-based, reading the cycle as a line
};

// The readiness of one opportunity's DMU at one moment: what GET
// /opportunities/{id}/readiness serves. Field names follow that JSON.
struct OpportunityReadiness {
  struct Readiness {
    std::string stage;      // the influence-weighted position of the DMU, rounded to a stage
    double confidence = 0;  // the influence-weighted mean of the members' confidence
  };
  struct Alignment {
    double score = 1;    // 1: everyone at the same stage; 0: on average a phase or more apart
    std::string leader;  // contact id of the member furthest ahead
    std::vector<std::string> laggards;  // contact ids of members clearly behind the rest
  };

  std::string opportunity_id;
  core::Timestamp as_of{};
  Readiness readiness;
  Alignment alignment;
  std::vector<MemberReadiness> members;  // in input order
  std::vector<Friction> frictions;       // most severe first
};

}  // namespace buyalign::engine
