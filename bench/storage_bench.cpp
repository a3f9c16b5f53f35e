// Storage throughput: Import of a realistic batch into a fresh SQLite file, against a plain
// SQLite insert loop measured in the same run (the machine is shared, so only the ratio is
// comparable across runs); and GetOpportunity point lookups against a raw prepared SELECT.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>

#include "storage/open_store.hpp"

namespace {

using buyalign::storage::RecordBatch;
namespace domain = buyalign::domain;
namespace core = buyalign::core;

// 1 account : 3 contacts : 1 opportunity : 3 DMU members : 20 signals : 5 activities.
constexpr int kRecordsPerAccount = 33;

RecordBatch MakeBatch(int accounts) {
  RecordBatch batch;
  int64_t line = 0;
  int64_t at = 1767225600;
  for (int a = 0; a < accounts; ++a) {
    std::string aid = "acc-" + std::to_string(a);
    batch.accounts.push_back(
        {{aid, "Account " + aid, "logistics", 85, "BE", "mid_market"}, ++line});
    std::string oid = "opp-" + std::to_string(a);
    domain::Opportunity o;
    o.id = oid;
    o.account_id = aid;
    o.name = "Route planning " + oid;
    o.amount = 48000;
    o.currency = "EUR";
    batch.opportunities.push_back({o, ++line});
    for (int c = 0; c < 3; ++c) {
      std::string cid = "con-" + std::to_string(a) + "-" + std::to_string(c);
      batch.contacts.push_back(
          {{cid, aid, "Contact " + cid, "Operations Manager", cid + "@example.com", "operations"},
           ++line});
      batch.dmu_members.push_back(
          {{oid, cid, domain::DmuRole::kEvaluator, 0.5, domain::Stance::kNeutral}, ++line});
    }
    for (int s = 0; s < 20; ++s) {
      domain::Signal signal;
      signal.id = "sig-" + std::to_string(a) + "-" + std::to_string(s);
      signal.opportunity_id = oid;
      signal.contact_id = "con-" + std::to_string(a) + "-" + std::to_string(s % 3);
      signal.kind = "shares_kpis_or_costs";
      signal.at = core::FromUnixSeconds(at + s * 3600);
      signal.source = domain::SignalSource::kMeeting;
      signal.note = "empty return trips cost 11% of fuel";
      batch.signals.push_back({signal, ++line});
    }
    for (int x = 0; x < 5; ++x) {
      domain::Activity activity;
      activity.id = "act-" + std::to_string(a) + "-" + std::to_string(x);
      activity.opportunity_id = oid;
      activity.contact_ids = {"con-" + std::to_string(a) + "-" + std::to_string(x % 3)};
      activity.kind = "demo";
      activity.at = core::FromUnixSeconds(at + x * 7200);
      activity.duration_min = 60;
      batch.activities.push_back({activity, ++line});
    }
  }
  return batch;
}

// About 200,000 records; BUYALIGN_BENCH_RECORDS asks for another size (a small one keeps a
// callgrind run short).
int BatchRecords() {
  const char* records = std::getenv("BUYALIGN_BENCH_RECORDS");
  int n = records ? std::atoi(records) : 0;
  return n > 0 ? n : 200000;
}

const RecordBatch& Batch() {
  static const RecordBatch batch = MakeBatch(std::max(1, BatchRecords() / kRecordsPerAccount));
  return batch;
}

std::filesystem::path FreshPath(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "buyalign-storage-bench";
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix);
  }
  return path;
}

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

// The reference: one table shaped like the signals table, one prepared statement, one
// transaction, the same durability settings as the store.
sqlite3* OpenReference(const std::string& path) {
  sqlite3* db = nullptr;
  Check(sqlite3_open(path.c_str(), &db), db, "open");
  Check(sqlite3_exec(db,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                     "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY,"
                     " ext_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, at BIGINT NOT NULL,"
                     " note TEXT NOT NULL)",
                     nullptr, nullptr, nullptr),
        db, "schema");
  return db;
}

void InsertReferenceRows(sqlite3* db, size_t rows) {
  sqlite3_stmt* insert = nullptr;
  Check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
  Check(sqlite3_prepare_v2(db, "INSERT INTO items (ext_id, kind, at, note) VALUES (?, ?, ?, ?)", -1,
                           &insert, nullptr),
        db, "prepare");
  for (size_t i = 0; i < rows; ++i) {
    std::string id = "item-" + std::to_string(i);
    sqlite3_bind_text(insert, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, "shares_kpis_or_costs", -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert, 3, 1767225600 + static_cast<int64_t>(i));
    sqlite3_bind_text(insert, 4, "empty return trips cost 11% of fuel", -1, SQLITE_STATIC);
    Check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// CPU time of the calling thread: what one core spends, whatever else shares the machine.
double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

void BM_Import(benchmark::State& state) {
  const RecordBatch& batch = Batch();
  double import_seconds = 0, reference_seconds = 0, import_cpu_seconds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto reference_path = FreshPath("reference.db");
    sqlite3* reference = OpenReference(reference_path.string());
    auto start = std::chrono::steady_clock::now();
    InsertReferenceRows(reference, batch.size());
    reference_seconds += Seconds(std::chrono::steady_clock::now() - start);
    sqlite3_close(reference);
    auto store = buyalign::storage::OpenStore(FreshPath("import.db").string());
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      return;
    }
    state.ResumeTiming();

    start = std::chrono::steady_clock::now();
    double cpu_start = ThreadCpuSeconds();
    auto summary = (*store)->Import(batch);
    import_cpu_seconds += ThreadCpuSeconds() - cpu_start;
    import_seconds += Seconds(std::chrono::steady_clock::now() - start);
    if (!summary) {
      state.SkipWithError(core::Describe(summary.error()).c_str());
      return;
    }
    state.PauseTiming();
    store->reset();
    state.ResumeTiming();
  }
  double records = static_cast<double>(batch.size() * state.iterations());
  state.counters["records"] = static_cast<double>(batch.size());
  state.counters["import_records_per_s"] = records / import_seconds;
  state.counters["import_records_per_cpu_s"] = records / import_cpu_seconds;
  state.counters["reference_rows_per_s"] = records / reference_seconds;
  // Import throughput as a fraction of the plain insert loop's, measured in the same run.
  state.counters["ratio_vs_plain_insert"] = reference_seconds / import_seconds;
}
BENCHMARK(BM_Import)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_GetOpportunity(benchmark::State& state) {
  const RecordBatch& batch = Batch();
  auto store = buyalign::storage::OpenStore(FreshPath("lookup.db").string());
  if (!store || !(*store)->Import(batch)) {
    state.SkipWithError("cannot prepare the store");
    return;
  }
  sqlite3* reference = OpenReference(FreshPath("lookup-reference.db").string());
  InsertReferenceRows(reference, batch.opportunities.size());
  sqlite3_stmt* select = nullptr;
  Check(
      sqlite3_prepare_v2(reference, "SELECT id, ext_id, kind, at, note FROM items WHERE ext_id = ?",
                         -1, &select, nullptr),
      reference, "prepare");

  std::mt19937 random(42);
  std::uniform_int_distribution<size_t> pick(0, batch.opportunities.size() - 1);
  constexpr int kLookups = 1000;
  double store_seconds = 0, reference_seconds = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kLookups; ++i) {
      auto found = (*store)->GetOpportunity(batch.opportunities[pick(random)].record.id);
      benchmark::DoNotOptimize(found);
      if (!found) state.SkipWithError("lookup failed");
    }
    store_seconds += Seconds(std::chrono::steady_clock::now() - start);
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < kLookups; ++i) {
      std::string id = "item-" + std::to_string(pick(random));
      sqlite3_bind_text(select, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
      Check(sqlite3_step(select), reference, "select");
      benchmark::DoNotOptimize(sqlite3_column_int64(select, 0));
      sqlite3_reset(select);
    }
    reference_seconds += Seconds(std::chrono::steady_clock::now() - start);
  }
  sqlite3_finalize(select);
  sqlite3_close(reference);
  double lookups = static_cast<double>(kLookups * state.iterations());
  state.counters["lookups_per_s"] = lookups / store_seconds;
  state.counters["reference_lookups_per_s"] = lookups / reference_seconds;
  state.counters["ratio_vs_plain_select"] = reference_seconds / store_seconds;
}
BENCHMARK(BM_GetOpportunity)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
