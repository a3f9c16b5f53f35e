#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "http/import_queue.hpp"
#include "storage/import_job_store.hpp"

// How an import job reads over the API (GET /api/v1/imports/{id}).
namespace buyalign::http {

// The error of a failed import as the job keeps it:
//   {"code":"invalid_argument","message":"Opportunity.csv: line 3, column 5 (CloseDate): ...",
//    "file":"Opportunity.csv","line":3,"column":5,"field":"CloseDate"}
// with file, line, column and field only when known (`files` are the uploaded names). An
// internal error is logged and kept with a generic message, as ErrorResponse does.
std::string ImportErrorJson(const core::Error& error, const std::vector<std::string>& files);

// The job as stored, with `live` progress from this process when it runs the job, and judged at
// `now`: a queued or running job that no process here runs and whose heartbeat is older than
// kImportJobLostAfter lost its server, and reads as failed (nothing of it was stored: the
// import's transaction never committed).
storage::ImportJob AsSeenNow(storage::ImportJob job,
                             const std::optional<ImportQueue::Progress>& live, core::Timestamp now);

// {"id","kind","status","files","created_by","created_at","started_at","finished_at",
//  "progress":{"phase","done","total","percent"},"summary":{...},"error":{...}}; times are
// ISO 8601, absent ones left out, summary and error only once the job ended.
std::string ImportJobJson(const storage::ImportJob& job);

}  // namespace buyalign::http
