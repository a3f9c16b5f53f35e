#pragma once

#include <filesystem>

#include "crm/crm_batch.hpp"
#include "crm/csv_mapping.hpp"
#include "storage/store.hpp"

namespace buyalign::crm {

// Reads CSV files by a column mapping (see CsvMapping). `input` is a directory holding the file
// of each source, or one CSV file when the mapping's sources name no file (or one source only).
// Rows become records field by field; what the mapping had to do on the way is reported: values
// normalised or unmapped, empty cells defaulted or left empty, rows skipped, references sent to a
// placeholder record, rows repeating an earlier record (merged), columns not imported.
// Won and lost opportunities also get an outcome at their expected close (else created) date.
// Fails naming the file, line and column for a missing column, an unreadable value, an empty
// required field, a reference that resolves to nothing, or two different records with one id.
core::Result<CrmBatch> ReadMappedCsv(const std::filesystem::path& input, const CsvMapping& mapping,
                                     storage::Store* existing = nullptr,
                                     const ImportProgress& progress = {});

// Reads and stores in one transaction: all of it or nothing.
core::Result<ImportReport> ImportMappedCsv(storage::Store& store,
                                           const std::filesystem::path& input,
                                           const CsvMapping& mapping,
                                           const ImportProgress& progress = {});

}  // namespace buyalign::crm
