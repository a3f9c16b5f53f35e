// `buyalign export --db FILE --out FILE.jsonl`: every record as JSON Lines. The file appears
// whole or not at all: it is written beside the target, synced, then renamed over it.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "interop/jsonl.hpp"
#include "storage/open_store.hpp"

namespace buyalign::cli {
namespace {

// Flushes the file's data to the disk, so the rename cannot land before the bytes do.
bool SyncFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

int WriteAtomically(storage::Store& store, const std::string& out_path) {
  // Same directory as the target: rename is atomic only within one file system.
  std::string temp = out_path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      std::cerr << "buyalign: " << out_path << ": cannot create the file\n";
      return kExitFailure;
    }
    auto written = interop::WriteJsonLines(store, out);
    out.close();
    if (!written || !out) {
      std::remove(temp.c_str());
      std::cerr << "buyalign: " << out_path << ": "
                << (written ? "could not write the file" : core::Describe(written.error())) << '\n';
      return kExitFailure;
    }
  }
  if (!SyncFile(temp) || std::rename(temp.c_str(), out_path.c_str()) != 0) {
    std::remove(temp.c_str());
    std::cerr << "buyalign: " << out_path << ": could not write the file\n";
    return kExitFailure;
  }
  return 0;
}

int RunExport(const std::string& db_path, const std::string& out_path) {
  // Exporting a database that is not there is a typo, not an empty export: do not create one.
  if (!std::filesystem::exists(db_path)) {
    std::cerr << "buyalign: " << db_path << ": no such database\n";
    return kExitBadInput;
  }
  auto store = storage::OpenStore(db_path);
  if (!store) {
    std::cerr << "buyalign: " << db_path << ": " << core::Describe(store.error()) << '\n';
    return kExitFailure;
  }
  if (out_path == "-") {
    auto written = interop::WriteJsonLines(**store, std::cout);
    if (!written) {
      std::cerr << "buyalign: " << core::Describe(written.error()) << '\n';
      return kExitFailure;
    }
    return 0;
  }
  return WriteAtomically(**store, out_path);
}

}  // namespace

void AddExportCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Write every record as JSON Lines");
  auto db = std::make_shared<std::string>("buyalign.db");
  auto out = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "The database file")->capture_default_str();
  cmd->add_option("--out", *out, "The JSON Lines file to write ('-' for stdout)");
  cmd->callback([cmd, db, out] {
    if (!cmd->get_subcommands().empty()) return;  // `export salesforce DIR` and the like
    if (out->empty()) {
      std::cerr << "buyalign: export: --out FILE.jsonl is required\n";
      ExitCode() = kExitBadInput;
      return;
    }
    ExitCode() = RunExport(*db, *out);
  });
}

}  // namespace buyalign::cli
