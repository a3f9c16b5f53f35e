// `buyalign demo --db FILE [--seed N] [--today YYYY-MM-DD] [--force]`: builds the deterministic
// demo data set and imports it in one transaction.
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "core/time.hpp"
#include "demo/demo.hpp"
#include "demo/stories.hpp"
#include "storage/open_store.hpp"

namespace buyalign::cli {
namespace {

struct DemoArgs {
  std::string db;
  uint64_t seed = 42;
  std::string today;  // empty: the current UTC date
  bool force = false;
};

int Fail(const std::string& message, int code) {
  std::cerr << "buyalign: " << message << '\n';
  return code;
}

void PrintSummary(const storage::ImportSummary& summary, const DemoArgs& args, core::Date today) {
  std::printf("demo data set (seed %llu, today %s) stored in %s\n",
              static_cast<unsigned long long>(args.seed), core::FormatDate(today).c_str(),
              args.db.c_str());
  std::printf("  %-14s %8s %8s %10s\n", "type", "created", "updated", "unchanged");
  for (const auto& [type, count] : summary.counts) {
    std::printf("  %-14s %8lld %8lld %10lld\n", type.c_str(), static_cast<long long>(count.created),
                static_cast<long long>(count.updated), static_cast<long long>(count.unchanged));
  }
  std::printf("story opportunities:\n");
  for (const demo::StoryRef& story : demo::kStories) {
    std::printf("  %-28.*s %.*s\n", static_cast<int>(story.opportunity_id.size()),
                story.opportunity_id.data(), static_cast<int>(story.summary.size()),
                story.summary.data());
  }
}

int RunDemo(const DemoArgs& args) {
  core::Date today = std::chrono::floor<std::chrono::days>(core::Now());
  if (!args.today.empty()) {
    auto parsed = core::ParseDate(args.today);
    if (!parsed) return Fail("--today: " + core::Describe(parsed.error()), kExitBadInput);
    today = *parsed;
  }
  auto store = storage::OpenStore(args.db);
  if (!store) return Fail(args.db + ": " + core::Describe(store.error()), kExitFailure);

  // The demo's ids could collide with real records; only an explicit --force mixes them.
  auto existing = (*store)->ListOpportunities({}, {.cursor = "", .limit = 1});
  if (!existing) return Fail(args.db + ": " + core::Describe(existing.error()), kExitFailure);
  if (!existing->items.empty() && !args.force) {
    return Fail(args.db +
                    " already holds opportunities; refusing to add the demo data set "
                    "(use --force to add or refresh it anyway)",
                kExitBadInput);
  }

  const storage::RecordBatch batch = demo::BuildDemo({.seed = args.seed, .today = today});
  auto summary = (*store)->Import(batch);
  if (!summary) return Fail(args.db + ": " + core::Describe(summary.error()), kExitFailure);
  PrintSummary(*summary, args, today);
  return 0;
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand("demo", "Build the demo data set into a database");
  cmd->add_option("--db", args->db, "Database file (created when absent)")->required();
  cmd->add_option("--seed", args->seed, "Seed of the simulated deals (default 42)");
  cmd->add_option("--today", args->today,
                  "The demo's today, YYYY-MM-DD: records fall in the year before it "
                  "(default: the current date, UTC)");
  cmd->add_flag("--force", args->force, "Import even if the database already holds opportunities");
  cmd->callback([args] { ExitCode() = RunDemo(*args); });
}

}  // namespace buyalign::cli
