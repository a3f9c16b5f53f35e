#pragma once

#include <CLI/CLI.hpp>

// The command-line entry points of the CRM connectors, for src/cli/main.cpp to register. Each
// command opens the database given with --db, runs one import or export, prints the summary on
// stdout (a table, or JSON with --json) and progress on stderr when it is a terminal. Failures are
// printed on stderr as "buyalign: <file>: line L, column C (Name): <what>" and set `exit_code`
// to 2 for bad input (a file, mapping or value refused) and 1 for anything else.
namespace buyalign::crm {

// `import salesforce DIR`, `import hubspot DIR`, `import csv PATH --mapping MAP.toml`, all with
// --db FILE.
void AddImportCommand(CLI::App& app, int& exit_code);

// `salesforce DIR --db FILE` under `parent` (the existing `export` command, so that the command
// line reads `buyalign export salesforce DIR --db FILE`).
void AddExportSalesforceCommand(CLI::App& parent, int& exit_code);

}  // namespace buyalign::crm
