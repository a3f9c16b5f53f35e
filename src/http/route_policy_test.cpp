#include <filesystem>
#include <memory>

#include <gtest/gtest.h>
#include <unistd.h>

#include "http/api_routes.hpp"
#include "storage/open_store.hpp"

namespace buyalign::http {
namespace {

// Every route is either public or names a (resource, action) the policy table has a row for:
// a route added without thinking about who may call it fails here.
TEST(RoutePolicy, EveryRouteIsPublicOrHasAPolicyEntry) {
  const auto db = std::filesystem::temp_directory_path() /
                  ("buyalign_route_policy_" + std::to_string(::getpid()) + ".db");
  auto store = storage::OpenStore(db.string());
  ASSERT_TRUE(store) << core::Describe(store.error());
  Metrics metrics;
  ApiContext ctx{**store, methodology::Methodology::Default(), metrics};
  const Router router = BuildApiRouter(ctx);
  ASSERT_FALSE(router.routes().empty());
  for (const Route& route : router.routes()) {
    if (route.access.is_public) continue;
    EXPECT_TRUE(auth::HasPolicyEntry(route.access.resource, route.access.action))
        << route.label << " has no row in the policy table";
  }
  store->reset();
  std::filesystem::remove(db);
}

// Only what must be reachable before signing in is public.
TEST(RoutePolicy, OnlyHealthMetricsAndTheDocumentArePublic) {
  const auto db = std::filesystem::temp_directory_path() /
                  ("buyalign_route_public_" + std::to_string(::getpid()) + ".db");
  auto store = storage::OpenStore(db.string());
  ASSERT_TRUE(store) << core::Describe(store.error());
  Metrics metrics;
  ApiContext ctx{**store, methodology::Methodology::Default(), metrics};
  const Router router = BuildApiRouter(ctx);
  for (const Route& route : router.routes()) {
    if (!route.access.is_public) continue;
    EXPECT_TRUE(route.pattern == "/healthz" || route.pattern == "/metrics" ||
                route.pattern == "/api/v1/openapi.json" || route.pattern == "/api/v1/session")
        << route.label << " is public";
  }
  store->reset();
  std::filesystem::remove(db);
}

}  // namespace
}  // namespace buyalign::http
