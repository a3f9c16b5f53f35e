#pragma once

#include <string>

#include "core/result.hpp"

namespace buyalign::http {

struct ServeOptions {
  std::string db = "buyalign.db";
  std::string host = "127.0.0.1";
  int port = 8080;       // 0 picks a free port
  std::string web_root;  // the built web interface; empty serves a placeholder page
  int threads = 0;       // 0: one worker thread per core
};

// Opens the store, binds, prints exactly one line "listening on http://HOST:PORT" to stdout
// (flushed; with port 0 it names the port picked), serves until SIGINT or SIGTERM, and returns
// after a graceful shutdown. Fails before serving when the store cannot be opened or the address
// cannot be bound. Logs (access lines included) go to stderr.
core::Status Serve(const ServeOptions& options);

}  // namespace buyalign::http
