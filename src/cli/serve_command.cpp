#include <iostream>

#include "cli/commands.hpp"

namespace buyalign::cli {

// Placeholder until the owning module lands; replaced by the real command.
void AddServeCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "(not built yet)");
  cmd->callback([] {
    std::cerr << "buyalign: serve is not built yet\n";
    ExitCode() = kExitFailure;
  });
}

}  // namespace buyalign::cli
