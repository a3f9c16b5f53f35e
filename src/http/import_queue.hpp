#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "crm/upload_import.hpp"
#include "storage/store.hpp"

namespace buyalign::http {

// Runs upload imports (POST /api/v1/imports) in the background, one at a time on its own thread
// (SQLite has one writer anyway), and records each job's state in the store so that any server
// sharing the database can report it.
//
// Progress while the files are read is written to the job row about once a second. The import
// then stores everything in ONE write transaction (all or nothing), during which the job row
// cannot be written without breaking that promise: this process keeps the live count in memory
// (Live), other servers see the phase "storing" until the job ends.
//
// Thread-safe. The destructor lets the running import finish and marks the jobs still queued as
// failed ("the server stopped"); the store must outlive the queue.
class ImportQueue {
 public:
  struct Progress {
    std::string phase;
    int64_t done = 0;
    int64_t total = 0;
  };

  explicit ImportQueue(storage::Store& store);
  ~ImportQueue();
  ImportQueue(const ImportQueue&) = delete;
  ImportQueue& operator=(const ImportQueue&) = delete;

  // Queues the import of job `job_id` (already created in the store, status queued). The queue
  // owns `upload.dir` from now on and removes it when the job ends.
  void Enqueue(const std::string& job_id, crm::UploadImport upload);

  // The live progress of a job this process has queued or is running; nullopt for any other.
  std::optional<Progress> Live(std::string_view job_id) const;

 private:
  struct Pending {
    std::string job_id;
    crm::UploadImport upload;
  };

  void Work();
  void Run(Pending& pending);
  void SetLive(const std::string& job_id, Progress progress);

  storage::Store& store_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Pending> pending_;                        // guarded by mu_
  std::map<std::string, Progress, std::less<>> live_;  // guarded by mu_
  bool stopping_ = false;                              // guarded by mu_
  std::thread worker_;                                 // last: starts once the rest exists
};

// A job is taken for lost when its server has not written to it for this long (a crash or a
// kill). Longer than any single store transaction of an upload (256 MiB at ~100k records/s is
// well under a minute), during which the running server cannot write its heartbeat.
inline constexpr std::chrono::seconds kImportJobLostAfter{600};

}  // namespace buyalign::http
