#pragma once

#include <cstdint>
#include <vector>

#include "engine/dmu_summary.hpp"
#include "engine/opportunity_input.hpp"
#include "engine/opportunity_readiness.hpp"
#include "methodology/methodology.hpp"

// Friction detection: each rule looks at the DMU at one moment (and, for the timeline rules, at
// the members' tracks up to that moment) and appends what it finds. Thresholds come from the
// methodology's [frictions] tables. Pure functions.
namespace buyalign::engine {

struct FrictionContext {
  const methodology::Methodology& methodology;
  const OpportunityInput& input;
  int64_t as_of;  // Unix seconds
  const std::vector<MemberView>& members;
  const DmuSummary& dmu;

  // How far the DMU is towards the purchase stage, 0..1: later frictions of the same kind hurt
  // more.
  double Progress() const;
};

// About the DMU's make-up and contact (member_frictions.cpp).
void DetectMissingRoles(const FrictionContext& c, std::vector<Friction>& out);
void DetectLaggingMembers(const FrictionContext& c, std::vector<Friction>& out);
void DetectHighInfluenceBlockers(const FrictionContext& c, std::vector<Friction>& out);
void DetectStaleMembers(const FrictionContext& c, std::vector<Friction>& out);
void DetectSingleThreaded(const FrictionContext& c, std::vector<Friction>& out);

// About movement over time (timeline_frictions.cpp).
void DetectBackwardMoves(const FrictionContext& c, std::vector<Friction>& out);
void DetectSellerMismatch(const FrictionContext& c, std::vector<Friction>& out);
void DetectStalled(const FrictionContext& c, std::vector<Friction>& out);
void DetectCloseDateUnrealistic(const FrictionContext& c, std::vector<Friction>& out);

// Every rule, most severe first (ties in rule order).
std::vector<Friction> DetectFrictions(const FrictionContext& c);

}  // namespace buyalign::engine
