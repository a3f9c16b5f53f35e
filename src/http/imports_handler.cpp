#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "core/enum_names.hpp"
#include "http/api_json.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/import_form.hpp"
#include "http/import_job_json.hpp"
#include "http/query.hpp"

// POST /api/v1/imports and GET /api/v1/imports/{id}: CRM exports uploaded from a browser,
// imported in the background by the ImportQueue.
namespace buyalign::http {
namespace {

// A new private folder for one upload (mkdtemp: mode 0700, a name nobody can guess).
core::Result<std::filesystem::path> NewUploadFolder() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "buyalign-upload-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return core::Fail(core::Error::Internal("cannot create an upload folder in " + pattern));
  }
  return std::filesystem::path(pattern);
}

core::Status SaveFiles(const std::filesystem::path& dir, const ImportForm& form) {
  for (const auto& file : form.files) {
    std::ofstream out(dir / file.name, std::ios::binary | std::ios::trunc);
    out.write(file.body.data(), static_cast<std::streamsize>(file.body.size()));
    if (!out.flush()) {
      return core::Fail(
          core::Error::Internal("cannot write the upload " + (dir / file.name).string()));
    }
  }
  return {};
}

Response JobResponse(int status, const storage::ImportJob& job) {
  Response response = JsonResponse(status, ImportJobJson(job));
  response.headers.emplace_back("Location", "/api/v1/imports/" + PercentEncodeSegment(job.id));
  return response;
}

// Checks the form, saves its files to a fresh folder, records the job as queued and hands it to
// the queue: 202 with the job, to poll at its Location.
Response CreateImport(ApiContext& ctx, const Request& request) {
  auto boundary = FormDataBoundary(request.Header("content-type"));
  if (!boundary) return ErrorResponse(boundary.error());
  auto parts = ParseFormData(request.body, *boundary);
  if (!parts) return ErrorResponse(parts.error());
  auto form = ReadImportForm(*parts);
  if (!form) return ErrorResponse(form.error());
  if (ctx.imports == nullptr) {
    return ErrorResponse(MakeError(core::ErrorCode::kUnavailable, "this server runs no imports"));
  }
  auto dir = NewUploadFolder();
  if (!dir) return ErrorResponse(dir.error());
  if (auto saved = SaveFiles(*dir, *form); !saved) {
    std::error_code ec;
    std::filesystem::remove_all(*dir, ec);
    return ErrorResponse(saved.error());
  }

  storage::ImportJob job;
  job.id = GenerateId("imp-");
  job.kind = std::string(core::EnumName(crm::kUploadKindNames, form->kind));
  for (const auto& file : form->files) job.files.push_back(file.name);
  job.created_by = request.caller.user_id;
  job.created_at = job.heartbeat_at = core::Now();
  if (auto created = ctx.Db("createImport", [&] { return ctx.store.CreateImportJob(job); });
      !created) {
    std::error_code ec;
    std::filesystem::remove_all(*dir, ec);
    return ErrorResponse(created.error());
  }
  crm::UploadImport upload{form->kind,       *dir,
                           job.files,        std::move(form->mapping),
                           form->date_order, request.caller.actor()};
  ctx.imports->Enqueue(job.id, std::move(upload));
  return JobResponse(202, job);
}

Response GetImport(ApiContext& ctx, const Request& request) {
  const std::string id(request.Param("id"));
  auto job = ctx.Db("getImport", [&] { return ctx.store.GetImportJob(id); });
  if (!job) return ErrorResponse(job.error());
  std::optional<ImportQueue::Progress> live;
  if (ctx.imports != nullptr) live = ctx.imports->Live(id);
  return JobResponse(200, AsSeenNow(std::move(*job), live, core::Now()));
}

}  // namespace

void AddImportRoutes(Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/imports", "createImport",
             Access::To(auth::Resource::kIngest, auth::Action::kCreate),
             [&ctx](Request& request) { return CreateImport(ctx, request); });
  router.Add("GET", "/api/v1/imports/{id}", "getImport",
             Access::To(auth::Resource::kIngest, auth::Action::kRead),
             [&ctx](Request& request) { return GetImport(ctx, request); });
}

}  // namespace buyalign::http
