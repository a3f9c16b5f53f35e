#include "http/serve.hpp"

#include <cstdio>
#include <memory>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "http/access_log.hpp"
#include "http/application.hpp"
#include "http/server.hpp"
#include "methodology/methodology.hpp"
#include "storage/open_store.hpp"

namespace buyalign::http {

core::Status Serve(const ServeOptions& options) {
  // stdout is reserved for the one "listening on" line that scripts and tests wait for.
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "buyalign", std::make_shared<spdlog::sinks::stderr_sink_mt>()));

  auto store = storage::OpenStore(options.db);
  if (!store) return core::Fail(store.error());
  Application app(**store, methodology::Methodology::Default(), options.web_root);

  ServerConfig config;
  config.host = options.host;
  config.port = options.port;
  config.threads = options.threads;
  auto served = RunServer(config, app, [&](int port) {
    std::printf("listening on http://%s:%d\n", options.host.c_str(), port);
    std::fflush(stdout);
    spdlog::info("serving {} on {}:{}", options.db, options.host, port);
  });
  FlushAccessLog();
  spdlog::info("stopped");
  return served;
}

}  // namespace buyalign::http
