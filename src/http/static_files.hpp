#pragma once

#include <filesystem>
#include <string>

#include "http/request.hpp"

namespace buyalign::http {

// Serves the built web interface from a directory. Paths that name no file get index.html (the
// single-page app routes them itself), except paths that look like a file ("app.js"), which get
// 404. When the directory has no index.html, a placeholder page says the interface is not built
// and links the API document. Never serves anything outside the directory: ".." segments,
// backslashes and NUL bytes are refused, and the resolved path must stay inside the root.
// Immutable after construction; safe to use from any number of threads.
class StaticFiles {
 public:
  // An empty or missing `root` serves only the placeholder page.
  explicit StaticFiles(std::filesystem::path root);

  // Answers a GET for `raw_path` (percent-encoded, without the query).
  Response Serve(std::string_view raw_path) const;

 private:
  Response ServeFile(const std::filesystem::path& file) const;

  std::filesystem::path root_;  // canonical, or empty when there is no web root
};

// The Content-Type for a file name, from its extension; application/octet-stream if unknown.
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace buyalign::http
