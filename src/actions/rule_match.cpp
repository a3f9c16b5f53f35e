#include "actions/rule_match.hpp"

#include <algorithm>

namespace buyalign::actions {
namespace {

template <class T>
bool EmptyOrContains(const std::vector<T>& allowed, const T& value) {
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

bool SubjectMatches(const PlaybookRule& rule, const DealView& deal,
                    const engine::MemberReadiness* subject) {
  if (subject == nullptr) {
    return !rule.stages && rule.roles.empty() && rule.personas.empty() && rule.stances.empty();
  }
  if (rule.stages) {
    const int stage = deal.StageOf(*subject);
    if (stage < rule.stages->first || stage > rule.stages->second) return false;
  }
  return EmptyOrContains(rule.roles, subject->role) &&
         EmptyOrContains(rule.personas, deal.PersonaOf(subject->contact_id)) &&
         EmptyOrContains(rule.stances, subject->stance);
}

bool DealAllows(const PlaybookRule& rule, const DealView& deal) {
  if (!rule.unless_activity.empty() && deal.HasActivity(rule.unless_activity)) return false;
  if (!rule.unless_mention.empty() && deal.Mentions(rule.unless_mention)) return false;
  if (!rule.unless_roles.empty() && deal.HasRole(rule.unless_roles)) return false;
  return true;
}

}  // namespace buyalign::actions
