#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/caller.hpp"

// The plain request and response types handlers see. They carry no Beast types, so handler files
// compile without the (slow) Boost.Beast headers; only server.cpp converts to and from the wire.
namespace buyalign::http {

using NameValue = std::pair<std::string, std::string>;

// One HTTP request as a handler sees it. Owned by the connection that read it; a handler may move
// the body out. Not thread-safe (one request is handled by one thread at a time).
struct Request {
  std::string method;              // "GET", "POST", ...
  std::string path;                // the raw (still percent-encoded) path, without the query
  std::vector<NameValue> query;    // decoded query parameters, in order
  std::vector<NameValue> headers;  // names in lower case
  std::string body;
  std::vector<NameValue> params;  // decoded path parameters, filled in by the router
  std::string remote_address;     // the peer's IP address (a proxy's, behind one)
  Caller caller;                  // who is asking, filled in before the handler runs

  // The first value of a header (name in lower case), or "" when absent.
  std::string_view Header(std::string_view lower_name) const { return Find(headers, lower_name); }
  // The first value of a query parameter, or "" when absent.
  std::string_view Query(std::string_view name) const { return Find(query, name); }
  // A path parameter of the matched route ("id"), or "" when the route has none of that name.
  std::string_view Param(std::string_view name) const { return Find(params, name); }

 private:
  static std::string_view Find(const std::vector<NameValue>& list, std::string_view name) {
    for (const auto& [key, value] : list) {
      if (key == name) return value;
    }
    return {};
  }
};

// One HTTP response. `content_type` is sent as Content-Type unless empty; `headers` are sent as
// given (ETag, Location, Allow, ...).
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<NameValue> headers;
  std::string body;
};

}  // namespace buyalign::http
