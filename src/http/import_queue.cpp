#include "http/import_queue.hpp"

#include <chrono>
#include <filesystem>
#include <system_error>

#include <spdlog/spdlog.h>

#include "http/import_job_json.hpp"

namespace buyalign::http {
namespace {

using Clock = std::chrono::steady_clock;
using storage::ImportJobStatus;

// How often the reading phase writes its progress to the job row.
constexpr std::chrono::seconds kProgressWriteEvery{1};

void RemoveFolder(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  if (ec) spdlog::warn("cannot remove the upload folder {}: {}", dir.string(), ec.message());
}

// Writes `job`; a failure is logged only: the import's own outcome matters more than its
// bookkeeping, and a later write (or the lost-job rule) corrects the row.
void Save(storage::Store& store, const storage::ImportJob& job) {
  if (auto saved = store.UpdateImportJob(job); !saved) {
    spdlog::error("import job {}: cannot record its state: {}", job.id,
                  core::Describe(saved.error()));
  }
}

}  // namespace

ImportQueue::ImportQueue(storage::Store& store) : store_(store), worker_([this] { Work(); }) {}

ImportQueue::~ImportQueue() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
  // The worker has gone: what is left was never started.
  for (Pending& pending : pending_) {
    auto job = store_.GetImportJob(pending.job_id);
    if (job) {
      job->status = ImportJobStatus::kFailed;
      job->finished_at = job->heartbeat_at = core::Now();
      job->error_json = ImportErrorJson(
          core::Error{core::ErrorCode::kUnavailable,
                      "the server stopped before this import started; nothing was imported: "
                      "upload the files again",
                      {}},
          {});
      Save(store_, *job);
    }
    RemoveFolder(pending.upload.dir);
  }
}

void ImportQueue::Enqueue(const std::string& job_id, crm::UploadImport upload) {
  {
    std::lock_guard lock(mu_);
    live_[job_id] = Progress{"queued", 0, 0};
    pending_.push_back({job_id, std::move(upload)});
  }
  wake_.notify_one();
}

std::optional<ImportQueue::Progress> ImportQueue::Live(std::string_view job_id) const {
  std::lock_guard lock(mu_);
  auto it = live_.find(job_id);
  if (it == live_.end()) return std::nullopt;
  return it->second;
}

void ImportQueue::SetLive(const std::string& job_id, Progress progress) {
  std::lock_guard lock(mu_);
  live_[job_id] = std::move(progress);
}

void ImportQueue::Work() {
  while (true) {
    Pending pending;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (stopping_) return;
      pending = std::move(pending_.front());
      pending_.pop_front();
    }
    Run(pending);
    RemoveFolder(pending.upload.dir);
    std::lock_guard lock(mu_);
    live_.erase(pending.job_id);
  }
}

void ImportQueue::Run(Pending& pending) {
  auto loaded = store_.GetImportJob(pending.job_id);
  if (!loaded) {
    spdlog::error("import job {}: cannot read it: {}", pending.job_id,
                  core::Describe(loaded.error()));
    return;
  }
  storage::ImportJob job = std::move(*loaded);
  job.status = ImportJobStatus::kRunning;
  job.started_at = job.heartbeat_at = core::Now();
  job.phase = "reading";
  Save(store_, job);
  SetLive(job.id, {job.phase, 0, 0});

  Clock::time_point last_write = Clock::now();
  auto progress = [&](std::string_view what, size_t done, size_t total) {
    Progress now{std::string(what), static_cast<int64_t>(done), static_cast<int64_t>(total)};
    SetLive(job.id, now);
    // While storing, the store's one write transaction is open on this very thread: writing the
    // job row now would wait for it forever (and could not commit apart from the import).
    if (what == "storing" || Clock::now() - last_write < kProgressWriteEvery) return;
    job.phase = now.phase;
    job.done = now.done;
    job.total = now.total;
    job.heartbeat_at = core::Now();
    Save(store_, job);
    last_write = Clock::now();
  };
  auto report = crm::RunUploadImport(store_, pending.upload, progress);
  job.finished_at = job.heartbeat_at = core::Now();
  if (report) {
    job.status = ImportJobStatus::kSucceeded;
    job.summary_json = report->ToJson();
    job.phase = "done";
    job.done = job.total = 0;
    for (const auto& [type, count] : report->stored().counts) {
      job.done += count.created + count.updated + count.unchanged;
    }
    job.total = job.done;
    spdlog::info("import job {}: succeeded, {} records", job.id, job.done);
  } else {
    job.status = ImportJobStatus::kFailed;
    job.error_json = ImportErrorJson(report.error(), pending.upload.files);
    spdlog::info("import job {}: failed: {}", job.id, report.error().message);
  }
  Save(store_, job);
}

}  // namespace buyalign::http
