#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <utility>

#include "http/error_response.hpp"
#include "http/query.hpp"
#include "http/router.hpp"

namespace buyalign::http {
namespace {

constexpr std::string_view kPlaceholder = R"(<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Buyalign</title></head>
<body>
<h1>Buyalign</h1>
<p>The web interface is not built yet. Build it in <code>web/</code> (it lands in
<code>web/dist</code>) or start the server with <code>--web-root DIR</code>.</p>
<p>The API is up: see its description at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</body>
</html>
)";

Response PlaceholderPage() {
  Response page;
  page.content_type = "text/html; charset=utf-8";
  page.body = kPlaceholder;
  return page;
}

Response NotFound() { return ErrorResponse(core::Error::NotFound("no such file")); }

bool IsInside(const std::filesystem::path& root, const std::filesystem::path& path) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (file_name.size() >= extension.size() &&
        file_name.substr(file_name.size() - extension.size()) == extension) {
      return type;
    }
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::filesystem::path root) {
  std::error_code ec;
  if (!root.empty() && std::filesystem::is_directory(root, ec)) {
    root_ = std::filesystem::canonical(root, ec);
    if (ec) root_.clear();
  }
}

Response StaticFiles::Serve(std::string_view raw_path) const {
  auto decoded = PercentDecode(raw_path);
  if (!decoded) return ErrorResponse(decoded.error());
  std::filesystem::path relative;
  for (std::string_view segment : SplitPath(*decoded)) {
    if (segment == ".." || segment == "." || segment.find('\\') != std::string_view::npos ||
        segment.find('\0') != std::string_view::npos) {
      return NotFound();
    }
    relative /= std::string(segment);
  }
  if (root_.empty()) return PlaceholderPage();
  std::error_code ec;
  const std::filesystem::path index = root_ / "index.html";
  if (!relative.empty()) {
    const std::filesystem::path candidate = std::filesystem::weakly_canonical(root_ / relative, ec);
    if (!ec && IsInside(root_, candidate) && std::filesystem::is_regular_file(candidate, ec)) {
      return ServeFile(candidate);
    }
    // A missing asset is a 404; any other path is a client-side route of the app.
    if (relative.filename().string().find('.') != std::string::npos) return NotFound();
  }
  if (std::filesystem::is_regular_file(index, ec)) return ServeFile(index);
  return PlaceholderPage();
}

Response StaticFiles::ServeFile(const std::filesystem::path& file) const {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound();
  Response response;
  response.content_type = std::string(ContentTypeFor(file.filename().string()));
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  // Hashed asset names can be cached for long; index.html must be revalidated to pick up builds.
  response.headers.emplace_back(
      "Cache-Control", file.filename() == "index.html" ? "no-cache" : "public, max-age=3600");
  return response;
}

}  // namespace buyalign::http
