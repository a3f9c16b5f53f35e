// `buyalign demo --db FILE [--seed N] [--today YYYY-MM-DD] [--force]`: builds the deterministic
// demo data set and imports it in one transaction, then gives one user per role a known password
// and each manager their team, and prints the sign-ins. `--print-logins` only prints them.
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "auth/password.hpp"
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
  bool print_logins = false;
};

int Fail(const std::string& message, int code) {
  std::cerr << "buyalign: " << message << '\n';
  return code;
}

// One sign-in per role. The passwords are public (they are printed and in the README): the demo
// database is for trying the product on one's own machine, never for real data.
struct DemoLogin {
  const char* user_id;
  const char* email;
  const char* role;
  const char* password;
  const char* note;
};
constexpr DemoLogin kDemoLogins[] = {
    {"u-ann", "ann.peeters@buyalign.example", "rep", "demo-rep-2026", "owns the logistics story"},
    {"u-marc", "marc.claes@buyalign.example", "manager", "demo-manager-2026", "manages Benelux"},
    {"u-bart", "bart.willems@buyalign.example", "admin", "demo-admin-2026", "sees everything"},
    {"u-nina", "nina.vermeulen@buyalign.example", "marketing", "demo-marketing-2026",
     "content and aggregated analytics"},
};

void PrintLogins() {
  std::printf("sign in with one of (login: the email or the user id):\n");
  for (const DemoLogin& login : kDemoLogins) {
    std::printf("  %-10s %-34s password %-20s (%s)\n", login.role, login.email, login.password,
                login.note);
  }
}

// The identity half the batch cannot carry: passwords and team managers (every demo manager
// manages their own team).
int AddIdentities(storage::Store& store, const storage::RecordBatch& batch, const DemoArgs& args) {
  const storage::Actor actor{"", "cli"};
  for (const auto& user : batch.users) {
    if (user.record.role != domain::UserRole::kManager || user.record.team.empty()) continue;
    if (auto added = store.AddTeamManager(user.record.id, user.record.team, actor); !added) {
      return Fail(args.db + ": " + core::Describe(added.error()), kExitFailure);
    }
  }
  for (const DemoLogin& login : kDemoLogins) {
    auto hash = auth::HashPassword(login.password);
    if (!hash) return Fail(core::Describe(hash.error()), kExitFailure);
    if (auto set = store.SetPassword(login.user_id, *hash, actor); !set) {
      return Fail(args.db + ": " + core::Describe(set.error()), kExitFailure);
    }
  }
  return 0;
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
  if (args.print_logins) {
    PrintLogins();
    return 0;
  }
  if (args.db.empty()) return Fail("--db is required", kExitBadInput);
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
  if (int failed = AddIdentities(**store, batch, args); failed != 0) return failed;
  PrintSummary(*summary, args, today);
  PrintLogins();
  return 0;
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand("demo", "Build the demo data set into a database");
  cmd->add_option("--db", args->db, "Database file (created when absent)");
  cmd->add_option("--seed", args->seed, "Seed of the simulated deals (default 42)");
  cmd->add_option("--today", args->today,
                  "The demo's today, YYYY-MM-DD: records fall in the year before it "
                  "(default: the current date, UTC)");
  cmd->add_flag("--force", args->force, "Import even if the database already holds opportunities");
  cmd->add_flag("--print-logins", args->print_logins,
                "Only print the demo's sign-ins (one user per role) and exit");
  cmd->callback([args] { ExitCode() = RunDemo(*args); });
}

}  // namespace buyalign::cli
