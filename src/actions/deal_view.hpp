#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/opportunity_input.hpp"
#include "engine/opportunity_readiness.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::actions {

// Contact id -> persona (the contact record's `persona`); contacts not in it have none.
using Personas = std::map<std::string, std::string>;

// The facts about one opportunity that playbook rules ask about, over its input, its readiness at
// one moment and its contacts' personas: who is who, who was heard from, what was done and said.
// A view: every argument must outlive it. Not synchronised; cheap to build per opportunity.
class DealView {
 public:
  DealView(const engine::OpportunityInput& input, const engine::OpportunityReadiness& readiness,
           const Personas& personas, const methodology::Methodology& methodology);

  const engine::OpportunityInput& input() const { return input_; }
  const engine::OpportunityReadiness& readiness() const { return readiness_; }
  const methodology::Methodology& methodology() const { return methodology_; }
  int64_t as_of() const { return as_of_; }  // Unix seconds

  // The member with this contact id, or null.
  const engine::MemberReadiness* Member(std::string_view contact_id) const;
  // Its most likely stage as an index of the cycle.
  int StageOf(const engine::MemberReadiness& member) const;
  std::string PersonaOf(std::string_view contact_id) const;

  // Null only when the DMU is empty.
  const engine::MemberReadiness* MostInfluential() const;
  // A member who champions the deal (role or stance), else the most influential supporter, else
  // the current contact.
  const engine::MemberReadiness* Champion() const;
  // The economic buyer, else a decision maker, else an executive sponsor, else the most
  // influential member.
  const engine::MemberReadiness* EconomicBuyer() const;
  // The member the seller dealt with last: named by the latest activity or signal up to as_of.
  const engine::MemberReadiness* CurrentContact() const;

  bool HasActivity(const std::vector<std::string>& kinds) const;
  // Whether a signal or activity note up to as_of names one of `words` (lower case),
  // case-insensitively, in a clause that does not call the topic still open ("SLA not discussed
  // yet" is no mention of an SLA being discussed).
  bool Mentions(const std::vector<std::string>& words) const;
  bool HasRole(const std::vector<domain::DmuRole>& roles) const;
  // Signals about the contact up to as_of.
  int SignalCount(std::string_view contact_id) const;
  // Whether the contact showed `kind` in the `days` before as_of.
  bool ShowedSignal(std::string_view contact_id, std::string_view kind, double days) const;
  // |member's position - influence-weighted position of the others|, in stages; 0 alone.
  double DistanceFromOthers(const engine::MemberReadiness& member) const;

 private:
  bool Counts(core::Timestamp at) const { return core::ToUnixSeconds(at) <= as_of_; }

  const engine::OpportunityInput& input_;
  const engine::OpportunityReadiness& readiness_;
  const Personas& personas_;
  const methodology::Methodology& methodology_;
  int64_t as_of_;
};

}  // namespace buyalign::actions
