// Salesforce import throughput: a generated export of 100,000 opportunities (with 20,000
// accounts, 100,000 contacts and 100,000 contact roles) read into a batch, and imported into a
// fresh SQLite file. Each figure is also given as a ratio to the time libcsv-based tokenising of
// the same bytes takes in the same run (`x_tokenize`), so a slower machine does not read as a
// regression.
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

#include "crm/csv_reader.hpp"
#include "crm/salesforce_import.hpp"
#include "storage/open_store.hpp"

namespace {

namespace fs = std::filesystem;
using buyalign::crm::CsvReader;
using buyalign::crm::CsvRecord;

constexpr int kOpportunities = 100000;
constexpr int kAccounts = 20000;

const char* const kStages[] = {"Prospecting", "Needs Analysis", "Proposal/Price Quote",
                               "Closed Won",  "Closed Lost",    "Pilot Running"};
const char* const kRoles[] = {"Economic Buyer", "Decision Maker", "Technical Buyer",
                              "Evaluator",      "Influencer",     "Gatekeeper"};

struct Export {
  fs::path dir;
  int64_t rows = 0;
};

// Writes the export once per process.
const Export& GeneratedExport() {
  static const Export generated = [] {
    Export e;
    e.dir = fs::temp_directory_path() / ("buyalign-crm-bench-" + std::to_string(::getpid()));
    fs::create_directories(e.dir);
    std::mt19937 rng(42);
    std::ofstream accounts(e.dir / "Account.csv", std::ios::binary);
    accounts << "\"Id\",\"Name\",\"Industry\",\"NumberOfEmployees\",\"BillingCountry\"\r\n";
    for (int i = 0; i < kAccounts; ++i) {
      accounts << "\"001" << i << "\",\"Account " << i << ", Ltd\",\"Logistics\",\""
               << (rng() % 5000) << "\",\"Belgium\"\r\n";
    }
    std::ofstream contacts(e.dir / "Contact.csv", std::ios::binary);
    contacts << "\"Id\",\"AccountId\",\"FirstName\",\"LastName\",\"Title\",\"Email\"\r\n";
    for (int i = 0; i < kOpportunities; ++i) {
      contacts << "\"003" << i << "\",\"001" << (i % kAccounts) << "\",\"Zoë\",\"Peeters " << i
               << "\",\"Operations \"\"Ops\"\" Manager\",\"c" << i << "@example.com\"\r\n";
    }
    std::ofstream opps(e.dir / "Opportunity.csv", std::ios::binary);
    opps << "\"Id\",\"AccountId\",\"Name\",\"StageName\",\"Amount\",\"CloseDate\",\"IsClosed\","
            "\"IsWon\",\"CreatedDate\"\r\n";
    for (int i = 0; i < kOpportunities; ++i) {
      const char* stage = kStages[i % 6];
      bool won = i % 6 == 3, lost = i % 6 == 4;
      opps << "\"006" << i << "\",\"001" << (i % kAccounts) << "\",\"Deal " << i << "\nphase 1\",\""
           << stage << "\",\"" << (rng() % 100000) << ".50\",\"2026-0" << (1 + i % 9) << "-15\",\""
           << (won || lost ? "true" : "false") << "\",\"" << (won ? "true" : "false")
           << "\",\"2025-12-01T08:00:00.000+0000\"\r\n";
    }
    std::ofstream roles(e.dir / "OpportunityContactRole.csv", std::ios::binary);
    roles << "\"Id\",\"OpportunityId\",\"ContactId\",\"Role\",\"IsPrimary\"\r\n";
    for (int i = 0; i < kOpportunities; ++i) {
      roles << "\"00K" << i << "\",\"006" << i << "\",\"003" << i << "\",\"" << kRoles[i % 6]
            << "\",\"true\"\r\n";
    }
    e.rows = kAccounts + 3 * int64_t{kOpportunities};
    return e;
  }();
  return generated;
}

// Tokenises every file of the export: the reference the other figures are divided by.
double TokenizeSeconds(const Export& e) {
  auto start = std::chrono::steady_clock::now();
  int64_t fields = 0;
  for (auto file :
       {"Account.csv", "Contact.csv", "Opportunity.csv", "OpportunityContactRole.csv"}) {
    auto reader = CsvReader::Open(e.dir / file);
    CsvRecord record;
    while (reader && reader->Next(record).value_or(false)) fields += record.fields.size();
  }
  benchmark::DoNotOptimize(fields);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void SetCounters(benchmark::State& state, const Export& e, double seconds, double reference) {
  state.counters["rows_per_s"] = e.rows / seconds;
  state.counters["x_tokenize"] = seconds / reference;
}

void BM_TokenizeCsv(benchmark::State& state) {
  const Export& e = GeneratedExport();
  double last = 0;
  for (auto _ : state) last = TokenizeSeconds(e);
  state.counters["rows_per_s"] = e.rows / last;
}
BENCHMARK(BM_TokenizeCsv)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReadSalesforceExport(benchmark::State& state) {
  const Export& e = GeneratedExport();
  double reference = TokenizeSeconds(e);
  double seconds = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    auto batch = buyalign::crm::ReadSalesforceExport(e.dir);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!batch) state.SkipWithError(batch.error().message.c_str());
    benchmark::DoNotOptimize(batch);
  }
  SetCounters(state, e, seconds, reference);
}
BENCHMARK(BM_ReadSalesforceExport)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ImportSalesforceIntoFreshSqlite(benchmark::State& state) {
  const Export& e = GeneratedExport();
  double reference = TokenizeSeconds(e);
  double seconds = 0;
  int run = 0;
  for (auto _ : state) {
    state.PauseTiming();
    fs::path db = e.dir / ("bench-" + std::to_string(run++) + ".db");
    auto store = buyalign::storage::OpenStore(db.string());
    if (!store) state.SkipWithError(store.error().message.c_str());
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    auto report = buyalign::crm::ImportSalesforce(**store, e.dir);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!report) state.SkipWithError(report.error().message.c_str());
    state.PauseTiming();
    store->reset();
    fs::remove(db);
    state.ResumeTiming();
  }
  SetCounters(state, e, seconds, reference);
}
BENCHMARK(BM_ImportSalesforceIntoFreshSqlite)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::filesystem::remove_all(GeneratedExport().dir);
  return 0;
}
