#include "storage/postgres/postgres_url.hpp"

#include <charconv>

namespace buyalign::storage::postgres {

namespace {

constexpr int kMinPool = 2;
constexpr int kMaxPool = 256;
constexpr std::string_view kDefaultConnectTimeout = "connect_timeout=2";

core::Result<int> ParseInt(std::string_view name, std::string_view text, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return core::Fail(core::Error::Invalid("the database URL's " + std::string(name) +
                                               " must be a whole number from " +
                                               std::to_string(min) + " to " + std::to_string(max),
                                           "database"));
  }
  return value;
}

// Where the authority (user@host:port) of `url` ends: at the path or the query.
size_t AuthorityEnd(std::string_view url) {
  size_t scheme = url.find("://");
  size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t end = url.find_first_of("/?", start);
  return end == std::string_view::npos ? url.size() : end;
}

}  // namespace

core::Result<PostgresConfig> ParsePostgresUrl(std::string_view url) {
  PostgresConfig config;
  size_t question = url.find('?');
  std::string_view base = url.substr(0, question);
  std::string_view query = question == std::string_view::npos ? "" : url.substr(question + 1);
  std::string kept;
  bool has_connect_timeout = false;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? "" : query.substr(amp + 1);
    size_t eq = param.find('=');
    std::string_view name = param.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? "" : param.substr(eq + 1);
    if (name == "pool") {
      auto pool = ParseInt(name, value, kMinPool, kMaxPool);
      if (!pool) return core::Fail(pool.error());
      config.pool_size = *pool;
    } else if (name == "statement_timeout") {
      auto timeout = ParseInt(name, value, 0, 24 * 3600 * 1000);
      if (!timeout) return core::Fail(timeout.error());
      config.statement_timeout_ms = *timeout;
    } else if (!param.empty()) {
      has_connect_timeout = has_connect_timeout || name == "connect_timeout";
      kept += (kept.empty() ? "" : "&") + std::string(param);
    }
  }
  if (!has_connect_timeout) kept += (kept.empty() ? "" : "&") + std::string(kDefaultConnectTimeout);
  config.conninfo = std::string(base) + "?" + kept;
  return config;
}

std::string WithDatabase(std::string_view url, std::string_view database) {
  size_t authority_end = AuthorityEnd(url);
  size_t question = url.find('?', authority_end);
  std::string out(url.substr(0, authority_end));
  out += "/";
  out += database;
  if (question != std::string_view::npos) out += url.substr(question);
  return out;
}

}  // namespace buyalign::storage::postgres
