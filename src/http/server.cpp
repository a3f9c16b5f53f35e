#include <utility>  // before any Asio header: Boost 1.74 with g++ 12 needs it

#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <list>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/access_log.hpp"
#include "http/error_response.hpp"
#include "http/query.hpp"
#include "http/security_headers.hpp"

namespace buyalign::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// One client connection. Owned jointly by its coroutine and, while it is registered, by the
// server's connection list (so shutdown can reach it). `stream` and `busy` are only touched on
// the connection's strand.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool busy = false;  // between reading a request header and finishing its response
};

// State shared by the acceptor and every connection of one server run. `stopping` may be read
// from any thread; the connection list is guarded by `mu`.
class ServerState {
 public:
  ServerState(const ServerConfig& config, Application& app) : config_(config), app_(app) {}

  const ServerConfig& config() const { return config_; }
  Application& app() { return app_; }
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }

  std::list<std::shared_ptr<Connection>>::iterator Register(std::shared_ptr<Connection> conn) {
    std::lock_guard lock(mu_);
    return connections_.insert(connections_.end(), std::move(conn));
  }
  void Unregister(std::list<std::shared_ptr<Connection>>::iterator it) {
    std::lock_guard lock(mu_);
    connections_.erase(it);
  }

  // Marks the server as stopping and cancels the reads of idle connections. A busy connection
  // finishes its request, answers it with "Connection: close" and ends by itself.
  void BeginShutdown() {
    stopping_.store(true, std::memory_order_release);
    std::lock_guard lock(mu_);
    for (const auto& conn : connections_) {
      asio::post(conn->stream.get_executor(), [conn] {
        if (!conn->busy) conn->stream.cancel();
      });
    }
  }

 private:
  const ServerConfig& config_;
  Application& app_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::list<std::shared_ptr<Connection>> connections_;  // guarded by mu_
};

std::string_view ToStd(beast::string_view text) { return {text.data(), text.size()}; }

bool IsHttpProtocolError(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

Request ToRequest(bhttp::request<bhttp::string_body>& message, core::Status* query_status) {
  Request request;
  request.method = std::string(ToStd(message.method_string()));
  *query_status = ParseTarget(ToStd(message.target()), request);
  request.headers.reserve(8);
  for (const auto& field : message) {
    std::string name(ToStd(field.name_string()));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.headers.emplace_back(std::move(name), std::string(ToStd(field.value())));
  }
  request.body = std::move(message.body());
  return request;
}

bhttp::response<bhttp::string_body> ToBeast(Response&& response, unsigned version,
                                            bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
  if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) out.set(name, value);
  for (const auto& [name, value] : kSecurityHeaders) {
    out.set(beast::string_view(name.data(), name.size()),
            beast::string_view(value.data(), value.size()));
  }
  out.keep_alive(keep_alive);
  out.body() = std::move(response.body);
  out.prepare_payload();
  return out;
}

// What one exchange did, for the access log.
struct Exchange {
  std::string method;
  std::string path;
  std::string_view route = "unmatched";
  Clock::time_point start = Clock::now();
};

// Writes `response`, then logs the exchange. Returns the write error, if any.
asio::awaitable<beast::error_code> Respond(Connection& conn, ServerState& state, Response response,
                                           unsigned version, bool keep_alive,
                                           const Exchange& exchange) {
  const int status = response.status;
  auto message = ToBeast(std::move(response), version, keep_alive);
  const size_t bytes = message.body().size();
  beast::error_code ec;
  conn.stream.expires_after(state.config().read_timeout);
  co_await bhttp::async_write(conn.stream, message, asio::redirect_error(asio::use_awaitable, ec));
  LogAccess(exchange.method, exchange.path, exchange.route, status, bytes,
            std::chrono::duration<double, std::milli>(Clock::now() - exchange.start).count());
  co_return ec;
}

// Answers a request the server refused before it reached the application ("Connection: close"),
// then reads and discards what the client still sends for a moment: closing a socket with unread
// data makes the kernel send a reset, which could destroy the answer before the client reads it.
asio::awaitable<void> Refuse(Connection& conn, ServerState& state, Exchange exchange,
                             Response response) {
  state.app().metrics().ObserveRequest(
      exchange.route, response.status,
      std::chrono::duration<double>(Clock::now() - exchange.start).count());
  beast::error_code ec = co_await Respond(conn, state, std::move(response), 11, false, exchange);
  if (ec) co_return;
  conn.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn.stream.expires_after(std::chrono::seconds(1));
  std::vector<char> sink(64 * 1024);
  for (size_t drained = 0; !ec && drained < (size_t{64} << 20);) {
    drained += co_await conn.stream.async_read_some(asio::buffer(sink),
                                                    asio::redirect_error(asio::use_awaitable, ec));
  }
}

Response PayloadTooLarge(size_t limit) {
  return ErrorResponse(MakeError(core::ErrorCode::kPayloadTooLarge,
                                 "the body is larger than " + std::to_string(limit) + " bytes"));
}

// Serves requests on one connection until the client closes, a timeout, an error, or shutdown.
asio::awaitable<void> ServeConnection(std::shared_ptr<Connection> conn, ServerState& state) {
  const auto registration = state.Register(conn);
  const ServerConfig& config = state.config();
  beast::error_code peer_ec;
  const std::string peer = conn->stream.socket().remote_endpoint(peer_ec).address().to_string();
  beast::flat_buffer buffer;
  beast::error_code ec;
  while (!state.stopping()) {
    conn->busy = false;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
    // The per-path limit is applied once the target is known; until then the largest one, so
    // the parser does not refuse a big ingest with its own 1 MiB default.
    parser.body_limit(Application::LargestBodyBytes());
    conn->stream.expires_after(config.read_timeout);
    co_await bhttp::async_read_header(conn->stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    conn->busy = true;
    Exchange exchange;
    if (ec) {
      if (ec == bhttp::error::body_limit) {
        co_await Refuse(*conn, state, std::move(exchange),
                        PayloadTooLarge(Application::LargestBodyBytes()));
      } else if (ec == bhttp::error::header_limit) {
        Response too_large = PayloadTooLarge(config.header_limit);
        too_large.status = 431;
        co_await Refuse(*conn, state, std::move(exchange), std::move(too_large));
      } else if (IsHttpProtocolError(ec) && ec != bhttp::error::end_of_stream &&
                 ec != bhttp::error::partial_message) {
        co_await Refuse(*conn, state, std::move(exchange),
                        ErrorResponse(core::Error::Invalid("malformed HTTP request")));
      }
      break;
    }
    exchange.method = std::string(ToStd(parser.get().method_string()));
    const std::string_view target = ToStd(parser.get().target());
    exchange.path = std::string(target.substr(0, target.find('?')));
    const size_t limit = Application::MaxBodyBytes(exchange.path);
    if (parser.content_length() && *parser.content_length() > limit) {
      co_await Refuse(*conn, state, std::move(exchange), PayloadTooLarge(limit));
      break;
    }
    parser.body_limit(limit);
    if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
      bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
      co_await bhttp::async_write(conn->stream, proceed,
                                  asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
    }
    conn->stream.expires_after(config.body_timeout);
    co_await bhttp::async_read(conn->stream, buffer, parser,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == bhttp::error::body_limit) {
        co_await Refuse(*conn, state, std::move(exchange), PayloadTooLarge(limit));
      } else if (IsHttpProtocolError(ec) && ec != bhttp::error::partial_message) {
        co_await Refuse(*conn, state, std::move(exchange),
                        ErrorResponse(core::Error::Invalid("malformed HTTP request")));
      }
      break;
    }
    auto& message = parser.get();
    const unsigned version = message.version();
    const bool client_keep_alive = message.keep_alive();
    core::Status query_status;
    Request request = ToRequest(message, &query_status);
    request.remote_address = peer;
    Response response = query_status ? state.app().Handle(request, &exchange.route)
                                     : ErrorResponse(query_status.error());
    const bool keep_alive = client_keep_alive && !state.stopping();
    ec = co_await Respond(*conn, state, std::move(response), version, keep_alive, exchange);
    if (ec || !keep_alive) break;
  }
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  state.Unregister(registration);
}

asio::awaitable<void> Accept(tcp::acceptor& acceptor, asio::io_context& ioc, ServerState& state) {
  asio::steady_timer backoff(acceptor.get_executor());
  for (;;) {
    tcp::socket socket(asio::make_strand(ioc));
    beast::error_code ec;
    co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (state.stopping() || ec == asio::error::operation_aborted) co_return;
    if (ec) {
      // Out of file descriptors, typically: wait a little instead of spinning.
      spdlog::warn("accept failed: {}", ec.message());
      backoff.expires_after(std::chrono::milliseconds(50));
      co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto conn = std::make_shared<Connection>(std::move(socket));
    auto executor = conn->stream.get_executor();
    asio::co_spawn(executor, ServeConnection(std::move(conn), state), [](std::exception_ptr error) {
      if (!error) return;
      try {
        std::rethrow_exception(error);
      } catch (const std::exception& e) {
        spdlog::error("connection ended by an exception: {}", e.what());
      } catch (...) {
        spdlog::error("connection ended by an unknown exception");
      }
    });
  }
}

core::Result<tcp::endpoint> Resolve(asio::io_context& ioc, const ServerConfig& config) {
  beast::error_code ec;
  tcp::resolver resolver(ioc);
  auto results = resolver.resolve(config.host, std::to_string(config.port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) {
    return core::Fail(
        core::Error::Invalid("cannot resolve host " + config.host + ": " + ec.message(), "host"));
  }
  return results.begin()->endpoint();
}

core::Status Listen(tcp::acceptor& acceptor, const tcp::endpoint& endpoint,
                    const ServerConfig& config) {
  beast::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return core::Fail(MakeError(core::ErrorCode::kUnavailable,
                                "cannot listen on " + config.host + ":" +
                                    std::to_string(config.port) + ": " + ec.message()));
  }
  return {};
}

}  // namespace

core::Status RunServer(const ServerConfig& config, Application& app,
                       const std::function<void(int port)>& on_listening) {
  const int threads = config.threads > 0
                          ? config.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  asio::io_context ioc(threads);
  auto endpoint = Resolve(ioc, config);
  if (!endpoint) return core::Fail(endpoint.error());

  // The acceptor and the signal handler share a strand: closing the acceptor on a signal never
  // races with the accept loop.
  auto control = asio::make_strand(ioc);
  tcp::acceptor acceptor(control);
  if (auto listening = Listen(acceptor, *endpoint, config); !listening) return listening;

  ServerState state(config, app);
  asio::signal_set signals(control, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code& ec, int signal_number) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", signal_number);
    beast::error_code ignored;
    acceptor.close(ignored);
    state.BeginShutdown();
  });
  asio::co_spawn(control, Accept(acceptor, ioc, state), asio::detached);

  on_listening(acceptor.local_endpoint().port());

  auto run = [&ioc] {
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("worker thread caught: {}", e.what());
      }
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (int i = 1; i < threads; ++i) workers.emplace_back(run);
  run();
  for (auto& worker : workers) worker.join();
  return {};
}

}  // namespace buyalign::http
