// The authorisation matrix over real HTTP: every route of the server x every role (and no one) x
// the rep's own data / another team's data -> the status expected. Writes that are allowed are
// built to fail just after the authorisation checks (a stale If-Match, a duplicate id, an invalid
// body), so the table runs in any order without changing what it reads.
//
// A route missing from the table fails AuthorizationMatrix.CoversEveryDocumentedRoute (the
// OpenAPI document lists every route; openapi_test checks it against the router): add a row
// with the statuses the policy (src/auth/policy.cpp) and the row-level rules say.
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "api_fixture.hpp"

namespace buyalign::api_test {
namespace {

enum Role { kAnonymous, kAdmin, kManager, kRep, kMarketing, kRoles };
constexpr const char* kRoleNames[kRoles] = {"anonymous", "admin", "manager", "rep", "marketing"};

// "own": the rep's deal, in the manager's team; "other": a deal of another team.
enum class Side { kOwn, kOther };

struct Call {
  std::string target;
  std::string body;
  long long version = 0;  // sent as If-Match when > 0
};

// Expected statuses per role: anonymous, admin, manager, rep, marketing.
using Cell = std::array<int, kRoles>;

struct Row {
  std::string method;
  std::string pattern;
  std::function<Call(Side)> build;
  Cell own;
  std::optional<Cell> other;  // when the route addresses no deal, `own` holds for both sides
};

constexpr long long kStale = 999;  // no record here reaches this version

std::string Opp(Side side) { return side == Side::kOwn ? "mx-opp-own" : "mx-opp-other"; }
std::string Sig(Side side) { return side == Side::kOwn ? "mx-sig-own" : "mx-sig-other"; }
std::string Act(Side side) { return side == Side::kOwn ? "mx-act-own" : "mx-act-other"; }
std::string Rep(Side side) { return side == Side::kOwn ? "mx-rep" : "mx-rep-south"; }

std::string OpportunityJson(Side side, const std::string& owner) {
  return R"({"id":")" + Opp(side) +
         R"(","account_id":"mx-acc","name":"Deal","status":"open",)"
         R"("owner":")" +
         owner + R"("})";
}
std::string SignalJson(Side side) {
  return R"({"id":")" + Sig(side) + R"(","opportunity_id":")" + Opp(side) +
         R"(","contact_id":"mx-con","kind":"reports_pain","at":"2026-02-10T10:00:00Z"})";
}
std::string ActivityJson(Side side) {
  return R"({"id":")" + Act(side) + R"(","opportunity_id":")" + Opp(side) +
         R"(","contact_ids":["mx-con"],"kind":"demo","at":"2026-03-01T14:00:00Z"})";
}

Call Get(std::string target) { return {std::move(target), "", 0}; }
Call Stale(std::string target, std::string body = "{}") {
  return {std::move(target), std::move(body), kStale};
}
std::function<Call(Side)> Fixed(Call call) {
  return [call](Side) { return call; };
}

// Status shorthands, to keep the table readable.
constexpr int OK = 200, NEW = 201, GONE = 204, BAD = 400, UNAUTH = 401, DENY = 403, HIDE = 404,
              DUP = 409, REF = 422;

std::vector<Row> Table(ServerProcess& server) {
  const std::string acc = "/api/v1/accounts", con = "/api/v1/contacts", cnt = "/api/v1/content",
                    opp = "/api/v1/opportunities";
  // Crud on a resource every seller uses and only managers and admins delete.
  auto address_book = [&](const std::string& base, const std::string& id, const std::string& body) {
    const std::string item = base + "/" + id;
    return std::vector<Row>{
        {"GET", base, Fixed(Get(base)), {UNAUTH, OK, OK, OK, DENY}, {}},
        {"POST", base, Fixed({base, body}), {UNAUTH, DUP, DUP, DUP, DENY}, {}},
        {"GET", base + "/{id}", Fixed(Get(item)), {UNAUTH, OK, OK, OK, DENY}, {}},
        {"PUT", base + "/{id}", Fixed(Stale(item, body)), {UNAUTH, DUP, DUP, DUP, DENY}, {}},
        {"PATCH", base + "/{id}", Fixed(Stale(item)), {UNAUTH, DUP, DUP, DUP, DENY}, {}},
        {"DELETE", base + "/{id}", Fixed(Stale(item, "")), {UNAUTH, DUP, DUP, DENY, DENY}, {}},
    };
  };
  std::vector<Row> rows = address_book(acc, "mx-acc", R"({"id":"mx-acc","name":"Matrix"})");
  for (Row& row :
       address_book(con, "mx-con", R"({"id":"mx-con","account_id":"mx-acc","name":"Marie"})")) {
    rows.push_back(std::move(row));
  }
  const std::string content_body = R"({"id":"mx-cnt","title":"ROI","stages":["need_quantified"]})";
  for (auto [method, pattern, call, cell] :
       std::vector<std::tuple<std::string, std::string, Call, Cell>>{
           {"GET", cnt, Get(cnt), {UNAUTH, OK, OK, OK, OK}},
           {"POST", cnt, {cnt, content_body}, {UNAUTH, DUP, DENY, DENY, DUP}},
           {"GET", cnt + "/{id}", Get(cnt + "/mx-cnt"), {UNAUTH, OK, OK, OK, OK}},
           {"PUT",
            cnt + "/{id}",
            Stale(cnt + "/mx-cnt", content_body),
            {UNAUTH, DUP, DENY, DENY, DUP}},
           {"PATCH", cnt + "/{id}", Stale(cnt + "/mx-cnt"), {UNAUTH, DUP, DENY, DENY, DUP}},
           {"DELETE", cnt + "/{id}", Stale(cnt + "/mx-cnt", ""), {UNAUTH, DUP, DENY, DENY, DUP}},
           {"GET", cnt + "/coverage", Get(cnt + "/coverage"), {UNAUTH, OK, OK, OK, OK}},
           {"GET",
            cnt + "/{id}/influence",
            Get(cnt + "/mx-cnt/influence"),
            {UNAUTH, OK, OK, OK, OK}},
       }) {
    rows.push_back({method, pattern, Fixed(call), cell, {}});
  }

  // Deals: the rep sees their own, the manager their team's, the admin all, marketing none.
  const Cell read_own{UNAUTH, OK, OK, OK, DENY}, read_other{UNAUTH, OK, HIDE, HIDE, DENY};
  const Cell edit_own{UNAUTH, DUP, DUP, DUP, DENY}, edit_other{UNAUTH, DUP, HIDE, HIDE, DENY};
  const Cell file_other{UNAUTH, DUP, REF, REF, DENY};  // a record filed under a hidden deal
  rows.insert(
      rows.end(),
      {
          {"GET", opp, Fixed(Get(opp)), read_own, {}},
          // Creating a deal for someone: the rep only for themselves, the manager for their team.
          {"POST", opp,
           [](Side s) {
             return Call{"/api/v1/opportunities", OpportunityJson(s, Rep(s))};
           },
           edit_own, Cell{UNAUTH, DUP, DENY, DENY, DENY}},
          {"GET", opp + "/{id}", [](Side s) { return Get("/api/v1/opportunities/" + Opp(s)); },
           read_own, read_other},
          {"PUT", opp + "/{id}",
           [](Side s) {
             return Stale("/api/v1/opportunities/" + Opp(s), OpportunityJson(s, Rep(s)));
           },
           edit_own, edit_other},
          {"PATCH", opp + "/{id}", [](Side s) { return Stale("/api/v1/opportunities/" + Opp(s)); },
           edit_own, edit_other},
          {"DELETE", opp + "/{id}",
           [](Side s) { return Stale("/api/v1/opportunities/" + Opp(s), ""); },
           Cell{UNAUTH, DUP, DUP, DENY, DENY}, Cell{UNAUTH, DUP, HIDE, DENY, DENY}},
          {"GET", opp + "/{id}/dmu",
           [](Side s) { return Get("/api/v1/opportunities/" + Opp(s) + "/dmu"); }, read_own,
           read_other},
          {"POST", opp + "/{id}/dmu",
           [](Side s) {
             return Call{"/api/v1/opportunities/" + Opp(s) + "/dmu",
                         R"({"contact_id":"mx-con","role":"evaluator"})"};
           },
           edit_own, file_other},
          {"GET", opp + "/{id}/dmu/{contact_id}",
           [](Side s) { return Get("/api/v1/opportunities/" + Opp(s) + "/dmu/mx-con"); }, read_own,
           read_other},
          {"PUT", opp + "/{id}/dmu/{contact_id}",
           [](Side s) {
             return Stale("/api/v1/opportunities/" + Opp(s) + "/dmu/mx-con",
                          R"({"role":"evaluator"})");
           },
           edit_own, edit_other},
          {"PATCH", opp + "/{id}/dmu/{contact_id}",
           [](Side s) { return Stale("/api/v1/opportunities/" + Opp(s) + "/dmu/mx-con"); },
           edit_own, edit_other},
          {"DELETE", opp + "/{id}/dmu/{contact_id}",
           [](Side s) { return Stale("/api/v1/opportunities/" + Opp(s) + "/dmu/mx-con", ""); },
           edit_own, edit_other},
          {"GET", "/api/v1/signals", Fixed(Get("/api/v1/signals")), read_own, {}},
          {"POST", "/api/v1/signals",
           [](Side s) {
             return Call{"/api/v1/signals", SignalJson(s)};
           },
           edit_own, file_other},
          {"GET", "/api/v1/signals/{id}", [](Side s) { return Get("/api/v1/signals/" + Sig(s)); },
           read_own, read_other},
          {"PUT", "/api/v1/signals/{id}",
           [](Side s) { return Stale("/api/v1/signals/" + Sig(s), SignalJson(s)); }, edit_own,
           edit_other},
          {"PATCH", "/api/v1/signals/{id}",
           [](Side s) { return Stale("/api/v1/signals/" + Sig(s)); }, edit_own, edit_other},
          {"DELETE", "/api/v1/signals/{id}",
           [](Side s) { return Stale("/api/v1/signals/" + Sig(s), ""); }, edit_own, edit_other},
          {"GET", "/api/v1/activities", Fixed(Get("/api/v1/activities")), read_own, {}},
          {"POST", "/api/v1/activities",
           [](Side s) {
             return Call{"/api/v1/activities", ActivityJson(s)};
           },
           edit_own, file_other},
          {"GET", "/api/v1/activities/{id}",
           [](Side s) { return Get("/api/v1/activities/" + Act(s)); }, read_own, read_other},
          {"PUT", "/api/v1/activities/{id}",
           [](Side s) { return Stale("/api/v1/activities/" + Act(s), ActivityJson(s)); }, edit_own,
           edit_other},
          {"PATCH", "/api/v1/activities/{id}",
           [](Side s) { return Stale("/api/v1/activities/" + Act(s)); }, edit_own, edit_other},
          {"DELETE", "/api/v1/activities/{id}",
           [](Side s) { return Stale("/api/v1/activities/" + Act(s), ""); }, edit_own, edit_other},
          // Shares go to a spare user, so the table's own visibility never changes.
          {"GET", opp + "/{id}/shares",
           [](Side s) { return Get("/api/v1/opportunities/" + Opp(s) + "/shares"); }, read_own,
           read_other},
          {"PUT", opp + "/{id}/shares/{user_id}",
           [](Side s) {
             return Call{"/api/v1/opportunities/" + Opp(s) + "/shares/mx-spare", ""};
           },
           Cell{UNAUTH, OK, OK, OK, DENY}, Cell{UNAUTH, OK, HIDE, HIDE, DENY}},
          {"DELETE", opp + "/{id}/shares/{user_id}",
           [](Side s) {
             return Call{"/api/v1/opportunities/" + Opp(s) + "/shares/mx-spare", ""};
           },
           Cell{UNAUTH, OK, OK, OK, DENY}, Cell{UNAUTH, OK, HIDE, HIDE, DENY}},
          // Readiness and what follows from it.
          {"GET", opp + "/{id}/readiness",
           [](Side s) { return Get("/api/v1/opportunities/" + Opp(s) + "/readiness"); }, read_own,
           read_other},
          {"GET", "/api/v1/readiness", Fixed(Get("/api/v1/readiness")), read_own, {}},
          {"GET", opp + "/{id}/next-actions",
           [](Side s) { return Get("/api/v1/opportunities/" + Opp(s) + "/next-actions"); },
           read_own, read_other},
          {"GET", "/api/v1/next-actions", Fixed(Get("/api/v1/next-actions")), read_own, {}},
          {"POST", opp + "/{id}/showroom-decision",
           [](Side s) {
             return Call{"/api/v1/opportunities/" + Opp(s) + "/showroom-decision", "{}"};
           },
           read_own, read_other},
          // Bulk in and out: ingest for admins (an invalid line changes nothing), export filtered.
          {"POST",
           "/api/v1/ingest",
           Fixed({"/api/v1/ingest", "not json\n"}),
           {UNAUTH, BAD, DENY, DENY, DENY},
           {}},
          {"GET", "/api/v1/export", Fixed(Get("/api/v1/export")), read_own, {}},
          // Upload imports are for admins: a body that is no form is refused before any job.
          {"POST",
           "/api/v1/imports",
           Fixed({"/api/v1/imports", "{}"}),
           {UNAUTH, BAD, DENY, DENY, DENY},
           {}},
          {"GET",
           "/api/v1/imports/{id}",
           Fixed(Get("/api/v1/imports/mx-no-such-job")),
           {UNAUTH, HIDE, DENY, DENY, DENY},
           {}},
          {"GET", "/api/v1/audit", Fixed(Get("/api/v1/audit")), {UNAUTH, OK, DENY, DENY, DENY}, {}},
          // Users: everyone reads within their scope ("own" is the rep, "other" a rep of another
          // team), only admins change anything.
          {"GET", "/api/v1/users", Fixed(Get("/api/v1/users")), {UNAUTH, OK, OK, OK, OK}, {}},
          {"POST",
           "/api/v1/users",
           Fixed({"/api/v1/users", R"({"id":"mx-rep","name":"Again","role":"rep"})"}),
           {UNAUTH, DUP, DENY, DENY, DENY},
           {}},
          {"GET", "/api/v1/users/{id}", [](Side s) { return Get("/api/v1/users/" + Rep(s)); },
           Cell{UNAUTH, OK, OK, OK, HIDE}, Cell{UNAUTH, OK, HIDE, HIDE, HIDE}},
          {"PATCH",
           "/api/v1/users/{id}",
           [](Side s) { return Stale("/api/v1/users/" + Rep(s)); },
           {UNAUTH, DUP, DENY, DENY, DENY},
           {}},
          {"PUT",
           "/api/v1/users/{id}/managed-teams/{team}",
           Fixed({"/api/v1/users/mx-manager/managed-teams/north", ""}),
           {UNAUTH, OK, DENY, DENY, DENY},
           {}},
          {"DELETE",
           "/api/v1/users/{id}/managed-teams/{team}",
           Fixed({"/api/v1/users/mx-manager/managed-teams/nowhere", ""}),
           {UNAUTH, OK, DENY, DENY, DENY},
           {}},
          // Tokens: everyone their own; "other" is a token of the other team's rep.
          {"GET", "/api/v1/tokens", Fixed(Get("/api/v1/tokens")), {UNAUTH, OK, OK, OK, OK}, {}},
          {"POST",
           "/api/v1/tokens",
           Fixed({"/api/v1/tokens", "{}"}),
           {UNAUTH, BAD, BAD, BAD, BAD},
           {}},
          {"DELETE",
           "/api/v1/tokens/{id}",
           {},
           {UNAUTH, GONE, GONE, GONE, GONE},
           Cell{UNAUTH, GONE, HIDE, HIDE, HIDE}},
          // Public: signing in and the system routes.
          {"POST",
           "/api/v1/session",
           Fixed({"/api/v1/session", "{}"}),
           {BAD, BAD, BAD, BAD, BAD},
           {}},
          {"GET", "/api/v1/session", Fixed(Get("/api/v1/session")), {UNAUTH, OK, OK, OK, OK}, {}},
          {"DELETE",
           "/api/v1/session",
           Fixed({"/api/v1/session", ""}),
           {GONE, GONE, GONE, GONE, GONE},
           {}},
          {"GET", "/healthz", Fixed(Get("/healthz")), {OK, OK, OK, OK, OK}, {}},
          {"GET", "/metrics", Fixed(Get("/metrics")), {OK, OK, OK, OK, OK}, {}},
          {"GET",
           "/api/v1/openapi.json",
           Fixed(Get("/api/v1/openapi.json")),
           {OK, OK, OK, OK, OK},
           {}},
      });
  (void)server;
  return rows;
}

class AuthorizationMatrix : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    ServerProcess& s = server();
    tokens_[kAdmin] = s.admin_token();
    tokens_[kManager] = s.AddUser("mx-manager", "manager", "north", {"north"});
    tokens_[kRep] = s.AddUser("mx-rep", "rep", "north");
    tokens_[kMarketing] = s.AddUser("mx-marketing", "marketing", "");
    s.AddUser("mx-rep-south", "rep", "south");
    s.AddUser("mx-spare", "rep", "east");
    HttpClient admin(s.port());
    for (const auto& [target, body] : std::vector<std::pair<std::string, std::string>>{
             {"/api/v1/accounts", R"({"id":"mx-acc","name":"Matrix"})"},
             {"/api/v1/contacts", R"({"id":"mx-con","account_id":"mx-acc","name":"Marie"})"},
             {"/api/v1/content", R"({"id":"mx-cnt","title":"ROI","stages":["need_quantified"]})"},
             {"/api/v1/opportunities", OpportunityJson(Side::kOwn, "mx-rep")},
             {"/api/v1/opportunities", OpportunityJson(Side::kOther, "mx-rep-south")},
             {"/api/v1/opportunities/mx-opp-own/dmu",
              R"({"contact_id":"mx-con","role":"champion"})"},
             {"/api/v1/opportunities/mx-opp-other/dmu",
              R"({"contact_id":"mx-con","role":"champion"})"},
             {"/api/v1/signals", SignalJson(Side::kOwn)},
             {"/api/v1/signals", SignalJson(Side::kOther)},
             {"/api/v1/activities", ActivityJson(Side::kOwn)},
             {"/api/v1/activities", ActivityJson(Side::kOther)},
         }) {
      HttpResult created = admin.Post(target, body);
      ASSERT_EQ(created.status, 201) << target << " " << created.body;
    }
  }

  // The id of a fresh token to revoke: the caller's own, or the other team's rep's.
  std::string FreshTokenId(Role role, Side side) {
    static const std::map<Role, std::string> kUser{{kAdmin, ServerProcess::kAdminId},
                                                   {kManager, "mx-manager"},
                                                   {kRep, "mx-rep"},
                                                   {kMarketing, "mx-marketing"},
                                                   {kAnonymous, "mx-rep"}};
    const std::string user = side == Side::kOwn ? kUser.at(role) : "mx-rep-south";
    HttpClient admin(server().port());
    HttpResult created =
        admin.Post("/api/v1/tokens", R"({"name":"to revoke","user_id":")" + user + "\"}");
    EXPECT_EQ(created.status, 201) << created.body;
    return std::to_string(created.Json()["id"].GetInt64());
  }

  static inline std::array<std::string, kRoles> tokens_;
};

TEST_F(AuthorizationMatrix, EveryRouteRoleAndSideAnswersAsThePolicySays) {
  int cells = 0;
  for (const Row& row : Table(server())) {
    for (Side side : {Side::kOwn, Side::kOther}) {
      if (side == Side::kOther && !row.other) continue;
      const Cell& expected = side == Side::kOwn ? row.own : *row.other;
      for (int role = 0; role < kRoles; ++role) {
        HttpClient http(server().port());
        http.SetBearerToken(tokens_[role]);
        Call call = row.build ? row.build(side)
                              : Call{"/api/v1/tokens/" + FreshTokenId(Role(role), side), ""};
        std::vector<std::pair<std::string, std::string>> headers;
        if (call.version > 0)
          headers.emplace_back("If-Match", "\"" + std::to_string(call.version) + "\"");
        const std::string type =
            row.pattern == "/api/v1/ingest" ? "application/x-ndjson" : "application/json";
        HttpResult result = http.Send(row.method, call.target, call.body, headers, type);
        EXPECT_EQ(result.status, expected[role])
            << row.method << " " << call.target << " as " << kRoleNames[role] << " ("
            << (side == Side::kOwn ? "own" : "other team's") << " data): " << result.body;
        ++cells;
      }
    }
  }
  EXPECT_GT(cells, 300);
}

TEST_F(AuthorizationMatrix, CoversEveryDocumentedRoute) {
  std::set<std::pair<std::string, std::string>> table;
  for (const Row& row : Table(server())) {
    EXPECT_TRUE(table.insert({row.method, row.pattern}).second)
        << "twice in the table: " << row.method << " " << row.pattern;
  }
  rapidjson::Document doc = client().Get("/api/v1/openapi.json").Json();
  ASSERT_TRUE(doc.IsObject());
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& path : doc["paths"].GetObject()) {
    for (const auto& op : path.value.GetObject()) {
      std::string method = op.name.GetString();
      if (method == "parameters") continue;
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert({method, path.name.GetString()});
    }
  }
  for (const auto& route : documented) {
    EXPECT_TRUE(table.count(route))
        << "not in the authorisation matrix: " << route.first << " " << route.second;
  }
  for (const auto& route : table) {
    EXPECT_TRUE(documented.count(route)) << "no such route: " << route.first << " " << route.second;
  }
}

// The filtered lists hold exactly what the caller may see.
TEST_F(AuthorizationMatrix, ListsAndExportsHoldOnlyVisibleDeals) {
  auto ids = [&](Role role, const std::string& target) {
    HttpClient http(server().port());
    http.SetBearerToken(tokens_[role]);
    HttpResult result = http.Get(target);
    EXPECT_EQ(result.status, 200) << target << " " << result.body;
    std::set<std::string> out;
    rapidjson::Document doc = result.Json();
    for (const auto& item : doc["items"].GetArray()) {
      out.insert(item.HasMember("id") ? item["id"].GetString()
                                      : item["opportunity_id"].GetString());
    }
    return out;
  };
  using Ids = std::set<std::string>;
  EXPECT_EQ(ids(kRep, "/api/v1/opportunities"), Ids{"mx-opp-own"});
  EXPECT_EQ(ids(kManager, "/api/v1/opportunities"), Ids{"mx-opp-own"});
  EXPECT_EQ(ids(kAdmin, "/api/v1/opportunities"), (Ids{"mx-opp-other", "mx-opp-own"}));
  EXPECT_EQ(ids(kRep, "/api/v1/signals"), Ids{"mx-sig-own"});
  EXPECT_EQ(ids(kRep, "/api/v1/signals?opportunity_id=mx-opp-other"), Ids{});
  EXPECT_EQ(ids(kRep, "/api/v1/activities"), Ids{"mx-act-own"});
  EXPECT_EQ(ids(kRep, "/api/v1/readiness"), Ids{"mx-opp-own"});
  EXPECT_EQ(ids(kAdmin, "/api/v1/readiness"), (Ids{"mx-opp-other", "mx-opp-own"}));
  EXPECT_EQ(ids(kRep, "/api/v1/users"), Ids{"mx-rep"});
  EXPECT_EQ(ids(kManager, "/api/v1/users"), (Ids{"mx-manager", "mx-rep"}));

  HttpClient rep(server().port());
  rep.SetBearerToken(tokens_[kRep]);
  const std::string exported = rep.Get("/api/v1/export").body;
  EXPECT_NE(exported.find("mx-opp-own"), std::string::npos);
  EXPECT_NE(exported.find("mx-sig-own"), std::string::npos);
  EXPECT_EQ(exported.find("mx-opp-other"), std::string::npos) << exported;
  EXPECT_EQ(exported.find("mx-sig-other"), std::string::npos);

  // Sharing the other team's deal with the rep brings it into every list; unsharing removes it.
  HttpClient admin(server().port());
  ASSERT_EQ(admin.Send("PUT", "/api/v1/opportunities/mx-opp-other/shares/mx-rep").status, 200);
  EXPECT_EQ(ids(kRep, "/api/v1/opportunities"), (Ids{"mx-opp-other", "mx-opp-own"}));
  EXPECT_EQ(rep.Get("/api/v1/signals/mx-sig-other").status, 200);
  ASSERT_EQ(admin.Send("DELETE", "/api/v1/opportunities/mx-opp-other/shares/mx-rep").status, 200);
  EXPECT_EQ(ids(kRep, "/api/v1/opportunities"), Ids{"mx-opp-own"});
  EXPECT_EQ(rep.Get("/api/v1/signals/mx-sig-other").status, 404);
}

// A rep may change their deal but not hand it to someone outside their reach; a new deal
// without an owner is theirs.
TEST_F(AuthorizationMatrix, RepsKeepDealsWithinReach) {
  HttpClient rep(server().port());
  rep.SetBearerToken(tokens_[kRep]);
  HttpResult mine =
      rep.Post("/api/v1/opportunities",
               R"({"id":"mx-new","account_id":"mx-acc","name":"New","status":"open"})");
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_STREQ(mine.Json()["owner"].GetString(), "mx-rep");
  HttpResult give =
      rep.Write("PATCH", "/api/v1/opportunities/mx-new", R"({"owner":"mx-rep-south"})", 1);
  EXPECT_EQ(give.status, 403) << give.body;
  EXPECT_STREQ(give.Json()["error"]["field"].GetString(), "owner");
  HttpResult rename =
      rep.Write("PATCH", "/api/v1/opportunities/mx-new", R"({"name":"Renamed"})", 1);
  EXPECT_EQ(rename.status, 200) << rename.body;
  HttpClient manager(server().port());
  manager.SetBearerToken(tokens_[kManager]);
  EXPECT_EQ(
      manager.Write("PATCH", "/api/v1/opportunities/mx-new", R"({"owner":"mx-manager"})", 2).status,
      200)
      << "a manager may take over a deal of their team";
  EXPECT_EQ(rep.Get("/api/v1/opportunities/mx-new").status, 404) << "and the rep no longer sees it";
}

}  // namespace
}  // namespace buyalign::api_test
