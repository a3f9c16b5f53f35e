#include "http/application.hpp"

#include <chrono>
#include <exception>

#include <spdlog/spdlog.h>

#include "http/api_routes.hpp"
#include "http/authenticator.hpp"
#include "http/error_response.hpp"

namespace buyalign::http {
namespace {

constexpr std::string_view kStaticLabel = "static";
constexpr std::string_view kUnmatchedLabel = "unmatched";
constexpr size_t kJsonBodyLimit = size_t{1} << 20;
constexpr size_t kIngestBodyLimit = size_t{256} << 20;

bool IsApiPath(std::string_view path) { return path == "/api" || path.substr(0, 5) == "/api/"; }

}  // namespace

Application::Application(storage::Store& store, const methodology::Methodology& methodology,
                         std::filesystem::path web_root)
    : readiness_(store, methodology),
      actions_(readiness_),
      imports_(store),
      ctx_{store, methodology, metrics_, &readiness_, &actions_, &imports_},
      router_(BuildApiRouter(ctx_)),
      static_files_(std::move(web_root)) {}

size_t Application::MaxBodyBytes(std::string_view path) {
  return path == "/api/v1/ingest" || path == "/api/v1/imports" ? kIngestBodyLimit : kJsonBodyLimit;
}

size_t Application::LargestBodyBytes() { return kIngestBodyLimit; }

Response Application::Handle(Request& request, std::string_view* route_label) {
  const auto start = std::chrono::steady_clock::now();
  *route_label = kUnmatchedLabel;
  Response response;
  try {
    response = Dispatch(request, route_label);
  } catch (const std::exception& e) {
    spdlog::error("unhandled exception in {} {}: {}", request.method, request.path, e.what());
    response = ErrorResponse(MakeError(core::ErrorCode::kInternal, "unhandled exception"));
  } catch (...) {
    spdlog::error("unhandled non-standard exception in {} {}", request.method, request.path);
    response = ErrorResponse(MakeError(core::ErrorCode::kInternal, "unhandled exception"));
  }
  metrics_.ObserveRequest(
      *route_label, response.status,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return response;
}

Response Application::Dispatch(Request& request, std::string_view* route_label) {
  auto match = router_.Match(request.method, request.path, &request.params);
  if (!match) return ErrorResponse(match.error());
  if (match->route != nullptr) {
    *route_label = match->route->label;
    const Access& access = match->route->access;
    if (!access.is_public) {
      auto caller =
          ctx_.Db("authenticate", [&] { return Authenticate(ctx_.store, request, access); });
      if (!caller) return AuthFailure(caller.error());
      request.caller = std::move(*caller);
    }
    return match->route->handler(request);
  }
  if (!match->allow.empty()) {
    Response response = ErrorResponse(core::Error::Invalid(
        "method " + request.method + " is not allowed here; use " + match->allow));
    response.status = 405;
    response.headers.emplace_back("Allow", match->allow);
    return response;
  }
  if (request.method == "GET" && !IsApiPath(request.path)) {
    *route_label = kStaticLabel;
    return static_files_.Serve(request.path);
  }
  return ErrorResponse(
      core::Error::NotFound("no route matches " + request.method + " on this path"));
}

}  // namespace buyalign::http
