#pragma once

#include <CLI/CLI.hpp>

// Each subcommand lives in its own file and registers itself on the root command. A command
// reports failures on stderr as "buyalign: <what and where>" and exits with 2 for bad input
// (a file or argument it refuses) and 1 for anything else.
namespace buyalign::cli {

inline constexpr int kExitBadInput = 2;
inline constexpr int kExitFailure = 1;

// Set by a command's callback; main returns it.
int& ExitCode();

void AddIngestCommand(CLI::App& app);
void AddExportCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
// `backup --db FILE --out FILE` and `restore --from FILE --db FILE`.
void AddBackupCommands(CLI::App& app);
// `readiness --db FILE [--opportunity ID] [--as-of TIME]`: JSON Lines.
void AddReadinessCommand(CLI::App& app);
// `user add|list|disable|enable|reset-password`: who may sign in.
void AddUserCommands(CLI::App& app);
// `token create|list|revoke`: API tokens for integrations.
void AddTokenCommands(CLI::App& app);
// `next-actions --db FILE [--owner U] [--opportunity ID]` and `content coverage --db FILE`.
void AddNextActionsCommands(CLI::App& app);

}  // namespace buyalign::cli
