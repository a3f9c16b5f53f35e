#pragma once

#include <cstddef>
#include <string_view>

#include "http/api_context.hpp"
#include "http/import_queue.hpp"
#include "http/metrics.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace buyalign::http {

// Everything the server does with a request, with no networking in it: routing, the API
// handlers, static files, metrics and the last-resort exception guard. The store must outlive
// the application. Handle is safe to call from many threads at once.
class Application {
 public:
  Application(storage::Store& store, const methodology::Methodology& methodology,
              std::filesystem::path web_root);
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // Answers one request; never throws. `route_label` receives the matched route template (for
  // the access log), "static" or "unmatched"; it points into storage owned by the application.
  Response Handle(Request& request, std::string_view* route_label);

  // The largest body accepted for a request to `path`: 256 MiB for ingest and imports, 1 MiB
  // otherwise.
  static size_t MaxBodyBytes(std::string_view path);
  // The largest MaxBodyBytes of any path.
  static size_t LargestBodyBytes();

  const Router& router() const { return router_; }
  Metrics& metrics() { return metrics_; }

 private:
  Response Dispatch(Request& request, std::string_view* route_label);

  Metrics metrics_;
  service::ReadinessService readiness_;
  service::NextActionsService actions_;
  ImportQueue imports_;
  ApiContext ctx_;
  Router router_;  // handlers refer to ctx_, declared before it
  StaticFiles static_files_;
};

}  // namespace buyalign::http
