#include "auth/policy.hpp"

namespace buyalign::auth {
namespace {

using domain::UserRole;

// One row per (resource, action); columns in UserRole order: admin, manager, rep, marketing.
struct PolicyRow {
  Resource resource;
  Action action;
  std::array<Scope, 4> by_role;
};

constexpr Scope N = Scope::kNone, G = Scope::kAggregate, O = Scope::kOwn, T = Scope::kTeam,
                A = Scope::kAll;

// Accounts and contacts are the shared address book of the sales team: every seller may read and
// add them; removing one is for managers and admins. Marketing sees no deal details.
constexpr PolicyRow kPolicy[] = {
    {Resource::kAccount, Action::kRead, {A, A, A, N}},
    {Resource::kAccount, Action::kCreate, {A, A, A, N}},
    {Resource::kAccount, Action::kUpdate, {A, A, A, N}},
    {Resource::kAccount, Action::kDelete, {A, A, N, N}},
    {Resource::kContact, Action::kRead, {A, A, A, N}},
    {Resource::kContact, Action::kCreate, {A, A, A, N}},
    {Resource::kContact, Action::kUpdate, {A, A, A, N}},
    {Resource::kContact, Action::kDelete, {A, A, N, N}},
    {Resource::kOpportunity, Action::kRead, {A, T, O, N}},
    {Resource::kOpportunity, Action::kCreate, {A, T, O, N}},
    {Resource::kOpportunity, Action::kUpdate, {A, T, O, N}},
    {Resource::kOpportunity, Action::kDelete, {A, T, N, N}},
    {Resource::kContent, Action::kRead, {A, A, A, A}},
    {Resource::kContent, Action::kCreate, {A, N, N, A}},
    {Resource::kContent, Action::kUpdate, {A, N, N, A}},
    {Resource::kContent, Action::kDelete, {A, N, N, A}},
    {Resource::kIngest, Action::kCreate, {A, N, N, N}},
    {Resource::kIngest, Action::kRead, {A, N, N, N}},  // the state of an import job
    {Resource::kExport, Action::kRead, {A, T, O, N}},
    {Resource::kReadiness, Action::kRead, {A, T, O, N}},
    {Resource::kForecast, Action::kRead, {A, T, O, N}},
    {Resource::kForecast, Action::kUpdate, {A, T, O, N}},
    {Resource::kAnalytics, Action::kRead, {A, A, A, G}},
    {Resource::kAudit, Action::kRead, {A, N, N, N}},
    {Resource::kUser, Action::kRead, {A, T, O, O}},
    {Resource::kUser, Action::kCreate, {A, N, N, N}},
    {Resource::kUser, Action::kUpdate, {A, N, N, N}},
    {Resource::kUser, Action::kDelete, {A, N, N, N}},
    {Resource::kToken, Action::kRead, {A, O, O, O}},
    {Resource::kToken, Action::kCreate, {A, O, O, O}},
    {Resource::kToken, Action::kDelete, {A, O, O, O}},
};

}  // namespace

Scope Allowed(domain::UserRole role, Resource resource, Action action) {
  for (const auto& row : kPolicy) {
    if (row.resource == resource && row.action == action) {
      return row.by_role[static_cast<size_t>(role)];
    }
  }
  return Scope::kNone;  // no entry: deny, and the route-coverage test flags the route
}

bool HasPolicyEntry(Resource resource, Action action) {
  for (const auto& row : kPolicy) {
    if (row.resource == resource && row.action == action) return true;
  }
  return false;
}

}  // namespace buyalign::auth
