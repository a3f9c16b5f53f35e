#include "http/access_log.hpp"

#include <unistd.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

namespace buyalign::http {
namespace {

// The path comes from the client: escape it so each log line stays one valid JSON object.
std::string JsonEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20 || u >= 0x7F) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Writes lines to stderr in batches: a system call per request would be a noticeable share of a
// fast request under load. A batch goes out at 64 KiB, at the first line more than 200 ms after
// the previous write (so a quiet server logs at once), and on flush (every second, and at
// shutdown). Thread-safe through base_sink's mutex.
class BatchingStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(message, formatted);
    buffer_.append(formatted.data(), formatted.size());
    if (buffer_.size() >= kBatchBytes ||
        std::chrono::steady_clock::now() - last_write_ > kMaxDelay) {
      flush_();
    }
  }

  void flush_() override {
    size_t written = 0;
    while (written < buffer_.size()) {
      const ssize_t n = ::write(STDERR_FILENO, buffer_.data() + written, buffer_.size() - written);
      if (n <= 0) break;  // stderr gone: drop the batch rather than block requests
      written += static_cast<size_t>(n);
    }
    buffer_.clear();
    last_write_ = std::chrono::steady_clock::now();
  }

 private:
  static constexpr size_t kBatchBytes = 64 * 1024;
  static constexpr std::chrono::milliseconds kMaxDelay{200};
  std::string buffer_;
  std::chrono::steady_clock::time_point last_write_{};
};

spdlog::logger& AccessLogger() {
  static const std::shared_ptr<spdlog::logger> logger = [] {
    auto created =
        std::make_shared<spdlog::logger>("access", std::make_shared<BatchingStderrSink>());
    created->set_pattern("%v");
    spdlog::register_logger(created);
    spdlog::flush_every(std::chrono::seconds(1));
    return created;
  }();
  return *logger;
}

}  // namespace

void LogAccess(std::string_view method, std::string_view path, std::string_view route, int status,
               size_t bytes, double duration_ms) {
  AccessLogger().info(
      R"({{"method":"{}","path":"{}","route":"{}","status":{},"bytes":{},"duration_ms":{:.3f}}})",
      JsonEscape(method), JsonEscape(path), JsonEscape(route), status, bytes, duration_ms);
}

void FlushAccessLog() { AccessLogger().flush(); }

}  // namespace buyalign::http
