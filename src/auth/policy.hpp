#pragma once

#include <array>
#include <string_view>

#include "domain/enums.hpp"

// The one authorisation policy: role x resource x action -> how far the permission reaches.
// Every route names its (resource, action); a route without an entry is a test failure, and the
// row-level part (which opportunities a scope covers) is applied by the store queries and handlers
// through `Scope`. Pure data; safe to use from any thread.
namespace buyalign::auth {

enum class Resource {
  kAccount,
  kContact,
  kOpportunity,  // and what belongs to one: DMU, signals, activities, shares, outcome
  kContent,      // the content library
  kIngest,       // bulk imports (JSON Lines, CRM files)
  kExport,       // bulk exports
  kReadiness,    // per-opportunity readiness, frictions, next actions, win probability
  kForecast,     // revenue forecasts and backtests over many opportunities
  kAnalytics,    // aggregated statistics (content coverage and influence)
  kAudit,
  kUser,   // users and the teams they manage
  kToken,  // API tokens: everyone manages their own (kOwn), an admin everyone's
};
inline constexpr std::array<std::string_view, 12> kResourceNames{
    "account",   "contact",  "opportunity", "content", "ingest", "export",
    "readiness", "forecast", "analytics",   "audit",   "user",   "token"};

enum class Action { kRead, kCreate, kUpdate, kDelete };
inline constexpr std::array<std::string_view, 4> kActionNames{"read", "create", "update", "delete"};

// How far a permission reaches, from nothing to everything.
enum class Scope {
  kNone,       // forbidden
  kAggregate,  // only aggregated figures, no deal details
  kOwn,        // opportunities the user owns or that are shared with them
  kTeam,       // opportunities owned by members of the teams the user manages, and their own
  kAll,        // everything
};
inline constexpr std::array<std::string_view, 5> kScopeNames{"none", "aggregate", "own", "team",
                                                             "all"};

// The scope `role` has for `action` on `resource`.
Scope Allowed(domain::UserRole role, Resource resource, Action action);

// True when the table has a row for (resource, action); the router's test checks every route.
bool HasPolicyEntry(Resource resource, Action action);

}  // namespace buyalign::auth
