#include "http/api_routes.hpp"

namespace buyalign::http {

Router BuildApiRouter(ApiContext& ctx) {
  Router router;
  AddReadinessRoutes(router, ctx);
  AddNextActionRoutes(router, ctx);
  AddAccountRoutes(router, ctx);
  AddContactRoutes(router, ctx);
  AddOpportunityRoutes(router, ctx);
  AddDmuRoutes(router, ctx);
  AddSignalRoutes(router, ctx);
  AddActivityRoutes(router, ctx);
  AddContentRoutes(router, ctx);
  AddInterchangeRoutes(router, ctx);
  AddImportRoutes(router, ctx);
  AddSystemRoutes(router, ctx);
  AddSessionRoutes(router, ctx);
  AddUserRoutes(router, ctx);
  AddTokenRoutes(router, ctx);
  AddShareRoutes(router, ctx);
  AddAuditRoutes(router, ctx);
  return router;
}

}  // namespace buyalign::http
