#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace buyalign::api_test {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  // The body parsed as JSON (a parse error leaves the document with HasParseError()).
  rapidjson::Document Json() const;
  // error.code of a JSON error body, or "" when there is none.
  std::string ErrorCode() const;
};

// A small synchronous HTTP/1.1 client for the API tests: one keep-alive connection to
// 127.0.0.1:port, reopened when the server closes it. Not thread-safe.
//
// It authenticates by default: every request (raw ones too) carries `Authorization: Bearer
// <token>` with the admin token of the ServerProcess on that port, unless the request brings
// its own Authorization or Cookie header. SetBearerToken changes the token ("" sends none).
class HttpClient {
 public:
  explicit HttpClient(int port);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;

  void SetBearerToken(std::string token) { token_ = std::move(token); }
  const std::string& bearer_token() const { return token_; }

  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& body = {},
                  const std::vector<std::pair<std::string, std::string>>& headers = {},
                  const std::string& content_type = "application/json");

  HttpResult Get(const std::string& target) { return Send("GET", target); }
  HttpResult Post(const std::string& target, const std::string& body) {
    return Send("POST", target, body);
  }
  // PUT/PATCH/DELETE with If-Match (omitted when `version` is 0).
  HttpResult Write(const std::string& method, const std::string& target, const std::string& body,
                   long long version);

  // Sends only a header announcing `content_length` bytes with "Expect: 100-continue" and
  // returns the server's first answer (the test of refusing a body before it is sent).
  HttpResult SendExpectContinue(const std::string& target, size_t content_length);

  // Writes raw bytes on a fresh connection and reads one response.
  HttpResult SendRaw(const std::string& bytes);
  // The same in two steps, so a test can act between them (a request in flight).
  void StartRaw(const std::string& bytes);
  HttpResult FinishRaw(const std::string& bytes);

 private:
  // `bytes` with the Authorization header added after the request line, when one is due.
  std::string WithToken(const std::string& bytes) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string token_;
};

}  // namespace buyalign::api_test
