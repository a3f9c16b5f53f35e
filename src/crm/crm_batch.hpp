#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "crm/import_report.hpp"
#include "storage/store.hpp"

namespace buyalign::crm {

// Everything an import read from a CRM export, ready to store in one transaction: the records
// (with the opportunity stage history) and the report of what was skipped, unmapped or
// normalised on the way.
struct CrmBatch {
  storage::RecordBatch records;
  ImportReport report;
};

// Progress of a long import: `what` names the phase ("reading Opportunity.csv", "storing"),
// `done` and `total` are bytes while reading and records while storing.
using ImportProgress = std::function<void(std::string_view what, size_t done, size_t total)>;

// Stores `batch` in one transaction (Store::Import: all of it or nothing, audited as `actor`) and
// returns its report with the store's created/updated/unchanged counts. A store failure is
// returned as is, its message prefixed with "storing the import: ".
core::Result<ImportReport> StoreCrmBatch(storage::Store& store, CrmBatch batch,
                                         const ImportProgress& progress = {},
                                         const storage::Actor& actor = storage::Actor::System());

}  // namespace buyalign::crm
