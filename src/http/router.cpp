#include "http/router.hpp"

#include "http/query.hpp"

namespace buyalign::http {
namespace {

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool SegmentsMatch(const Route& route, const std::vector<std::string_view>& parts) {
  if (route.segments.size() != parts.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!IsParam(route.segments[i]) && route.segments[i] != parts[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return parts;
}

void Router::Add(std::string method, std::string pattern, std::string operation_id, Access access,
                 Handler handler) {
  Route route;
  route.label = method + " " + pattern;
  for (std::string_view segment : SplitPath(pattern)) route.segments.emplace_back(segment);
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.operation_id = std::move(operation_id);
  route.access = access;
  route.handler = std::move(handler);
  routes_.push_back(std::move(route));
}

core::Result<RouteMatch> Router::Match(std::string_view method, std::string_view path,
                                       std::vector<NameValue>* params) const {
  const std::vector<std::string_view> parts = SplitPath(path);
  RouteMatch match;
  for (const Route& route : routes_) {
    if (!SegmentsMatch(route, parts)) continue;
    if (route.method != method) {
      if (match.allow.find(route.method) == std::string::npos) {
        if (!match.allow.empty()) match.allow += ", ";
        match.allow += route.method;
      }
      continue;
    }
    params->clear();
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::string& segment = route.segments[i];
      if (!IsParam(segment)) continue;
      auto value = PercentDecode(parts[i]);
      if (!value) return core::Fail(value.error());
      params->emplace_back(segment.substr(1, segment.size() - 2), std::move(*value));
    }
    match.route = &route;
    match.allow.clear();
    return match;
  }
  return match;
}

}  // namespace buyalign::http
