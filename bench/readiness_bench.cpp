// Readiness engine benchmarks: incremental update rate, full recompute of 1M signals held in
// memory, the size of a member's state, and the cost of recomputing from a SQLite table relative to
// just scanning it. Each benchmark reports a ratio against a reference timed in the same run.
#include <sqlite3.h>
#include <unistd.h>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "engine/readiness_filter.hpp"
#include "methodology/methodology.hpp"

namespace {

using buyalign::engine::Evidence;
using buyalign::engine::MemberState;
using buyalign::engine::ReadinessFilter;
using buyalign::methodology::Methodology;

constexpr int kMembers = 10000;
constexpr int kSignalsPerMember = 100;  // 1,000,000 signals in all
constexpr int64_t kStart = 1767225600;

const ReadinessFilter& Filter() {
  static const ReadinessFilter kFilter(Methodology::Default());
  return kFilter;
}

// Evidence for kMembers members, each member's in time order, members one after another:
// realistic kinds (stage signals, assessments, content) a few days apart.
const std::vector<Evidence>& Signals() {
  static const std::vector<Evidence> kSignals = [] {
    const Methodology& m = Methodology::Default();
    std::mt19937_64 rng(42);
    std::vector<Evidence> out;
    out.reserve(static_cast<size_t>(kMembers) * kSignalsPerMember);
    const int kinds = static_cast<int>(m.signals().size());
    for (int member = 0; member < kMembers; ++member) {
      int64_t at = kStart;
      for (int i = 0; i < kSignalsPerMember; ++i) {
        at += static_cast<int64_t>(std::uniform_int_distribution<int>(0, 7 * 86400)(rng));
        Evidence e;
        e.at = at;
        e.kind = static_cast<int16_t>(std::uniform_int_distribution<int>(0, kinds - 1)(rng));
        const auto& def = m.signals()[static_cast<size_t>(e.kind)];
        e.source = static_cast<uint8_t>(def.source);
        if (def.model == buyalign::methodology::SignalModel::kAssessment) {
          e.stage = static_cast<int8_t>(std::uniform_int_distribution<int>(0, 11)(rng));
        }
        if (def.model == buyalign::methodology::SignalModel::kContent) {
          e.stage_tags = 1u << std::uniform_int_distribution<int>(0, 11)(rng);
        }
        out.push_back(e);
      }
    }
    return out;
  }();
  return kSignals;
}

// Reference: one bare 12x12 mat-vec per signal, the floor of what an update must cost.
double MatVecSeconds(size_t count) {
  std::vector<double> matrix(144);
  for (size_t i = 0; i < 144; ++i) matrix[i] = 1.0 / (1 + static_cast<double>(i % 13));
  double p[12] = {1};
  const auto start = std::chrono::steady_clock::now();
  for (size_t k = 0; k < count; ++k) {
    double out[12];
    for (size_t j = 0; j < 12; ++j) {
      double v = 0;
      for (size_t i = 0; i < 12; ++i) v += matrix[j * 12 + i] * p[i];
      out[j] = v;
    }
    for (size_t j = 0; j < 12; ++j) p[j] = out[j] * 0.08;
    benchmark::DoNotOptimize(p);
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Incremental updates as the API would do them: signals arrive for many members interleaved, each
// updating that member's state in place.
void BM_IncrementalUpdate(benchmark::State& state) {
  const ReadinessFilter& filter = Filter();
  const std::vector<Evidence>& signals = Signals();
  // Interleave members: the i-th signal of every member, then the (i+1)-th, ...
  std::vector<std::pair<int, Evidence>> stream;
  stream.reserve(signals.size());
  for (int i = 0; i < kSignalsPerMember; ++i) {
    for (int member = 0; member < kMembers; ++member) {
      stream.emplace_back(member, signals[static_cast<size_t>(member * kSignalsPerMember + i)]);
    }
  }
  std::vector<MemberState> states(kMembers);
  int64_t updates = 0;
  double seconds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::fill(states.begin(), states.end(), MemberState{});
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    for (const auto& [member, e] : stream) filter.Update(states[static_cast<size_t>(member)], e);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    updates += static_cast<int64_t>(stream.size());
    benchmark::DoNotOptimize(states.data());
  }
  const double rate = static_cast<double>(updates) / seconds;
  const double reference = static_cast<double>(stream.size()) / MatVecSeconds(stream.size());
  state.counters["signals_per_s"] = rate;
  state.counters["ratio_to_bare_matvec"] = rate / reference;
  state.counters["ratio_to_target_1M"] = rate / 1e6;
  state.counters["state_bytes"] = sizeof(MemberState);
  state.counters["memory_MB_per_1M_members"] = sizeof(MemberState) * 1e6 / 1e6;
}
BENCHMARK(BM_IncrementalUpdate)->Unit(benchmark::kMillisecond)->Iterations(3);

// A full recompute of 1M signals held in memory: one fold per member.
void BM_RecomputeInMemory(benchmark::State& state) {
  const ReadinessFilter& filter = Filter();
  const std::vector<Evidence>& signals = Signals();
  std::vector<MemberState> states(kMembers);
  for (auto _ : state) {
    for (int member = 0; member < kMembers; ++member) {
      states[static_cast<size_t>(member)] = filter.Recompute(std::span<const Evidence>(
          signals.data() + static_cast<size_t>(member) * kSignalsPerMember, kSignalsPerMember));
    }
    benchmark::DoNotOptimize(states.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(signals.size()));
  // Reference: reading the same evidence once (the memory traffic a recompute cannot avoid).
  const auto start = std::chrono::steady_clock::now();
  int64_t sum = 0;
  for (const Evidence& e : signals) sum += e.at + e.kind;
  benchmark::DoNotOptimize(sum);
  const double read =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  state.counters["signals"] = static_cast<double>(signals.size());
  state.counters["read_only_ms"] = read * 1e3;
}
BENCHMARK(BM_RecomputeInMemory)->Unit(benchmark::kMillisecond)->Iterations(3);

// 1M signal rows in a SQLite file, in (member, at) order. Scan only vs scan + recompute.
class SqliteSignals {
 public:
  SqliteSignals() : path_("/tmp/readiness_bench_" + std::to_string(getpid()) + ".db") {
    std::remove(path_.c_str());
    sqlite3_open(path_.c_str(), &db_);
    sqlite3_exec(db_,
                 "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                 "CREATE TABLE signals(id INTEGER PRIMARY KEY, member INTEGER NOT NULL,"
                 " at INTEGER NOT NULL, kind INTEGER NOT NULL, source INTEGER NOT NULL,"
                 " stage INTEGER NOT NULL, tags INTEGER NOT NULL);",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db_,
                       "INSERT INTO signals(member, at, kind, source, stage, tags) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    const std::vector<Evidence>& signals = Signals();
    for (size_t i = 0; i < signals.size(); ++i) {
      const Evidence& e = signals[i];
      sqlite3_bind_int64(insert, 1, static_cast<int64_t>(i / kSignalsPerMember));
      sqlite3_bind_int64(insert, 2, e.at);
      sqlite3_bind_int(insert, 3, e.kind);
      sqlite3_bind_int(insert, 4, e.source);
      sqlite3_bind_int(insert, 5, e.stage);
      sqlite3_bind_int64(insert, 6, e.stage_tags);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  }
  ~SqliteSignals() {
    sqlite3_close(db_);
    std::remove(path_.c_str());
  }

  // Scans every row; with `filter`, folds each row into its member's state.
  double Scan(const ReadinessFilter* filter, std::vector<MemberState>& states) {
    const auto start = std::chrono::steady_clock::now();
    sqlite3_stmt* select = nullptr;
    sqlite3_prepare_v2(db_, "SELECT member, at, kind, source, stage, tags FROM signals", -1,
                       &select, nullptr);
    int64_t checksum = 0;
    while (sqlite3_step(select) == SQLITE_ROW) {
      const int64_t member = sqlite3_column_int64(select, 0);
      Evidence e;
      e.at = sqlite3_column_int64(select, 1);
      e.kind = static_cast<int16_t>(sqlite3_column_int(select, 2));
      e.source = static_cast<uint8_t>(sqlite3_column_int(select, 3));
      e.stage = static_cast<int8_t>(sqlite3_column_int(select, 4));
      e.stage_tags = static_cast<uint32_t>(sqlite3_column_int64(select, 5));
      if (filter != nullptr) {
        filter->Update(states[static_cast<size_t>(member)], e);
      } else {
        checksum += member + e.at + e.kind + e.source + e.stage + e.stage_tags;
      }
    }
    sqlite3_finalize(select);
    benchmark::DoNotOptimize(checksum);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

void BM_SqliteScanVersusRecompute(benchmark::State& state) {
  SqliteSignals table;
  std::vector<MemberState> states(kMembers);
  double scan = 0;
  double recompute = 0;
  for (auto _ : state) {
    scan += table.Scan(nullptr, states);
    std::fill(states.begin(), states.end(), MemberState{});
    recompute += table.Scan(&Filter(), states);
    benchmark::DoNotOptimize(states.data());
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["scan_ms"] = scan / n * 1e3;
  state.counters["scan_and_recompute_ms"] = recompute / n * 1e3;
  // 1.0: recomputing is free next to reading the rows; the aim is >= 0.5.
  state.counters["ratio_scan_to_scan_plus_recompute"] = scan / recompute;
}
BENCHMARK(BM_SqliteScanVersusRecompute)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
