#include "http/import_job_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>

#include "core/enum_names.hpp"
#include "crm/source_error.hpp"

namespace buyalign::http {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
using storage::ImportJobStatus;

void String(Writer& out, std::string_view text) {
  out.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void Time(Writer& out, const char* key, const std::optional<core::Timestamp>& at) {
  if (!at) return;
  out.Key(key);
  String(out, core::FormatTimestamp(*at));
}

// Copies a JSON text the job keeps (written by this file or by ImportReport::ToJson).
void Embed(Writer& out, const char* key, const std::string& json) {
  if (json.empty()) return;
  rapidjson::Document doc;
  doc.Parse(json.c_str(), json.size());
  if (doc.HasParseError()) return;  // only this server writes it; never fail a read on it
  out.Key(key);
  doc.Accept(out);
}

}  // namespace

std::string ImportErrorJson(const core::Error& error, const std::vector<std::string>& files) {
  std::string message = error.message;
  if (error.code == core::ErrorCode::kInternal) {
    spdlog::error("import failed: {}", core::Describe(error));
    message = "internal error; the server log has the details";
  }
  const crm::SourcePosition at = crm::PositionOf(error, files);
  rapidjson::StringBuffer buffer;
  Writer out(buffer);
  out.StartObject();
  out.Key("code");
  String(out, core::CodeName(error.code));
  out.Key("message");
  String(out, message);
  if (!at.file.empty()) {
    out.Key("file");
    String(out, at.file);
  }
  if (at.line > 0) {
    out.Key("line");
    out.Int64(at.line);
  }
  if (at.column > 0) {
    out.Key("column");
    out.Int64(at.column);
  }
  if (!error.field.empty()) {
    out.Key("field");
    String(out, error.field);
  }
  out.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

storage::ImportJob AsSeenNow(storage::ImportJob job,
                             const std::optional<ImportQueue::Progress>& live,
                             core::Timestamp now) {
  const bool ended =
      job.status == ImportJobStatus::kSucceeded || job.status == ImportJobStatus::kFailed;
  if (ended) return job;
  if (live) {
    job.phase = live->phase;
    job.done = live->done;
    job.total = live->total;
    return job;
  }
  if (now - job.heartbeat_at > kImportJobLostAfter) {
    job.status = ImportJobStatus::kFailed;
    job.error_json = ImportErrorJson(
        core::Error{core::ErrorCode::kUnavailable,
                    "the server running this import stopped before it finished; nothing was "
                    "imported: upload the files again",
                    {}},
        {});
  }
  return job;
}

std::string ImportJobJson(const storage::ImportJob& job) {
  rapidjson::StringBuffer buffer;
  Writer out(buffer);
  out.StartObject();
  out.Key("id");
  String(out, job.id);
  out.Key("kind");
  String(out, job.kind);
  out.Key("status");
  String(out, core::EnumName(storage::kImportJobStatusNames, job.status));
  out.Key("files");
  out.StartArray();
  for (const auto& file : job.files) String(out, file);
  out.EndArray();
  if (!job.created_by.empty()) {
    out.Key("created_by");
    String(out, job.created_by);
  }
  Time(out, "created_at", job.created_at);
  Time(out, "started_at", job.started_at);
  Time(out, "finished_at", job.finished_at);
  out.Key("progress");
  out.StartObject();
  out.Key("phase");
  String(out, job.phase);
  out.Key("done");
  out.Int64(job.done);
  out.Key("total");
  out.Int64(job.total);
  out.Key("percent");
  out.Int64(job.total > 0 ? job.done * 100 / job.total : 0);
  out.EndObject();
  if (job.status == ImportJobStatus::kSucceeded) Embed(out, "summary", job.summary_json);
  if (job.status == ImportJobStatus::kFailed) Embed(out, "error", job.error_json);
  out.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace buyalign::http
