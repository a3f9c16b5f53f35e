// `buyalign readiness`: the readiness of one opportunity, or of every open one, as JSON Lines.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/service_command_support.hpp"
#include "http/readiness_json.hpp"
#include "service/readiness_service.hpp"

namespace buyalign::cli {
namespace {

int RunReadiness(const std::string& db, const std::string& opportunity, const std::string& as_of) {
  auto moment = ParseAsOf(as_of);
  if (!moment) return ReportError("--as-of", moment.error());
  auto store = OpenExistingStore(db);
  if (!store) return ReportError(db, store.error());
  service::ReadinessService readiness(**store);
  std::vector<std::string> ids{opportunity};
  if (opportunity.empty()) {
    storage::OpportunityFilter filter;
    filter.status = domain::OpportunityStatus::kOpen;
    auto all = readiness.OpportunityIds(filter);
    if (!all) return ReportError(db, all.error());
    ids = std::move(*all);
  }
  for (const std::string& id : ids) {
    auto r = readiness.Readiness(id, *moment);
    if (!r) return ReportError(id, r.error());
    std::cout << http::ReadinessJson(*r) << '\n';
  }
  return 0;
}

}  // namespace

void AddReadinessCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "readiness", "Print the readiness of one or every open opportunity as JSON Lines");
  auto db = std::make_shared<std::string>("buyalign.db");
  auto opportunity = std::make_shared<std::string>();
  auto as_of = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "The database file")->capture_default_str();
  cmd->add_option("--opportunity", *opportunity, "One opportunity id (default: every open one)");
  cmd->add_option("--as-of", *as_of, "The moment to evaluate, ISO 8601 (default: now)");
  cmd->callback([=] { ExitCode() = RunReadiness(*db, *opportunity, *as_of); });
}

}  // namespace buyalign::cli
