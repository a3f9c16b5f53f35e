#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/page.hpp"

namespace buyalign::storage {

enum class ImportJobStatus { kQueued, kRunning, kSucceeded, kFailed };
inline constexpr std::array<std::string_view, 4> kImportJobStatusNames{"queued", "running",
                                                                       "succeeded", "failed"};

// An import of uploaded files that runs in the background (POST /api/v1/imports), as the
// database keeps it so that any server sharing the database can answer how it goes. The store
// keeps `summary_json` and `error_json` as the layer above wrote them.
struct ImportJob {
  std::string id;    // "imp-..."
  std::string kind;  // salesforce, hubspot or csv
  ImportJobStatus status = ImportJobStatus::kQueued;
  std::string phase;  // what it does now ("reading Opportunity.csv", "storing"); "" when queued
  int64_t done = 0;   // of `total`: bytes while reading, records while storing
  int64_t total = 0;
  std::vector<std::string> files;
  std::string created_by;  // user id; "" when sign-in was not required
  core::Timestamp created_at{};
  std::optional<core::Timestamp> started_at;
  std::optional<core::Timestamp> finished_at;
  // When the server running the job last wrote to it: a queued or running job whose heartbeat is
  // old lost its server.
  core::Timestamp heartbeat_at{};
  std::string summary_json;  // once succeeded
  std::string error_json;    // once failed
};

// The import jobs half of the Store. Same contract as Store: thread-safe, one transaction per
// call, errors as values. Job state is bookkeeping, not a record change: it is not audited (the
// import itself is, by Store::Import).
class ImportJobStore {
 public:
  virtual ~ImportJobStore() = default;

  // kConflict when a job with the id exists.
  virtual Status CreateImportJob(const ImportJob& job) = 0;
  // kNotFound when there is none.
  virtual Result<ImportJob> GetImportJob(std::string_view id) = 0;
  // Writes everything but id, kind, files, created_by and created_at; kNotFound when there is no
  // such job.
  virtual Status UpdateImportJob(const ImportJob& job) = 0;
};

}  // namespace buyalign::storage
