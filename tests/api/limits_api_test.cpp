// The request limits over real HTTP (docs/security.md): JSON nesting depth, JSON and ingest body
// sizes (announced and streamed), and the ingest line length. Each refusal is a clear 4xx and
// leaves the server serving and the database unchanged.
#include <string>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

using LimitsApi = ApiTest;

constexpr int kMaxJsonDepth = 32;  // http/api_json.hpp
constexpr size_t kJsonBodyBytes = size_t{1} << 20;
constexpr size_t kIngestBodyBytes = size_t{256} << 20;
constexpr size_t kIngestLineBytes = size_t{1} << 20;

std::string AccountNestedTo(const std::string& id, int depth) {
  const int inner = depth - 1;  // the body's own object is the first level
  return "{\"id\":\"" + id + "\",\"name\":\"Deep\",\"tags\":" + std::string(inner, '[') +
         std::string(inner, ']') + "}";
}

std::string Chunked(const std::string& target, const std::string& body, size_t chunk_bytes) {
  std::string raw = "POST " + target +
                    " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  char size_line[32];
  for (size_t at = 0; at < body.size(); at += chunk_bytes) {
    const std::string chunk = body.substr(at, chunk_bytes);
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
    raw += size_line + chunk + "\r\n";
  }
  return raw + "0\r\n\r\n";
}

HttpResult Ingest(HttpClient& client, const std::string& body) {
  return client.Send("POST", "/api/v1/ingest", body, {}, "application/x-ndjson");
}

TEST_F(LimitsApi, NestingBeyondTheDepthLimitIs400NamingTheLimit) {
  HttpResult refused = client().Post("/api/v1/accounts", AccountNestedTo("l-deep", 33));
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.ErrorCode(), "invalid_argument");
  EXPECT_NE(refused.body.find("deeper than " + std::to_string(kMaxJsonDepth) + " levels"),
            std::string::npos)
      << refused.body;

  // 200,000 levels: refused at the limit, not parsed into a DOM that would be freed recursively.
  const std::string hostile =
      "{\"id\":\"l-deeper\",\"x\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  EXPECT_EQ(client().Post("/api/v1/accounts", hostile).status, 400);
  EXPECT_EQ(client().Get("/api/v1/accounts/l-deep").status, 404);
  EXPECT_EQ(client().Get("/healthz").status, 200);
}

TEST_F(LimitsApi, NestingAtTheDepthLimitIsAccepted) {
  // Unknown fields are ignored by the codec, so only the depth decides.
  HttpResult created = client().Post("/api/v1/accounts", AccountNestedTo("l-at-limit", 32));
  EXPECT_EQ(created.status, 201) << created.body;
}

TEST_F(LimitsApi, StreamedJsonBodyOverTheLimitIs413) {
  // Chunked: no Content-Length to refuse up front, so the limit stops the read itself.
  const std::string body =
      "{\"id\":\"l-chunked\",\"name\":\"" + std::string(kJsonBodyBytes + 10, 'x') + "\"}";
  HttpResult refused = client().SendRaw(Chunked("/api/v1/accounts", body, 256 * 1024));
  EXPECT_EQ(refused.status, 413) << refused.body;
  EXPECT_EQ(refused.ErrorCode(), "payload_too_large");
  EXPECT_EQ(client().Get("/api/v1/accounts/l-chunked").status, 404);
}

TEST_F(LimitsApi, StreamedJsonBodyWithinTheLimitIsServed) {
  const std::string body = R"({"id":"l-chunked-ok","name":"Chunked"})";
  HttpResult created = client().SendRaw(Chunked("/api/v1/accounts", body, 7));
  EXPECT_EQ(created.status, 201) << created.body;
}

TEST_F(LimitsApi, IngestAnnouncedOverItsLimitIs413BeforeTheBodyIsSent) {
  HttpResult refused = client().SendExpectContinue("/api/v1/ingest", kIngestBodyBytes + 1);
  EXPECT_EQ(refused.status, 413);
  EXPECT_EQ(refused.ErrorCode(), "payload_too_large");
  EXPECT_NE(refused.body.find(std::to_string(kIngestBodyBytes)), std::string::npos) << refused.body;
}

TEST_F(LimitsApi, IngestHasALargerBodyLimitThanJson) {
  // 2 MiB: over the JSON limit, well within the ingest one (blank lines are skipped).
  const std::string body = std::string(2 * kJsonBodyBytes, '\n') +
                           R"({"type":"account","id":"l-big-ingest","name":"Big"})" + "\n";
  HttpResult ingested = Ingest(client(), body);
  EXPECT_EQ(ingested.status, 200) << ingested.body;
  EXPECT_EQ(client().Get("/api/v1/accounts/l-big-ingest").status, 200);
}

TEST_F(LimitsApi, IngestLineOverTheLineLimitIs413NamingTheLine) {
  const std::string body = R"({"type":"account","id":"l-line-1","name":"Fine"})"
                           "\n"
                           R"({"type":"account","id":"l-line-2","name":")" +
                           std::string(kIngestLineBytes, 'x') + "\"}\n";
  HttpResult refused = Ingest(client(), body);
  EXPECT_EQ(refused.status, 413) << refused.body.substr(0, 300);
  EXPECT_EQ(refused.ErrorCode(), "payload_too_large");
  rapidjson::Document error = refused.Json();
  ASSERT_TRUE(error.IsObject() && error["error"].HasMember("line")) << refused.body;
  EXPECT_EQ(error["error"]["line"].GetInt(), 2);
  // All or nothing: the good first line was not stored either.
  EXPECT_EQ(client().Get("/api/v1/accounts/l-line-1").status, 404);
}

TEST_F(LimitsApi, HeadersJustUnderTheLimitAreServed) {
  HttpResult served =
      client().SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(15000, 'y') +
                       "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(served.status, 200);
}

}  // namespace
}  // namespace buyalign::api_test
