#include "crm/crm_batch.hpp"

namespace buyalign::crm {

core::Result<ImportReport> StoreCrmBatch(storage::Store& store, CrmBatch batch,
                                         const ImportProgress& progress,
                                         const storage::Actor& actor) {
  storage::ProgressFn store_progress;
  if (progress) {
    store_progress = [&progress](size_t done, size_t total) { progress("storing", done, total); };
  }
  auto stored = store.Import(batch.records, store_progress, actor);
  if (!stored) {
    core::Error error = stored.error();
    error.message = "storing the import: " + core::Describe(error);
    return core::Fail(std::move(error));
  }
  batch.report.SetStored(std::move(*stored));
  return std::move(batch.report);
}

}  // namespace buyalign::crm
