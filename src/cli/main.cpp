#include <iostream>

#include "cli/commands.hpp"
#include "crm/crm_commands.hpp"
#include "forecast/model_command.hpp"

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
  AddDemoCommand(app);
  AddServeCommand(app);
  AddIngestCommand(app);
  AddExportCommand(app);
  buyalign::crm::AddImportCommand(app, ExitCode());
  buyalign::crm::AddExportSalesforceCommand(*app.get_subcommand("export"), ExitCode());
  AddBackupCommands(app);
  AddReadinessCommand(app);
  AddNextActionsCommands(app);
  AddUserCommands(app);
  AddTokenCommands(app);
  buyalign::forecast::AddModelCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a command's own failure, with its own code (1 or 2)
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, the version, or what is wrong with the arguments
    return code == 0 ? 0 : kExitBadInput;
  }
  return ExitCode();
}
