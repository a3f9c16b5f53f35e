#include "crm/crm_commands.hpp"

#include <unistd.h>

#include <iostream>
#include <memory>

#include "crm/hubspot_import.hpp"
#include "crm/mapped_import.hpp"
#include "crm/salesforce_export.hpp"
#include "crm/salesforce_import.hpp"
#include "storage/open_store.hpp"

namespace buyalign::crm {
namespace {

constexpr int kExitBadInput = 2;
constexpr int kExitFailure = 1;

// Options every import shares; owned by the command's callback closure.
struct CommonOptions {
  std::string db;
  std::string date_order = "auto";
  bool json = false;
};

int Report(const core::Error& error) {
  std::cerr << "buyalign: " << error.message << "\n";
  switch (error.code) {
    case core::ErrorCode::kInvalidArgument:
    case core::ErrorCode::kUnknownReference:
    case core::ErrorCode::kNotFound:
    case core::ErrorCode::kPayloadTooLarge:
      return kExitBadInput;
    case core::ErrorCode::kConflict:
    case core::ErrorCode::kPreconditionRequired:
    case core::ErrorCode::kUnauthenticated:
    case core::ErrorCode::kForbidden:
    case core::ErrorCode::kUnavailable:
    case core::ErrorCode::kInternal:
      return kExitFailure;
  }
  return kExitFailure;
}

// Progress on stderr, only for a person watching a terminal.
ImportProgress TerminalProgress() {
  if (!isatty(STDERR_FILENO)) return {};
  return [](std::string_view what, size_t done, size_t total) {
    if (total == 0) return;
    std::cerr << "\r" << what << " " << (done * 100 / total) << "%   " << std::flush;
    if (done == total) std::cerr << "\n";
  };
}

DateOrder ParseOrder(const std::string& text) {
  if (text == "day_first") return DateOrder::kDayFirst;
  if (text == "month_first") return DateOrder::kMonthFirst;
  return DateOrder::kAuto;
}

void AddCommon(CLI::App* cmd, CommonOptions& common) {
  cmd->add_option("--db", common.db, "database file")->required();
  cmd->add_option("--date-order", common.date_order,
                  "how to read dates like 03/04/2026: auto, day_first or month_first")
      ->check(CLI::IsMember({"auto", "day_first", "month_first"}));
  cmd->add_flag("--json", common.json, "print the summary as JSON");
}

// Opens the store, runs `import` and prints its report; returns the exit code.
template <class Import>
int RunImport(const CommonOptions& common, Import&& import) {
  auto store = storage::OpenStore(common.db);
  if (!store) return Report(store.error());
  core::Result<ImportReport> report = import(**store);
  if (!report) return Report(report.error());
  std::cout << (common.json ? report->ToJson() + "\n" : report->ToTable());
  return 0;
}

}  // namespace

void AddImportCommand(CLI::App& app, int& exit_code) {
  auto* import = app.add_subcommand("import", "import a CRM export (one transaction)");
  import->require_subcommand(1);

  struct SalesforceArgs {
    CommonOptions common;
    std::string dir, stages, activities;
  };
  auto sf = std::make_shared<SalesforceArgs>();
  auto* salesforce = import->add_subcommand("salesforce", "a Salesforce data export folder");
  salesforce->add_option("dir", sf->dir, "folder with Account.csv, Opportunity.csv, ...")
      ->required();
  salesforce->add_option("--stages", sf->stages, "stage table (configs/salesforce-stages.toml)");
  salesforce->add_option("--activities", sf->activities,
                         "activity rules (configs/salesforce-activities.toml)");
  AddCommon(salesforce, sf->common);
  salesforce->callback([sf, &exit_code] {
    SalesforceOptions options;
    options.date_order = ParseOrder(sf->common.date_order);
    options.progress = TerminalProgress();
    if (!sf->stages.empty()) {
      auto stages = StageTable::Load(sf->stages);
      if (!stages) {
        exit_code = Report(stages.error());
        return;
      }
      options.stages = std::move(*stages);
    }
    if (!sf->activities.empty()) {
      auto rules = ActivityRules::Load(sf->activities);
      if (!rules) {
        exit_code = Report(rules.error());
        return;
      }
      options.activities = std::move(*rules);
    }
    exit_code = RunImport(sf->common, [&](storage::Store& store) {
      return ImportSalesforce(store, sf->dir, options);
    });
  });

  struct HubSpotArgs {
    CommonOptions common;
    std::string dir;
  };
  auto hs = std::make_shared<HubSpotArgs>();
  auto* hubspot = import->add_subcommand("hubspot", "a folder of HubSpot CSV exports");
  hubspot->add_option("dir", hs->dir, "folder with the companies, contacts and deals exports")
      ->required();
  AddCommon(hubspot, hs->common);
  hubspot->callback([hs, &exit_code] {
    HubSpotOptions options;
    options.date_order = ParseOrder(hs->common.date_order);
    options.progress = TerminalProgress();
    exit_code = RunImport(
        hs->common, [&](storage::Store& store) { return ImportHubSpot(store, hs->dir, options); });
  });

  struct CsvArgs {
    CommonOptions common;
    std::string input, mapping;
  };
  auto csv = std::make_shared<CsvArgs>();
  auto* mapped = import->add_subcommand("csv", "any CSV by a column mapping file");
  mapped->add_option("input", csv->input, "a CSV file, or the folder of a multi-file mapping")
      ->required();
  mapped->add_option("--mapping", csv->mapping, "the mapping (TOML), e.g. configs/*.mapping.toml")
      ->required();
  AddCommon(mapped, csv->common);
  mapped->callback([csv, &exit_code] {
    auto mapping = CsvMapping::Load(csv->mapping);
    if (!mapping) {
      exit_code = Report(mapping.error());
      return;
    }
    if (csv->common.date_order != "auto") mapping->date_order = ParseOrder(csv->common.date_order);
    ImportProgress progress = TerminalProgress();
    exit_code = RunImport(csv->common, [&](storage::Store& store) {
      return ImportMappedCsv(store, csv->input, *mapping, progress);
    });
  });
}

void AddExportSalesforceCommand(CLI::App& parent, int& exit_code) {
  struct Args {
    std::string dir, db, stages;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = parent.add_subcommand("salesforce", "write the database as a Salesforce export");
  cmd->add_option("dir", args->dir, "folder to write Account.csv, Opportunity.csv, ... into")
      ->required();
  cmd->add_option("--db", args->db, "database file")->required();
  cmd->add_option("--stages", args->stages, "stage table (configs/salesforce-stages.toml)");
  cmd->callback([args, &exit_code] {
    StageTable stages = StageTable::SalesforceDefault();
    if (!args->stages.empty()) {
      auto loaded = StageTable::Load(args->stages);
      if (!loaded) {
        exit_code = Report(loaded.error());
        return;
      }
      stages = std::move(*loaded);
    }
    auto store = storage::OpenStore(args->db);
    if (!store) {
      exit_code = Report(store.error());
      return;
    }
    auto written = ExportSalesforce(**store, args->dir, stages);
    exit_code = written ? 0 : Report(written.error());
  });
}

}  // namespace buyalign::crm
