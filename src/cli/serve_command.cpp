#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "http/serve.hpp"

namespace buyalign::cli {

// `buyalign serve`: the REST API, the metrics and the web interface on one port.
void AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<http::ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the REST API and the web interface");
  cmd->add_option("--db", options->db, "Database file")->capture_default_str();
  cmd->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", options->port, "Port to listen on (0 picks a free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--web-root", options->web_root,
                  "Directory of the built web interface (default: web/dist when it exists)");
  cmd->add_option("--threads", options->threads, "Worker threads (0: one per core)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->callback([options] {
    std::error_code ec;
    if (options->web_root.empty() && std::filesystem::is_directory("web/dist", ec)) {
      options->web_root = "web/dist";
    }
    auto served = http::Serve(*options);
    if (!served) {
      std::cerr << "buyalign: " << core::Describe(served.error()) << "\n";
      ExitCode() =
          served.error().code == core::ErrorCode::kInvalidArgument ? kExitBadInput : kExitFailure;
    }
  });
}

}  // namespace buyalign::cli
