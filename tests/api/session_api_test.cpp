// Signing in over real HTTP: cookies, CSRF, disabled users, revoked tokens, throttling.
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kPassword = "correct horse battery";

std::string SignInBody(const std::string& login, const std::string& password) {
  return R"({"login":")" + login + R"(","password":")" + password + R"("})";
}

// "buyalign_session=<token>" from a sign-in's Set-Cookie, ready for a Cookie header.
std::string SessionCookie(const HttpResult& result) {
  const std::string header = result.Header("set-cookie");
  return header.substr(0, header.find(';'));
}

// The id `buyalign token list` shows for the user's newest token.
std::string NewestTokenId(ServerProcess& server, const std::string& user) {
  CliRun run = RunBuyalign({"token", "list", "--db", server.database(), "--user", user});
  EXPECT_EQ(run.status, 0) << run.out;
  static const std::regex kRow(R"(\n(\d+) )");
  std::string id;
  for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), kRow);
       it != std::sregex_iterator(); ++it) {
    id = (*it)[1];
  }
  return id;
}

class SessionApi : public ApiTest {
 protected:
  // A fresh client without the fixture's admin token: only what the test sends authenticates.
  HttpClient Anonymous() {
    HttpClient anonymous(server().port());
    anonymous.SetBearerToken("");
    return anonymous;
  }

  HttpResult SignIn(HttpClient& http, const std::string& login, const std::string& password,
                    const Headers& extra = {}) {
    return http.Send("POST", "/api/v1/session", SignInBody(login, password), extra);
  }

  // Signs `login` in and returns the session cookie and CSRF token.
  std::pair<std::string, std::string> SignedIn(const std::string& login) {
    HttpClient http = Anonymous();
    HttpResult result = SignIn(http, login, kPassword);
    EXPECT_EQ(result.status, 200) << result.body;
    return {SessionCookie(result), result.Json()["csrf_token"].GetString()};
  }
};

TEST_F(SessionApi, NoCredentialsIs401ButHealthIsPublic) {
  HttpClient http = Anonymous();
  for (const char* target : {"/api/v1/accounts", "/api/v1/opportunities", "/api/v1/export"}) {
    HttpResult result = http.Get(target);
    EXPECT_EQ(result.status, 401) << target;
    EXPECT_EQ(result.ErrorCode(), "unauthenticated") << target;
    EXPECT_NE(result.Header("www-authenticate").find("Bearer"), std::string::npos);
  }
  EXPECT_EQ(http.Post("/api/v1/accounts", R"({"id":"a-anon","name":"X"})").status, 401);
  EXPECT_EQ(http.Get("/api/v1/session").status, 401);
  EXPECT_EQ(
      http.Send("GET", "/api/v1/accounts", "", {{"Authorization", "Bearer bya_tok_nope"}}).status,
      401);
  EXPECT_EQ(http.Send("GET", "/api/v1/accounts", "", {{"Authorization", "Basic eDp5"}}).status,
            401);
  EXPECT_EQ(
      http.Send("GET", "/api/v1/accounts", "", {{"Cookie", "buyalign_session=forged"}}).status,
      401);
  EXPECT_EQ(http.Get("/healthz").status, 200);
  EXPECT_EQ(http.Get("/api/v1/openapi.json").status, 200);
  // The admin token the fixture sends by default is what makes the other tests work.
  EXPECT_EQ(client().Get("/api/v1/accounts").status, 200);
}

TEST_F(SessionApi, SignInSetsAnHttpOnlyLaxCookieAndGetSessionSaysWho) {
  server().AddUser("s-ann", "rep", "benelux", {}, kPassword);
  HttpClient http = Anonymous();
  HttpResult signed_in = SignIn(http, "s-ann@test.example", kPassword);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  const std::string cookie = signed_in.Header("set-cookie");
  EXPECT_EQ(cookie.rfind("buyalign_session=bya_ses_", 0), 0u) << cookie;
  for (const char* attribute : {"HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute << " in " << cookie;
  }
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP: no Secure";
  EXPECT_EQ(signed_in.Header("cache-control"), "no-store");
  rapidjson::Document body = signed_in.Json();
  EXPECT_STREQ(body["user"]["id"].GetString(), "s-ann");
  EXPECT_STREQ(body["user"]["role"].GetString(), "rep");
  EXPECT_STREQ(body["user"]["team"].GetString(), "benelux");
  const std::string csrf = body["csrf_token"].GetString();
  EXPECT_EQ(csrf.rfind("bya_csrf_", 0), 0u);

  HttpResult who = http.Send("GET", "/api/v1/session", "", {{"Cookie", SessionCookie(signed_in)}});
  ASSERT_EQ(who.status, 200) << who.body;
  EXPECT_STREQ(who.Json()["user"]["id"].GetString(), "s-ann");
  EXPECT_EQ(who.Json()["csrf_token"].GetString(), csrf);

  // Behind a TLS-terminating proxy the cookie is Secure; the login may also be the user id.
  HttpResult tls = SignIn(http, "s-ann", kPassword, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(tls.status, 200) << tls.body;
  EXPECT_NE(tls.Header("set-cookie").find("; Secure"), std::string::npos);
  EXPECT_NE(SessionCookie(tls), SessionCookie(signed_in)) << "a new session per sign-in";
}

TEST_F(SessionApi, WrongPasswordIs401AndSignInNeedsJson) {
  server().AddUser("s-wrong", "rep", "benelux", {}, kPassword);
  HttpClient http = Anonymous();
  HttpResult wrong = SignIn(http, "s-wrong", "not the password at all");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.ErrorCode(), "unauthenticated");
  EXPECT_TRUE(wrong.Header("set-cookie").empty());
  HttpResult nobody = SignIn(http, "nobody@test.example", kPassword);
  EXPECT_EQ(nobody.status, 401);
  EXPECT_STREQ(nobody.Json()["error"]["message"].GetString(),
               wrong.Json()["error"]["message"].GetString())
      << "an unknown login and a wrong password look the same";
  HttpResult form = http.Send("POST", "/api/v1/session", "login=s-wrong&password=x", {},
                              "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 400);
  EXPECT_STREQ(form.Json()["error"]["field"].GetString(), "Content-Type");
  HttpResult missing = http.Post("/api/v1/session", R"({"login":"s-wrong"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_STREQ(missing.Json()["error"]["field"].GetString(), "password");
  // Passwords never reach the log, not even the wrong ones.
  EXPECT_EQ(server().Log().find("not the password at all"), std::string::npos);
  EXPECT_EQ(server().Log().find(kPassword), std::string::npos);
}

TEST_F(SessionApi, CrossSitePostWithoutTheCsrfTokenIs403) {
  server().AddUser("s-csrf", "rep", "benelux", {}, kPassword);
  auto [cookie, csrf] = SignedIn("s-csrf");
  HttpClient http = Anonymous();
  const std::string body = R"({"id":"a-csrf","name":"CSRF Ltd"})";
  HttpResult forged = http.Send("POST", "/api/v1/accounts", body, {{"Cookie", cookie}});
  EXPECT_EQ(forged.status, 403) << forged.body;
  EXPECT_EQ(forged.ErrorCode(), "forbidden");
  HttpResult wrong = http.Send("POST", "/api/v1/accounts", body,
                               {{"Cookie", cookie}, {"X-CSRF-Token", csrf + "x"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(client().Get("/api/v1/accounts/a-csrf").status, 404) << "nothing was stored";
  // Reads need no token; the right token lets the change through.
  EXPECT_EQ(http.Send("GET", "/api/v1/accounts", "", {{"Cookie", cookie}}).status, 200);
  HttpResult ok =
      http.Send("POST", "/api/v1/accounts", body, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(ok.status, 201) << ok.body;
}

TEST_F(SessionApi, SignOutNeedsTheCsrfTokenAndEndsTheSession) {
  server().AddUser("s-out", "rep", "benelux", {}, kPassword);
  auto [cookie, csrf] = SignedIn("s-out");
  HttpClient http = Anonymous();
  EXPECT_EQ(http.Send("DELETE", "/api/v1/session", "", {{"Cookie", cookie}}).status, 403);
  EXPECT_EQ(http.Send("GET", "/api/v1/session", "", {{"Cookie", cookie}}).status, 200);
  HttpResult out =
      http.Send("DELETE", "/api/v1/session", "", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(http.Send("GET", "/api/v1/session", "", {{"Cookie", cookie}}).status, 401);
  EXPECT_EQ(http.Send("GET", "/api/v1/accounts", "", {{"Cookie", cookie}}).status, 401);
  EXPECT_EQ(http.Send("DELETE", "/api/v1/session", "", {{"Cookie", cookie}}).status, 204)
      << "signing out twice is fine";
}

TEST_F(SessionApi, DisabledUserIs401EverywhereAndEnabledAgainWorks) {
  const std::string token = server().AddUser("s-gone", "rep", "benelux", {}, kPassword);
  auto [cookie, csrf] = SignedIn("s-gone");
  HttpClient http = Anonymous();
  ASSERT_EQ(http.Send("GET", "/api/v1/accounts", "", {{"Cookie", cookie}}).status, 200);
  http.SetBearerToken(token);
  ASSERT_EQ(http.Get("/api/v1/accounts").status, 200);

  ASSERT_EQ(RunBuyalign({"user", "disable", "s-gone", "--db", server().database()}).status, 0);
  EXPECT_EQ(http.Get("/api/v1/accounts").status, 401) << "the token stops";
  http.SetBearerToken("");
  EXPECT_EQ(http.Send("GET", "/api/v1/accounts", "", {{"Cookie", cookie}}).status, 401)
      << "the session ends";
  EXPECT_EQ(SignIn(http, "s-gone", kPassword).status, 401) << "no new session";

  ASSERT_EQ(RunBuyalign({"user", "enable", "s-gone", "--db", server().database()}).status, 0);
  http.SetBearerToken(token);
  EXPECT_EQ(http.Get("/api/v1/accounts").status, 200);
  EXPECT_EQ(SignIn(http, "s-gone", kPassword).status, 200);
}

TEST_F(SessionApi, RevokedTokenIs401) {
  server().AddUser("s-tok", "rep", "benelux");
  const std::string token = server().CreateToken("s-tok", "to revoke");
  HttpClient http = Anonymous();
  http.SetBearerToken(token);
  ASSERT_EQ(http.Get("/api/v1/accounts").status, 200);
  const std::string id = NewestTokenId(server(), "s-tok");
  ASSERT_FALSE(id.empty());
  CliRun revoked = RunBuyalign({"token", "revoke", id, "--db", server().database()});
  ASSERT_EQ(revoked.status, 0) << revoked.out;
  HttpResult after = http.Get("/api/v1/accounts");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.ErrorCode(), "unauthenticated");
}

TEST_F(SessionApi, RepeatedWrongPasswordsLockTheAccountOnly) {
  server().AddUser("s-guess", "rep", "benelux", {}, kPassword);
  server().AddUser("s-other", "rep", "benelux", {}, kPassword);
  HttpClient http = Anonymous();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(
        SignIn(http, i % 2 ? "s-guess" : "s-guess@test.example", "wrong guess " + std::to_string(i))
            .status,
        401)
        << i;
  }
  HttpResult locked = SignIn(http, "s-guess", kPassword);
  EXPECT_EQ(locked.status, 429) << "even the right password waits";
  EXPECT_EQ(locked.ErrorCode(), "rate_limited");
  EXPECT_GT(std::stoi(locked.Header("retry-after")), 0);
  EXPECT_EQ(SignIn(http, "s-other", kPassword).status, 200) << "other accounts are not locked";
}

TEST(SessionThrottle, ManyFailuresFromOneAddressLockItOut) {
  ServerProcess server;
  server.AddUser("t-real", "rep", "benelux", {}, kPassword);
  HttpClient http(server.port());
  http.SetBearerToken("");
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(http.Post("/api/v1/session",
                        SignInBody("guess" + std::to_string(i) + "@test.example", kPassword))
                  .status,
              401)
        << i;
  }
  HttpResult locked = http.Post("/api/v1/session", SignInBody("t-real", kPassword));
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_FALSE(locked.Header("retry-after").empty());
}

}  // namespace
}  // namespace buyalign::api_test
