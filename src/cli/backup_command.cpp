// `buyalign backup` and `buyalign restore`: a consistent copy of a live database, and putting one
// back. Backup is safe while `buyalign serve` runs on the same file; restore is not (stop first).
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "storage/open_store.hpp"
#include "storage/sqlite/sqlite_backup.hpp"

namespace buyalign::cli {
namespace {

int Report(const std::string& what, const core::Error& error) {
  std::cerr << "buyalign: " << what << ": " << core::Describe(error) << '\n';
  return error.code == core::ErrorCode::kInvalidArgument ? kExitBadInput : kExitFailure;
}

int RunBackup(const std::string& db, const std::string& out) {
  if (!std::filesystem::exists(db)) {
    std::cerr << "buyalign: " << db << ": no such database\n";
    return kExitBadInput;
  }
  auto store = storage::OpenStore(db);
  if (!store) return Report(db, store.error());
  if (auto done = (*store)->Backup(out); !done) return Report(out, done.error());
  std::cout << "backup of " << db << " written to " << out << '\n';
  return 0;
}

int RunRestore(const std::string& from, const std::string& db) {
  if (auto done = storage::sqlite::RestoreSqlite(from, db); !done) {
    return Report(from, done.error());
  }
  std::cout << db << " restored from " << from << '\n';
  return 0;
}

}  // namespace

void AddBackupCommands(CLI::App& app) {
  auto* backup = app.add_subcommand(
      "backup", "Write a consistent copy of the database (safe while the server runs)");
  auto db = std::make_shared<std::string>("buyalign.db");
  auto out = std::make_shared<std::string>();
  backup->add_option("--db", *db, "The database file")->capture_default_str();
  backup->add_option("--out", *out, "The backup file to write")->required();
  backup->callback([db, out] { ExitCode() = RunBackup(*db, *out); });

  auto* restore =
      app.add_subcommand("restore", "Replace the database with a backup (stop the server first)");
  auto from = std::make_shared<std::string>();
  auto target = std::make_shared<std::string>("buyalign.db");
  restore->add_option("--from", *from, "The backup file")->required();
  restore->add_option("--db", *target, "The database file to replace")->capture_default_str();
  restore->callback([from, target] { ExitCode() = RunRestore(*from, *target); });
}

}  // namespace buyalign::cli
