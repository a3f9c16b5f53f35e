// `buyalign token create|list|revoke`: API tokens for integrations. A new token is printed once,
// alone on stdout (so a script can capture it); only its hash is stored.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "auth/token.hpp"
#include "cli/commands.hpp"
#include "cli/service_command_support.hpp"

namespace buyalign::cli {
namespace {

const storage::Actor kCliActor{"", "cli"};

int RunCreate(const std::string& db, const std::string& user, const std::string& name) {
  auto store = OpenExistingStore(db);
  if (!store) return ReportError(db, store.error());
  const std::string token = auth::NewToken(auth::kApiTokenPrefix);
  auto id = (*store)->CreateApiToken(auth::HashToken(token), user, name, kCliActor);
  if (!id) return ReportError("user " + user, id.error());
  std::cout << token << '\n';
  std::cerr << "buyalign: token " << *id << " (\"" << name << "\") for " << user
            << " created; it is shown only now: send it as 'Authorization: Bearer <token>'\n";
  return 0;
}

int RunList(const std::string& db, const std::string& user) {
  auto store = OpenExistingStore(db);
  if (!store) return ReportError(db, store.error());
  auto tokens = (*store)->ListApiTokens(user);
  if (!tokens) return ReportError("user " + user, tokens.error());
  std::printf("%-6s %-24s %-22s %s\n", "id", "name", "created", "revoked");
  for (const storage::ApiTokenInfo& token : *tokens) {
    std::printf("%-6lld %-24s %-22s %s\n", static_cast<long long>(token.id), token.name.c_str(),
                core::FormatTimestamp(token.created_at).c_str(),
                token.revoked_at ? core::FormatTimestamp(*token.revoked_at).c_str() : "-");
  }
  return 0;
}

int RunRevoke(const std::string& db, int64_t id) {
  auto store = OpenExistingStore(db);
  if (!store) return ReportError(db, store.error());
  if (auto revoked = (*store)->RevokeApiToken(id, kCliActor); !revoked) {
    return ReportError("token " + std::to_string(id), revoked.error());
  }
  std::cout << "token " << id << " revoked\n";
  return 0;
}

}  // namespace

void AddTokenCommands(CLI::App& app) {
  auto* token = app.add_subcommand("token", "Manage API tokens for integrations");
  token->require_subcommand(1);

  struct CreateArgs {
    std::string db, user, name = "api";
  };
  auto create = std::make_shared<CreateArgs>();
  auto* create_cmd = token->add_subcommand("create", "Create a token (printed once on stdout)");
  create_cmd->add_option("--db", create->db, "Database file or PostgreSQL URL")->required();
  create_cmd->add_option("--user", create->user, "The user the token acts as")->required();
  create_cmd->add_option("--name", create->name, "What the token is for")->capture_default_str();
  create_cmd->callback(
      [create] { ExitCode() = RunCreate(create->db, create->user, create->name); });

  auto list_db = std::make_shared<std::string>();
  auto list_user = std::make_shared<std::string>();
  auto* list_cmd = token->add_subcommand("list", "List a user's tokens (never the tokens)");
  list_cmd->add_option("--db", *list_db, "Database file or PostgreSQL URL")->required();
  list_cmd->add_option("--user", *list_user, "Whose tokens")->required();
  list_cmd->callback([list_db, list_user] { ExitCode() = RunList(*list_db, *list_user); });

  auto revoke_db = std::make_shared<std::string>();
  auto revoke_id = std::make_shared<int64_t>(0);
  auto* revoke_cmd = token->add_subcommand("revoke", "Revoke a token by its id");
  revoke_cmd->add_option("id", *revoke_id, "The token's id (from create or list)")->required();
  revoke_cmd->add_option("--db", *revoke_db, "Database file or PostgreSQL URL")->required();
  revoke_cmd->callback([revoke_db, revoke_id] { ExitCode() = RunRevoke(*revoke_db, *revoke_id); });
}

}  // namespace buyalign::cli
