#include <iostream>

#include "cli/commands.hpp"

namespace buyalign::cli {

// Placeholder until the owning module lands; replaced by the real command.
void AddDemoCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("demo", "(not built yet)");
  cmd->callback([] {
    std::cerr << "buyalign: demo is not built yet\n";
    ExitCode() = kExitFailure;
  });
}

}  // namespace buyalign::cli
