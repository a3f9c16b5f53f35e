// A stand-alone `model` command for scripts (bench/sklearn_compare.py) while the main `buyalign`
// binary does not register it yet; same arguments, same output, same exit codes.
#include <CLI/CLI.hpp>

#include "forecast/model_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Buyalign win-model builder", "buyalign"};
  app.require_subcommand(1);
  buyalign::forecast::AddModelCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}
