// `buyalign ingest FILE.jsonl --db FILE`: reads a JSON Lines file whole, then imports it in one
// transaction, so a bad line leaves the database as it was.
#include <unistd.h>

#include <chrono>
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

// Above this size a terminal gets a live bar; below it the job is over before a bar would help.
constexpr size_t kBarThresholdBytes = 4 * 1024 * 1024;

// Shows how far one phase ("reading", "storing") is on stderr. As a bar redrawn in place when
// stderr is a terminal and the input is big; otherwise as a few plain lines (start, each quarter
// of a big input, end) that read well in a log. Not thread-safe; one per phase.
class PhaseProgress {
 public:
  PhaseProgress(std::string phase, bool big_input)
      : phase_(std::move(phase)),
        big_(big_input),
        bar_(big_input && ::isatty(STDERR_FILENO)),
        start_(Clock::now()) {
    if (!bar_) std::cerr << "buyalign: " << phase_ << "...\n";
  }

  void Update(size_t done, size_t total) {
    if (total == 0) return;
    int percent = static_cast<int>(done * 100 / total);
    if (bar_) {
      auto now = Clock::now();
      // Redrawing costs a write to the terminal: ten times a second is smooth enough.
      if (percent == last_percent_ || now - last_draw_ < std::chrono::milliseconds(100)) return;
      last_draw_ = now;
      last_percent_ = percent;
      Draw(percent);
    } else if (big_ && percent / 25 > last_percent_ / 25 && percent < 100) {
      last_percent_ = percent;
      std::cerr << "buyalign: " << phase_ << ": " << percent << "%\n";
    }
  }

  // Ends the phase with what was done ("12000 records").
  void Finish(const std::string& what) {
    double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (bar_) {
      Draw(100);
      std::cerr << '\n';
    }
    char line[128];
    std::snprintf(line, sizeof line, "buyalign: %s: %s in %.2f s\n", phase_.c_str(), what.c_str(),
                  seconds);
    std::cerr << line;
  }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr int kWidth = 40;

  void Draw(int percent) const {
    int filled = percent * kWidth / 100;
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kWidth - filled), '-');
    std::fprintf(stderr, "\r%-8s [%s] %3d%%", phase_.c_str(), bar.c_str(), percent);
    std::fflush(stderr);
  }

  std::string phase_;
  bool big_;
  bool bar_;
  Clock::time_point start_;
  Clock::time_point last_draw_{};
  int last_percent_ = -1;
};

void PrintSummary(const storage::ImportSummary& summary) {
  std::printf("%-14s %10s %10s %10s\n", "type", "created", "updated", "unchanged");
  storage::ImportCount total;
  for (const auto& [type, count] : summary.counts) {
    std::printf("%-14s %10lld %10lld %10lld\n", type.c_str(), static_cast<long long>(count.created),
                static_cast<long long>(count.updated), static_cast<long long>(count.unchanged));
    total.created += count.created;
    total.updated += count.updated;
    total.unchanged += count.unchanged;
  }
  std::printf("%-14s %10lld %10lld %10lld\n", "total", static_cast<long long>(total.created),
              static_cast<long long>(total.updated), static_cast<long long>(total.unchanged));
}

// Refused input (a bad line, an unknown reference) is the user's to fix: exit 2. Anything else
// (I/O, a busy database) is ours: exit 1.
int ExitCodeFor(const core::Error& error) {
  switch (error.code) {
    case core::ErrorCode::kInvalidArgument:
    case core::ErrorCode::kUnknownReference:
    case core::ErrorCode::kPayloadTooLarge:
    case core::ErrorCode::kConflict:
      return kExitBadInput;
    default:
      return kExitFailure;
  }
}

int Report(const std::string& where, const core::Error& error) {
  std::cerr << "buyalign: " << where << ": " << core::Describe(error) << '\n';
  return ExitCodeFor(error);
}

int RunIngest(const std::string& path, const std::string& db_path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  size_t total_bytes = 0;
  if (path != "-") {
    std::error_code ec;
    total_bytes = static_cast<size_t>(std::filesystem::file_size(path, ec));
    file.open(path, std::ios::binary);
    if (ec || !file) {
      std::cerr << "buyalign: " << path << ": cannot open the file\n";
      return kExitBadInput;
    }
    in = &file;
  }
  bool big = total_bytes > kBarThresholdBytes;

  PhaseProgress reading("reading", big);
  auto batch = interop::ReadJsonLines(
      *in, methodology::Methodology::Default(), {},
      [&](size_t done, size_t total) { reading.Update(done, total); }, total_bytes);
  if (!batch) return Report(path, batch.error());
  reading.Finish(std::to_string(batch->size()) + " records");

  // Opened only now: a file refused above must not even create the database.
  auto store = storage::OpenStore(db_path);
  if (!store) return Report(db_path, store.error());

  PhaseProgress storing("storing", big);
  auto summary =
      (*store)->Import(*batch, [&](size_t done, size_t total) { storing.Update(done, total); });
  if (!summary) return Report(path, summary.error());
  storing.Finish(std::to_string(batch->size()) + " records");

  PrintSummary(*summary);
  return 0;
}

}  // namespace

void AddIngestCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("ingest", "Import a JSON Lines file (one transaction)");
  auto path = std::make_shared<std::string>();
  auto db = std::make_shared<std::string>("buyalign.db");
  cmd->add_option("file", *path, "The JSON Lines file to import ('-' for stdin)")->required();
  cmd->add_option("--db", *db, "The database file")->capture_default_str();
  cmd->callback([path, db] { ExitCode() = RunIngest(*path, *db); });
}

}  // namespace buyalign::cli
