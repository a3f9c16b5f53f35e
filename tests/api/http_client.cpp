#include <utility>  // before any Asio header: Boost 1.74 with g++ 12 needs it

#include "http_client.hpp"

#include <algorithm>
#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server_process.hpp"

namespace buyalign::api_test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

rapidjson::Document HttpResult::Json() const {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  return doc;
}

std::string HttpResult::ErrorCode() const {
  rapidjson::Document doc = Json();
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("error")) return {};
  return doc["error"]["code"].GetString();
}

struct HttpClient::Impl {
  explicit Impl(int port) : endpoint(asio::ip::make_address("127.0.0.1"), port) {}

  void Connect() {
    socket = std::make_unique<tcp::socket>(ioc);
    socket->connect(endpoint);
    buffer.clear();
  }

  // Reads the final response, skipping interim ones (100 Continue).
  HttpResult ReadResponse() {
    std::optional<bhttp::response_parser<bhttp::string_body>> parser;
    do {
      parser.emplace();
      parser->body_limit(1ull << 32);
      bhttp::read(*socket, buffer, *parser);
    } while (parser->get().result_int() / 100 == 1);
    auto& message = parser->get();
    HttpResult result;
    result.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      std::string name(field.name_string().data(), field.name_string().size());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      result.headers[name] = std::string(field.value().data(), field.value().size());
    }
    result.body = std::move(message.body());
    if (!message.keep_alive()) socket.reset();
    return result;
  }

  asio::io_context ioc;
  tcp::endpoint endpoint;
  std::unique_ptr<tcp::socket> socket;
  beast::flat_buffer buffer;
};

namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

HttpClient::HttpClient(int port)
    : impl_(std::make_unique<Impl>(port)), token_(AdminTokenFor(port)) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResult HttpClient::Send(const std::string& method, const std::string& target,
                            const std::string& body,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& content_type) {
  bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
  request.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty()) request.set(bhttp::field::content_type, content_type);
  const bool own_credentials = std::any_of(headers.begin(), headers.end(), [](const auto& h) {
    const std::string name = Lower(h.first);
    return name == "authorization" || name == "cookie";
  });
  if (!token_.empty() && !own_credentials) {
    request.set(bhttp::field::authorization, "Bearer " + token_);
  }
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  // A kept-alive connection may have been closed by the server meanwhile: retry once, fresh.
  for (int attempt = 0;; ++attempt) {
    const bool reused = impl_->socket != nullptr;
    if (!reused) impl_->Connect();
    try {
      bhttp::write(*impl_->socket, request);
      return impl_->ReadResponse();
    } catch (const beast::system_error&) {
      impl_->socket.reset();
      if (!reused || attempt > 0) throw;
    }
  }
}

HttpResult HttpClient::Write(const std::string& method, const std::string& target,
                             const std::string& body, long long version) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (version > 0) headers.emplace_back("If-Match", "\"" + std::to_string(version) + "\"");
  return Send(method, target, body, headers);
}

HttpResult HttpClient::SendExpectContinue(const std::string& target, size_t content_length) {
  impl_->Connect();
  const std::string head = "POST " + target +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           "Expect: 100-continue\r\nContent-Length: " +
                           std::to_string(content_length) + "\r\n\r\n";
  asio::write(*impl_->socket, asio::buffer(WithToken(head)));
  HttpResult result = impl_->ReadResponse();
  impl_->socket.reset();
  return result;
}

HttpResult HttpClient::SendRaw(const std::string& bytes) {
  StartRaw(bytes);
  return FinishRaw({});
}

void HttpClient::StartRaw(const std::string& bytes) {
  impl_->Connect();
  asio::write(*impl_->socket, asio::buffer(WithToken(bytes)));
}

std::string HttpClient::WithToken(const std::string& bytes) const {
  const size_t line_end = bytes.find("\r\n");
  const size_t head_end = bytes.find("\r\n\r\n");
  if (token_.empty() || line_end == std::string::npos || head_end == std::string::npos) {
    return bytes;
  }
  const std::string head = Lower(bytes.substr(0, head_end));
  if (head.find("\r\nauthorization:") != std::string::npos ||
      head.find("\r\ncookie:") != std::string::npos) {
    return bytes;
  }
  std::string out = bytes;
  out.insert(line_end + 2, "Authorization: Bearer " + token_ + "\r\n");
  return out;
}

HttpResult HttpClient::FinishRaw(const std::string& bytes) {
  if (!bytes.empty()) asio::write(*impl_->socket, asio::buffer(bytes));
  HttpResult result = impl_->ReadResponse();
  impl_->socket.reset();
  return result;
}

}  // namespace buyalign::api_test
