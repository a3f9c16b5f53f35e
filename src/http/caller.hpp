#pragma once

#include <string>

#include "auth/policy.hpp"
#include "domain/enums.hpp"
#include "storage/audit.hpp"
#include "storage/visibility.hpp"

namespace buyalign::http {

// Who makes a request, as the server established it before calling the handler: the signed-in
// user, their role and the scope the policy table grants that role for the matched route. A
// public route's caller has no user and scope kNone. Plain value, owned by the Request.
struct Caller {
  std::string user_id;  // external id; empty for the public
  domain::UserRole role = domain::UserRole::kRep;
  auth::Scope scope = auth::Scope::kNone;
  bool via_session = false;  // signed in with the browser's cookie (so CSRF applies)

  // The row-level view of opportunities this caller's scope gives. kAggregate and kNone see no
  // deal at all, so they map to kOwn with no user: the store then shows nothing (fail closed).
  storage::Viewer viewer() const {
    switch (scope) {
      case auth::Scope::kAll:
        return {user_id, storage::Visibility::kAll};
      case auth::Scope::kTeam:
        return {user_id, storage::Visibility::kTeam};
      case auth::Scope::kOwn:
        return {user_id, storage::Visibility::kOwn};
      case auth::Scope::kAggregate:
      case auth::Scope::kNone:
        return {"", storage::Visibility::kOwn};
    }
    return {"", storage::Visibility::kOwn};
  }

  // Who the audit log names for a write made through the API.
  storage::Actor actor() const { return {user_id, "api"}; }
};

}  // namespace buyalign::http
