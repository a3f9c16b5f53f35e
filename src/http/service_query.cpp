#include "http/service_query.hpp"

#include <charconv>
#include <string>
#include <string_view>

namespace buyalign::http {

core::Result<core::Timestamp> AsOfFromQuery(const Request& request) {
  const std::string_view text = request.Query("as_of");
  if (text.empty()) return core::Now();
  auto parsed = core::ParseTimestamp(text);
  if (!parsed) {
    return core::Fail(
        core::Error::Invalid("must be an ISO 8601 time such as 2026-03-15T12:00:00Z", "as_of"));
  }
  return *parsed;
}

core::Result<size_t> LimitFromQuery(const Request& request, size_t fallback) {
  const std::string_view text = request.Query("limit");
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > 1000) {
    return core::Fail(core::Error::Invalid("must be an integer from 1 to 1000", "limit"));
  }
  return static_cast<size_t>(value);
}

core::Status RequireServices(const ApiContext& ctx) {
  if (ctx.readiness == nullptr || ctx.actions == nullptr) {
    return core::Fail(core::Error::Internal("readiness services are not configured"));
  }
  return {};
}

}  // namespace buyalign::http
