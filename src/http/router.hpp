#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/policy.hpp"
#include "core/result.hpp"
#include "http/request.hpp"

namespace buyalign::http {

using Handler = std::function<Response(Request&)>;

// Who may call a route: the public (health, metrics, the OpenAPI document, signing in) or a
// signed-in caller whose role has a scope other than kNone for (resource, action) in the policy
// table. Every route states one; a route whose pair has no policy entry fails the policy test.
struct Access {
  bool is_public = false;
  auth::Resource resource = auth::Resource::kOpportunity;
  auth::Action action = auth::Action::kRead;

  static Access Public() { return {true}; }
  static Access To(auth::Resource resource, auth::Action action) {
    return {false, resource, action};
  }
};

// One entry of the routing table. `pattern` is a path whose segments are literals or
// "{name}" parameters ("/api/v1/accounts/{id}"); a parameter matches one non-empty segment.
struct Route {
  std::string method;
  std::string pattern;
  std::string operation_id;  // as in the OpenAPI document ("getAccount")
  Access access;
  Handler handler;
  std::string label;  // "GET /api/v1/accounts/{id}": the metrics key
  std::vector<std::string> segments;
};

// What matching a request found: the route, or for a path that exists under other methods the
// Allow list ("GET, PUT"), or neither (an unknown path).
struct RouteMatch {
  const Route* route = nullptr;
  std::string allow;
};

// A table of routes. Built once at start-up, then only read: Match is safe from any number of
// threads once Add calls have finished.
class Router {
 public:
  // Adds a route; a later route never shadows an earlier one with the same pattern and method.
  void Add(std::string method, std::string pattern, std::string operation_id, Access access,
           Handler handler);

  // Matches a raw (percent-encoded) path. On success the decoded path parameters are written to
  // `params`. Fails with kInvalidArgument when a matching parameter does not decode (bad escape
  // or invalid UTF-8).
  core::Result<RouteMatch> Match(std::string_view method, std::string_view path,
                                 std::vector<NameValue>* params) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Splits "/a/b/c" into {"a","b","c"}; a trailing slash adds nothing.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace buyalign::http
