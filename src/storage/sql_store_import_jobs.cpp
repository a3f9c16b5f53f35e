#include "core/enum_names.hpp"
#include "storage/record_ops.hpp"
#include "storage/sql_store.hpp"
#include "storage/string_list_json.hpp"

// Import jobs (import_job_store.hpp): the state of background imports, kept in the database so
// every server sharing it can report on any job.
namespace buyalign::storage {

namespace {

using core::Fail;

constexpr std::string_view kInsertJob =
    "INSERT INTO import_jobs (ext_id, kind, files, created_by, created_at, status, phase,"
    " done_count, total_count, started_at, finished_at, heartbeat_at, summary_json, error_json)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kSelectJob =
    "SELECT ext_id, kind, status, phase, done_count, total_count, files, created_by, created_at,"
    " started_at, finished_at, heartbeat_at, summary_json, error_json FROM import_jobs"
    " WHERE ext_id = ?";
constexpr std::string_view kSelectJobId = "SELECT id FROM import_jobs WHERE ext_id = ?";
constexpr std::string_view kUpdateJob =
    "UPDATE import_jobs SET status = ?, phase = ?, done_count = ?, total_count = ?,"
    " started_at = ?, finished_at = ?, heartbeat_at = ?, summary_json = ?, error_json = ?"
    " WHERE id = ?";

void BindOptionalTime(SqlStatement& st, int index, const std::optional<core::Timestamp>& at) {
  if (at) {
    st.BindInt(index, core::ToUnixSeconds(*at));
  } else {
    st.BindNull(index);
  }
}

std::optional<core::Timestamp> OptionalTime(SqlStatement& st, int column) {
  if (st.IsNull(column)) return std::nullopt;
  return core::FromUnixSeconds(st.ColumnInt(column));
}

// Binds the columns UpdateImportJob writes, from placeholder `first` on, in kUpdateJob's order
// (kInsertJob ends with the same columns).
void BindProgress(SqlStatement& st, int first, const ImportJob& job) {
  st.BindText(first, core::EnumName(kImportJobStatusNames, job.status));
  st.BindText(first + 1, job.phase);
  st.BindInt(first + 2, job.done);
  st.BindInt(first + 3, job.total);
  BindOptionalTime(st, first + 4, job.started_at);
  BindOptionalTime(st, first + 5, job.finished_at);
  st.BindInt(first + 6, core::ToUnixSeconds(job.heartbeat_at));
  st.BindText(first + 7, job.summary_json);
  st.BindText(first + 8, job.error_json);
}

// The internal id of job `id`, or nullopt when there is none.
core::Result<std::optional<int64_t>> FindJobRow(SqlConnection& connection, std::string_view id) {
  auto statement = connection.Prepare(kSelectJobId);
  if (!statement) return Fail(statement.error());
  (*statement)->BindText(1, id);
  auto found = (*statement)->Step();
  if (!found) return Fail(found.error());
  if (!*found) return std::optional<int64_t>();
  const int64_t row_id = (*statement)->ColumnInt(0);
  (*statement)->Reset();
  return std::optional<int64_t>(row_id);
}

}  // namespace

Status SqlStore::CreateImportJob(const ImportJob& job) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    auto existing = FindJobRow(connection, job.id);
    if (!existing) return Fail(existing.error());
    if (*existing) return Fail(AlreadyExists("import job \"" + job.id + "\""));
    auto statement = connection.Prepare(kInsertJob);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    st.BindText(1, job.id);
    st.BindText(2, job.kind);
    st.BindText(3, EncodeStringList(job.files));
    st.BindText(4, job.created_by);
    st.BindInt(5, core::ToUnixSeconds(job.created_at));
    BindProgress(st, 6, job);
    return st.Run();
  });
}

Result<ImportJob> SqlStore::GetImportJob(std::string_view id) {
  return pool_->Read<ImportJob>([&](SqlConnection& connection) -> Result<ImportJob> {
    auto statement = connection.Prepare(kSelectJob);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    st.BindText(1, id);
    auto row = st.Step();
    if (!row) return Fail(row.error());
    if (!*row) return Fail(NotFound("import job \"" + std::string(id) + "\""));
    ImportJob job;
    job.id = st.ColumnText(0);
    job.kind = st.ColumnText(1);
    auto status = core::ParseEnum<ImportJobStatus>(kImportJobStatusNames, st.ColumnText(2));
    if (!status) return Fail(core::Error::Internal("import job with an unknown status"));
    job.status = *status;
    job.phase = st.ColumnText(3);
    job.done = st.ColumnInt(4);
    job.total = st.ColumnInt(5);
    job.files = DecodeStringList(st.ColumnText(6));
    job.created_by = st.ColumnText(7);
    job.created_at = core::FromUnixSeconds(st.ColumnInt(8));
    job.started_at = OptionalTime(st, 9);
    job.finished_at = OptionalTime(st, 10);
    job.heartbeat_at = core::FromUnixSeconds(st.ColumnInt(11));
    job.summary_json = st.ColumnText(12);
    job.error_json = st.ColumnText(13);
    return job;
  });
}

Status SqlStore::UpdateImportJob(const ImportJob& job) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    auto row_id = FindJobRow(connection, job.id);
    if (!row_id) return Fail(row_id.error());
    if (!*row_id) return Fail(NotFound("import job \"" + job.id + "\""));
    auto statement = connection.Prepare(kUpdateJob);
    if (!statement) return Fail(statement.error());
    BindProgress(**statement, 1, job);
    (*statement)->BindInt(10, **row_id);
    return (*statement)->Run();
  });
}

}  // namespace buyalign::storage
