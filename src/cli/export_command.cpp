#include <iostream>

#include "cli/commands.hpp"

namespace buyalign::cli {

// Placeholder until the owning module lands; replaced by the real command.
void AddExportCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "(not built yet)");
  cmd->callback([] {
    std::cerr << "buyalign: export is not built yet\n";
    ExitCode() = kExitFailure;
  });
}

}  // namespace buyalign::cli
