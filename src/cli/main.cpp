#include <iostream>

#include "cli/commands.hpp"

namespace buyalign::cli {

int& ExitCode() {
  static int code = 0;
  return code;
}

}  // namespace buyalign::cli

int main(int argc, char** argv) {
  using namespace buyalign::cli;
  CLI::App app{"Buyalign: buyer-aligned sales enablement", "buyalign"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "buyalign 0.1.0");
  AddIngestCommand(app);
  AddExportCommand(app);
  AddServeCommand(app);
  AddDemoCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }
  return ExitCode();
}
