#pragma once

#include <string>
#include <vector>

#include "actions/content_coverage.hpp"
#include "actions/content_influence.hpp"
#include "actions/next_action.hpp"
#include "actions/showroom_decision.hpp"
#include "engine/opportunity_readiness.hpp"
#include "interop/record_json.hpp"

// The JSON of the readiness and next-actions resources, shared by the API and the CLI. Field
// names follow the structs (and openapi.json); ids are external ids, times ISO 8601.
namespace buyalign::http {

void WriteReadiness(const engine::OpportunityReadiness& r, interop::JsonWriter& out);
void WriteNextAction(const actions::NextAction& a, interop::JsonWriter& out);

std::string ReadinessJson(const engine::OpportunityReadiness& r);
std::string NextActionJson(const actions::NextAction& a);
// {"items":[...]}
std::string ReadinessListJson(const std::vector<engine::OpportunityReadiness>& items);
std::string NextActionListJson(const std::vector<actions::NextAction>& items);
std::string CoverageJson(const actions::ContentCoverage& c);
std::string ShowroomJson(const actions::ShowroomDecision& d);
std::string InfluenceJson(const actions::ContentInfluence& i);

}  // namespace buyalign::http
