#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "http/application.hpp"

namespace buyalign::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  int threads = 0;  // worker threads; 0 means one per core
  size_t header_limit = 16 * 1024;
  // An idle keep-alive connection, or a client that stops sending mid-request, is closed after
  // this long.
  std::chrono::seconds read_timeout{30};
  // A large ingest body may take a while to upload.
  std::chrono::seconds body_timeout{300};
};

// Runs an HTTP/1.1 server for `app` until SIGINT or SIGTERM, then shuts down gracefully: stops
// accepting, closes idle connections, lets requests in flight finish and answers them with
// "Connection: close", and returns once every connection has ended. `on_listening` is called
// once with the bound port before any request is served. Fails (without serving) when the
// address cannot be bound.
core::Status RunServer(const ServerConfig& config, Application& app,
                       const std::function<void(int port)>& on_listening);

}  // namespace buyalign::http
