// `buyalign user add|list|disable|enable|reset-password`: who may sign in, from the command line
// (the first admin of a new database is made here). Passwords come from stdin or are generated
// and printed once; they are never accepted as an argument, which would leave them in the shell
// history and the process list.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/password.hpp"
#include "cli/commands.hpp"
#include "cli/service_command_support.hpp"
#include "core/enum_names.hpp"
#include "storage/open_store.hpp"

namespace buyalign::cli {
namespace {

const storage::Actor kCliActor{"", "cli"};

struct PasswordSource {
  bool from_stdin = false;
  bool none = false;  // an account for API tokens only
};

struct AddArgs {
  std::string db;
  domain::User user;
  std::string role;
  std::vector<std::string> manages;
  PasswordSource password;
};

// The password to set, and whether it was generated (and so must be shown). Reads one line from
// stdin when asked to.
core::Result<std::pair<std::string, bool>> ChoosePassword(const PasswordSource& source) {
  if (!source.from_stdin) return std::pair<std::string, bool>{auth::GeneratePassword(), true};
  std::string line;
  if (!std::getline(std::cin, line)) {
    return core::Fail(core::Error::Invalid("no password on standard input", "password"));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return std::pair<std::string, bool>{std::move(line), false};
}

// Hashes and stores a new password for `user_id`; prints it when it was generated.
int SetNewPassword(storage::Store& store, const std::string& user_id,
                   const PasswordSource& source) {
  auto password = ChoosePassword(source);
  if (!password) return ReportError("password", password.error());
  auto hash = auth::HashPassword(password->first);
  if (!hash) return ReportError("password", hash.error());
  if (auto set = store.SetPassword(user_id, *hash, kCliActor); !set) {
    return ReportError(user_id, set.error());
  }
  if (password->second) std::cout << "password (shown once): " << password->first << '\n';
  return 0;
}

int RunAdd(AddArgs& args) {
  auto role = core::ParseEnum<domain::UserRole>(domain::kUserRoleNames, args.role);
  if (!role) {
    return ReportError("--role",
                       core::Error::Invalid("must be " + core::JoinNames(domain::kUserRoleNames)));
  }
  args.user.role = *role;
  if (!args.manages.empty() && *role != domain::UserRole::kManager) {
    return ReportError("--manages", core::Error::Invalid("only a manager manages teams"));
  }
  // Check the password before anything is stored, so a short one leaves no user behind.
  std::optional<std::pair<std::string, bool>> password;
  std::string hash;
  if (!args.password.none) {
    auto chosen = ChoosePassword(args.password);
    if (!chosen) return ReportError("password", chosen.error());
    auto hashed = auth::HashPassword(chosen->first);
    if (!hashed) return ReportError("password", hashed.error());
    password = std::move(*chosen);
    hash = std::move(*hashed);
  }
  auto store = storage::OpenStore(args.db);
  if (!store) return ReportError(args.db, store.error());
  auto created = (*store)->CreateUser(args.user, kCliActor);
  if (!created) return ReportError("user " + args.user.id, created.error());
  if (!hash.empty()) {
    if (auto set = (*store)->SetPassword(args.user.id, hash, kCliActor); !set) {
      return ReportError(args.user.id, set.error());
    }
  }
  for (const std::string& team : args.manages) {
    if (auto added = (*store)->AddTeamManager(args.user.id, team, kCliActor); !added) {
      return ReportError("--manages " + team, added.error());
    }
  }
  std::cout << "user " << args.user.id << " ("
            << core::EnumName(domain::kUserRoleNames, args.user.role) << ") added\n";
  if (password && password->second) {
    std::cout << "password (shown once): " << password->first << '\n';
  }
  return 0;
}

int RunList(const std::string& db) {
  auto store = OpenExistingStore(db);
  if (!store) return ReportError(db, store.error());
  storage::PageRequest page{.cursor = "", .limit = 1000};
  std::printf("%-16s %-10s %-10s %-40s %-9s %s\n", "id", "role", "team", "email", "status",
              "manages");
  do {
    auto users = (*store)->ListUsers(page);
    if (!users) return ReportError(db, users.error());
    for (const domain::User& user : users->items) {
      auto teams = (*store)->ListManagedTeams(user.id);
      if (!teams) return ReportError(user.id, teams.error());
      std::string manages;
      for (const std::string& team : *teams) manages += (manages.empty() ? "" : ",") + team;
      std::printf("%-16s %-10s %-10s %-40s %-9s %s\n", user.id.c_str(),
                  std::string(core::EnumName(domain::kUserRoleNames, user.role)).c_str(),
                  user.team.c_str(), user.email.c_str(), user.disabled ? "disabled" : "active",
                  manages.c_str());
    }
    page.cursor = users->next_cursor;
  } while (!page.cursor.empty());
  return 0;
}

int RunSetDisabled(const std::string& db, const std::string& id, bool disabled) {
  auto store = OpenExistingStore(db);
  if (!store) return ReportError(db, store.error());
  if (auto done = (*store)->SetUserDisabled(id, disabled, kCliActor); !done) {
    return ReportError("user " + id, done.error());
  }
  std::cout << "user " << id
            << (disabled ? " disabled (sessions ended, tokens stopped)\n" : " enabled\n");
  return 0;
}

int RunResetPassword(const std::string& db, const std::string& id, const PasswordSource& source) {
  auto store = OpenExistingStore(db);
  if (!store) return ReportError(db, store.error());
  if (auto user = (*store)->GetUser(id); !user) return ReportError("user " + id, user.error());
  return SetNewPassword(**store, id, source);
}

void AddDisableCommand(CLI::App& user, const char* name, bool disabled, const char* help) {
  auto db = std::make_shared<std::string>();
  auto id = std::make_shared<std::string>();
  auto* cmd = user.add_subcommand(name, help);
  cmd->add_option("id", *id, "The user's id")->required();
  cmd->add_option("--db", *db, "Database file or PostgreSQL URL")->required();
  cmd->callback([db, id, disabled] { ExitCode() = RunSetDisabled(*db, *id, disabled); });
}

}  // namespace

void AddUserCommands(CLI::App& app) {
  auto* user = app.add_subcommand("user", "Manage the people who may sign in");
  user->require_subcommand(1);

  auto add = std::make_shared<AddArgs>();
  auto* add_cmd = user->add_subcommand("add", "Add a user (prints a generated password once)");
  add_cmd->add_option("--db", add->db, "Database file (created when absent) or PostgreSQL URL")
      ->required();
  add_cmd->add_option("--id", add->user.id, "The user's id, as CRM records name owners")
      ->required();
  add_cmd->add_option("--name", add->user.name, "Full name")->required();
  add_cmd->add_option("--email", add->user.email, "Email address (also a login)");
  add_cmd->add_option("--role", add->role, "admin, manager, rep or marketing")->required();
  add_cmd->add_option("--team", add->user.team, "The team the user belongs to");
  add_cmd->add_option("--manages", add->manages, "A team a manager manages (repeatable)");
  add_cmd->add_flag("--password-stdin", add->password.from_stdin,
                    "Read the password from the first line of standard input");
  add_cmd->add_flag("--no-password", add->password.none,
                    "No password: the user signs in with API tokens only (integrations)");
  add_cmd->callback([add] { ExitCode() = RunAdd(*add); });

  auto list_db = std::make_shared<std::string>();
  auto* list_cmd = user->add_subcommand("list", "List users, their roles and managed teams");
  list_cmd->add_option("--db", *list_db, "Database file or PostgreSQL URL")->required();
  list_cmd->callback([list_db] { ExitCode() = RunList(*list_db); });

  AddDisableCommand(*user, "disable", true, "Stop a user signing in (ends their sessions)");
  AddDisableCommand(*user, "enable", false, "Let a disabled user sign in again");

  auto reset_db = std::make_shared<std::string>();
  auto reset_id = std::make_shared<std::string>();
  auto reset_source = std::make_shared<PasswordSource>();
  auto* reset_cmd =
      user->add_subcommand("reset-password", "Set a new password (prints a generated one once)");
  reset_cmd->add_option("id", *reset_id, "The user's id")->required();
  reset_cmd->add_option("--db", *reset_db, "Database file or PostgreSQL URL")->required();
  reset_cmd->add_flag("--password-stdin", reset_source->from_stdin,
                      "Read the password from the first line of standard input");
  reset_cmd->callback([reset_db, reset_id, reset_source] {
    ExitCode() = RunResetPassword(*reset_db, *reset_id, *reset_source);
  });
}

}  // namespace buyalign::cli
