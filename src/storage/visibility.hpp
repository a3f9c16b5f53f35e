#pragma once

#include <string>

// Row-level security for opportunities and what belongs to them. Mirrors the deal-level part of
// auth::Scope without depending on auth: the HTTP layer maps kAll, kTeam and kOwn one to one and
// answers kNone and kAggregate itself.
namespace buyalign::storage {

enum class Visibility {
  kAll,   // every opportunity
  kTeam,  // kOwn, plus those owned by members of the teams the user manages (team_managers)
  kOwn,   // those the user owns or that are shared with them
};

// Whose view a list or scan shows. kAll (the default) does not restrict; under kTeam or kOwn an
// empty or unknown `user_id` sees no opportunity at all (fail closed).
struct Viewer {
  std::string user_id;
  Visibility visibility = Visibility::kAll;

  bool restricts() const { return visibility != Visibility::kAll; }
};

}  // namespace buyalign::storage
