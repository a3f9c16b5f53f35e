// `buyalign next-actions` (JSON Lines, one action a line) and `buyalign content coverage` (JSON).
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/service_command_support.hpp"
#include "http/readiness_json.hpp"
#include "service/next_actions_service.hpp"

namespace buyalign::cli {
namespace {

constexpr size_t kOwnerActionLimit = 50;

struct ActionsOptions {
  std::string db = "buyalign.db";
  std::string owner;
  std::string opportunity;
  std::string as_of;
};

int RunNextActions(const ActionsOptions& o) {
  auto moment = ParseAsOf(o.as_of);
  if (!moment) return ReportError("--as-of", moment.error());
  auto store = OpenExistingStore(o.db);
  if (!store) return ReportError(o.db, store.error());
  service::ReadinessService readiness(**store);
  service::NextActionsService actions(readiness);
  auto planned = o.opportunity.empty() ? actions.ForOwner(o.owner, kOwnerActionLimit, *moment)
                                       : actions.ForOpportunity(o.opportunity, *moment);
  if (!planned) return ReportError(o.opportunity.empty() ? o.db : o.opportunity, planned.error());
  for (const actions::NextAction& a : *planned) std::cout << http::NextActionJson(a) << '\n';
  return 0;
}

int RunCoverage(const std::string& db, const std::string& segment) {
  auto store = OpenExistingStore(db);
  if (!store) return ReportError(db, store.error());
  service::ReadinessService readiness(**store);
  service::NextActionsService actions(readiness);
  auto coverage = actions.Coverage(segment);
  if (!coverage) return ReportError(db, coverage.error());
  std::cout << http::CoverageJson(*coverage) << '\n';
  return 0;
}

}  // namespace

void AddNextActionsCommands(CLI::App& app) {
  auto* cmd = app.add_subcommand("next-actions", "Print recommended next actions as JSON Lines");
  auto o = std::make_shared<ActionsOptions>();
  cmd->add_option("--db", o->db, "The database file")->capture_default_str();
  cmd->add_option("--owner", o->owner, "Only this rep's open opportunities");
  cmd->add_option("--opportunity", o->opportunity, "Only this opportunity");
  cmd->add_option("--as-of", o->as_of, "The moment to plan at, ISO 8601 (default: now)");
  cmd->callback([o] { ExitCode() = RunNextActions(*o); });

  auto* content = app.add_subcommand("content", "Content library reports");
  content->require_subcommand(1);
  auto* coverage = content->add_subcommand("coverage", "Print the stage x persona coverage");
  auto db = std::make_shared<std::string>("buyalign.db");
  auto segment = std::make_shared<std::string>();
  coverage->add_option("--db", *db, "The database file")->capture_default_str();
  coverage->add_option("--segment", *segment, "Only content for this segment");
  coverage->callback([db, segment] { ExitCode() = RunCoverage(*db, *segment); });
}

}  // namespace buyalign::cli
