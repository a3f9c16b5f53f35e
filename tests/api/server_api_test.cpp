#include <signal.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

using ServerApi = ApiTest;

TEST_F(ServerApi, UnknownRouteIsAJson404) {
  HttpResult result = client().Get("/api/v1/nothing-here");
  EXPECT_EQ(result.status, 404);
  EXPECT_EQ(result.ErrorCode(), "not_found");
  EXPECT_EQ(client().Send("POST", "/somewhere", "{}").status, 404);
}

TEST_F(ServerApi, WrongMethodIs405WithAllow) {
  HttpResult result = client().Send("DELETE", "/api/v1/accounts", "");
  EXPECT_EQ(result.status, 405);
  EXPECT_EQ(result.Header("allow"), "GET, POST");
}

TEST_F(ServerApi, OversizedJsonBodyIs413) {
  const std::string big =
      "{\"id\":\"a-big\",\"name\":\"" + std::string((1 << 20) + 10, 'x') + "\"}";
  HttpResult sent = client().Post("/api/v1/accounts", big);
  EXPECT_EQ(sent.status, 413);
  EXPECT_EQ(sent.ErrorCode(), "payload_too_large");
  HttpResult announced = client().SendExpectContinue("/api/v1/accounts", 5u << 20);
  EXPECT_EQ(announced.status, 413);
  // The connection was refused, not the server: the next request works.
  EXPECT_EQ(client().Get("/healthz").status, 200);
  EXPECT_EQ(client().Get("/api/v1/accounts/a-big").status, 404);
}

TEST_F(ServerApi, OversizedHeaderIsRefused) {
  HttpResult result = client().SendRaw(
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'y') + "\r\n\r\n");
  EXPECT_EQ(result.status, 431);
}

TEST_F(ServerApi, GarbageRequestIs400) {
  HttpResult result = client().SendRaw("HELLO THERE\r\n\r\n");
  EXPECT_EQ(result.status, 400);
}

TEST_F(ServerApi, ExpectContinueWithinTheLimitIsServed) {
  const std::string body = R"({"id":"a-cont","name":"Continue"})";
  client().StartRaw(
      "POST /api/v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nConnection: close\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  HttpResult result = client().FinishRaw(body);  // the interim 100 is skipped
  EXPECT_EQ(result.status, 201) << result.body;
}

TEST_F(ServerApi, HealthMetricsAndOpenApi) {
  EXPECT_EQ(client().Get("/healthz").status, 200);
  client().Get("/api/v1/accounts/nope");
  HttpResult metrics = client().Get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find(R"(route="/api/v1/accounts/{id}",status="404"})"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("buyalign_db_call_duration_seconds_count{operation=\"getAccount\"}"),
            std::string::npos);
  HttpResult openapi = client().Get("/api/v1/openapi.json");
  ASSERT_EQ(openapi.status, 200);
  rapidjson::Document doc = openapi.Json();
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_STREQ(doc["openapi"].GetString(), "3.1.0");
}

TEST_F(ServerApi, PlaceholderPageWithoutAWebBuild) {
  for (const char* path : {"/", "/opportunities/o1"}) {
    HttpResult page = client().Get(path);
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(page.body.find("/api/v1/openapi.json"), std::string::npos);
  }
}

TEST_F(ServerApi, EveryResponseCarriesTheSecurityHeaders) {
  // A record, an error, the web page and a request refused before routing.
  std::vector<HttpResult> results = {client().Get("/healthz"), client().Get("/api/v1/nothing"),
                                     client().Get("/"),
                                     client().Send("DELETE", "/api/v1/accounts", "")};
  for (const HttpResult& r : results) {
    const std::string csp = r.Header("content-security-policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << r.status;
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos);
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << r.status;
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << r.status;
    EXPECT_EQ(r.Header("x-frame-options"), "DENY") << r.status;
  }
}

TEST_F(ServerApi, AccessLogHasOneLinePerRequest) {
  client().Get("/api/v1/accounts/log-probe");
  const std::string line =
      R"("path":"/api/v1/accounts/log-probe","route":"GET /api/v1/accounts/{id}","status":404)";
  // The line is written once the response is sent, so it may trail the client's read a little.
  std::string log;
  for (int i = 0; i < 100 && log.find(line) == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    log = server().Log();
  }
  EXPECT_NE(log.find(line), std::string::npos) << log;
}

TEST(ServerShutdown, SigtermWithAnIdleConnectionExitsZero) {
  ServerProcess server;
  HttpClient idle(server.port());
  ASSERT_EQ(idle.Get("/healthz").status, 200);  // keeps a kept-alive connection open
  EXPECT_EQ(server.Terminate(5000), 0) << server.Log();
}

TEST(ServerShutdown, RequestInFlightFinishesBeforeExit) {
  ServerProcess server;
  HttpClient client(server.port());
  const std::string body = R"({"type":"account","id":"sd-a1","name":"Shutdown"})"
                           "\n";
  client.StartRaw(
      "POST /api/v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the header is read
  ::kill(server.pid(), SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  HttpResult result = client.FinishRaw(body.substr(10));
  EXPECT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.Header("connection"), "close");
  EXPECT_EQ(server.WaitForExit(5000), 0) << server.Log();
}

}  // namespace
}  // namespace buyalign::api_test
