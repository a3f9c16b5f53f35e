#include "storage/store_test_fixture.hpp"

namespace buyalign::storage::testing {
namespace {

using core::ErrorCode;

using SqlStoreImportJobs = StoreTest;

ImportJob QueuedJob(std::string id) {
  ImportJob job;
  job.id = std::move(id);
  job.kind = "salesforce";
  job.files = {"Account.csv", "Opportunity.csv"};
  job.created_by = "u-admin";
  job.created_at = core::FromUnixSeconds(1770000000);
  job.heartbeat_at = job.created_at;
  return job;
}

TEST_F(SqlStoreImportJobs, CreatedJobReadsBackAsWritten) {
  ASSERT_TRUE(store().CreateImportJob(QueuedJob("imp-1")));
  auto job = store().GetImportJob("imp-1");
  ASSERT_TRUE(job) << job.error().message;
  EXPECT_EQ(job->kind, "salesforce");
  EXPECT_EQ(job->status, ImportJobStatus::kQueued);
  EXPECT_EQ(job->files, (std::vector<std::string>{"Account.csv", "Opportunity.csv"}));
  EXPECT_EQ(job->created_by, "u-admin");
  EXPECT_EQ(job->created_at, core::FromUnixSeconds(1770000000));
  EXPECT_FALSE(job->started_at);
  EXPECT_FALSE(job->finished_at);
  EXPECT_EQ(job->summary_json, "");
}

TEST_F(SqlStoreImportJobs, UpdatesCarryProgressAndTheOutcome) {
  ASSERT_TRUE(store().CreateImportJob(QueuedJob("imp-2")));
  ImportJob job = QueuedJob("imp-2");
  job.status = ImportJobStatus::kRunning;
  job.phase = "reading Account.csv";
  job.done = 512;
  job.total = 2048;
  job.started_at = core::FromUnixSeconds(1770000005);
  job.heartbeat_at = core::FromUnixSeconds(1770000006);
  ASSERT_TRUE(store().UpdateImportJob(job));
  auto running = store().GetImportJob("imp-2");
  ASSERT_TRUE(running);
  EXPECT_EQ(running->status, ImportJobStatus::kRunning);
  EXPECT_EQ(running->phase, "reading Account.csv");
  EXPECT_EQ(running->done, 512);
  EXPECT_EQ(running->total, 2048);
  EXPECT_EQ(running->started_at, core::FromUnixSeconds(1770000005));
  EXPECT_EQ(running->heartbeat_at, core::FromUnixSeconds(1770000006));

  job.status = ImportJobStatus::kFailed;
  job.finished_at = core::FromUnixSeconds(1770000009);
  job.error_json = R"({"message":"Account.csv: line 3, column 2 (Name): empty account name"})";
  ASSERT_TRUE(store().UpdateImportJob(job));
  Reopen();  // it is in the database, not in a cache
  auto failed = store().GetImportJob("imp-2");
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, ImportJobStatus::kFailed);
  EXPECT_EQ(failed->finished_at, core::FromUnixSeconds(1770000009));
  EXPECT_EQ(failed->error_json, job.error_json);
}

TEST_F(SqlStoreImportJobs, UnknownAndDuplicateJobsAreErrors) {
  EXPECT_EQ(store().GetImportJob("imp-none").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().UpdateImportJob(QueuedJob("imp-none")).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store().CreateImportJob(QueuedJob("imp-3")));
  EXPECT_EQ(store().CreateImportJob(QueuedJob("imp-3")).error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace buyalign::storage::testing
