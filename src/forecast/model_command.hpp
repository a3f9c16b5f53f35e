#pragma once

#include <CLI/CLI.hpp>

namespace buyalign::forecast {

// Registers `model` with three subcommands on `app`:
//   model train    --csv FILE --target COL --positive VALUE [--id COL] [--drop COL ...]
//                  [--seed N] --out MODEL          (prints the training summary as JSON)
//   model predict  --model MODEL --csv FILE --out PRED.csv [--use gradient_boosting|logistic]
//   model evaluate --csv FILE --target COL --positive VALUE [--folds 5] [--seed N]
//                  [--test FILE] [--id COL] [--drop COL ...]   (prints metrics as JSON)
// Failures are printed on stderr as "buyalign: <what and where>" and end the parse with
// CLI::RuntimeError carrying exit code 2 for bad input (a file or argument refused) and 1 for
// anything else, the convention of src/cli/commands.hpp.
void AddModelCommand(CLI::App& app);

}  // namespace buyalign::forecast
