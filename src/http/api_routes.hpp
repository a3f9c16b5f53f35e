#pragma once

#include "http/api_context.hpp"
#include "http/router.hpp"

// The API's routing table, one registration function per handler file. Every function keeps a
// reference to `ctx`, which must outlive the router.
namespace buyalign::http {

void AddAccountRoutes(Router& router, ApiContext& ctx);
void AddContactRoutes(Router& router, ApiContext& ctx);
void AddOpportunityRoutes(Router& router, ApiContext& ctx);
void AddDmuRoutes(Router& router, ApiContext& ctx);
void AddSignalRoutes(Router& router, ApiContext& ctx);
void AddActivityRoutes(Router& router, ApiContext& ctx);
void AddContentRoutes(Router& router, ApiContext& ctx);
// POST /api/v1/ingest and GET /api/v1/export.
void AddInterchangeRoutes(Router& router, ApiContext& ctx);
// POST /api/v1/imports (CRM files uploaded as a form) and GET /api/v1/imports/{id}.
void AddImportRoutes(Router& router, ApiContext& ctx);
// GET /healthz, /metrics and /api/v1/openapi.json.
void AddSystemRoutes(Router& router, ApiContext& ctx);
// POST, GET and DELETE /api/v1/session: signing in and out.
void AddSessionRoutes(Router& router, ApiContext& ctx);
// Users and the teams they manage (/api/v1/users...).
void AddUserRoutes(Router& router, ApiContext& ctx);
// API tokens (/api/v1/tokens...).
void AddTokenRoutes(Router& router, ApiContext& ctx);
// Opportunity shares (/api/v1/opportunities/{id}/shares...).
void AddShareRoutes(Router& router, ApiContext& ctx);
// GET /api/v1/audit.
void AddAuditRoutes(Router& router, ApiContext& ctx);

// GET readiness of one or many opportunities.
void AddReadinessRoutes(Router& router, ApiContext& ctx);
// Next actions, content coverage and influence, the showroom decision. Must come before
// AddContentRoutes, so /content/coverage is not taken for a content id.
void AddNextActionRoutes(Router& router, ApiContext& ctx);

// Every route of the server.
Router BuildApiRouter(ApiContext& ctx);

}  // namespace buyalign::http
