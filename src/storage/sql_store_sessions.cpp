#include <chrono>

#include "storage/audit_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/record_ops.hpp"
#include "storage/sql_store.hpp"

// Sessions, API tokens and login throttling: short-lived security state kept in the database so
// several servers share it.
namespace buyalign::storage {

namespace {

using core::Fail;

// Login failures older than this are of no use to any throttling window.
constexpr std::chrono::hours kLoginFailureRetention{24};

constexpr std::string_view kPurgeExpiredSessions = "DELETE FROM sessions WHERE expires_at <= ?";
constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, csrf_hash, user_id, created_at, expires_at)"
    " VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kSelectSession =
    "SELECT u.ext_id, s.csrf_hash, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr std::string_view kDeleteSessionsOfUser = "DELETE FROM sessions WHERE user_id = ?";
constexpr std::string_view kInsertToken =
    "INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)"
    " RETURNING id";  // ends in SqlDialect::kReturningId
constexpr std::string_view kSelectTokens =
    "SELECT t.id, u.ext_id, t.name, t.created_at, t.revoked_at FROM api_tokens t"
    " JOIN users u ON u.id = t.user_id WHERE t.user_id = ? ORDER BY t.id";
constexpr std::string_view kSelectTokenById =
    "SELECT u.ext_id, t.name, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE t.id = ?";
constexpr std::string_view kRevokeToken =
    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
constexpr std::string_view kFindToken =
    "SELECT u.ext_id FROM api_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0";
constexpr std::string_view kInsertLoginFailure =
    "INSERT INTO login_failures (login_key, at) VALUES (?, ?)";
constexpr std::string_view kPurgeLoginFailures =
    "DELETE FROM login_failures WHERE login_key = ? AND at < ?";
constexpr std::string_view kCountLoginFailures =
    "SELECT COUNT(*) FROM login_failures WHERE login_key = ? AND at >= ?";
constexpr std::string_view kClearLoginFailures = "DELETE FROM login_failures WHERE login_key = ?";

int64_t NowSeconds() { return core::ToUnixSeconds(core::Now()); }

core::Result<int64_t> ExistingUser(RefResolver& refs, std::string_view user_id) {
  auto found = refs.Find(RefKind::kUser, user_id);
  if (!found) return Fail(found.error());
  if (!*found) return Fail(NotFound("user \"" + std::string(user_id) + "\""));
  return **found;
}

// Runs a statement whose placeholders are all text.
core::Status RunWithText(SqlConnection& connection, std::string_view sql, std::string_view text) {
  auto statement = connection.Prepare(sql);
  if (!statement) return Fail(statement.error());
  (*statement)->BindText(1, text);
  return (*statement)->Run();
}

}  // namespace

Status SqlStore::CreateSession(std::string_view token_hash, std::string_view csrf_hash,
                               std::string_view user_id, core::Timestamp expires_at) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto user = ExistingUser(refs, user_id);
    if (!user) return Fail(user.error());
    int64_t now = NowSeconds();
    auto purge = connection.Prepare(kPurgeExpiredSessions);
    if (!purge) return Fail(purge.error());
    (*purge)->BindInt(1, now);
    if (auto ok = (*purge)->Run(); !ok) return ok;
    auto statement = connection.Prepare(kInsertSession);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    st.BindText(1, token_hash);
    st.BindText(2, csrf_hash);
    st.BindInt(3, *user);
    st.BindInt(4, now);
    st.BindInt(5, core::ToUnixSeconds(expires_at));
    return st.Run();
  });
}

Result<Session> SqlStore::GetSession(std::string_view token_hash) {
  return pool_->Read<Session>([&](SqlConnection& connection) -> Result<Session> {
    auto statement = connection.Prepare(kSelectSession);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    st.BindText(1, token_hash);
    st.BindInt(2, NowSeconds());
    auto row = st.Step();
    if (!row) return Fail(row.error());
    if (!*row) return Fail(NotFound("session"));
    return Session{std::string(st.ColumnText(0)), std::string(st.ColumnText(1)),
                   core::FromUnixSeconds(st.ColumnInt(2))};
  });
}

Status SqlStore::DeleteSession(std::string_view token_hash) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    return RunWithText(connection, kDeleteSession, token_hash);
  });
}

Status SqlStore::DeleteSessionsOf(std::string_view user_id) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto user = ExistingUser(refs, user_id);
    if (!user) return Fail(user.error());
    auto statement = connection.Prepare(kDeleteSessionsOfUser);
    if (!statement) return Fail(statement.error());
    (*statement)->BindInt(1, *user);
    return (*statement)->Run();
  });
}

Result<int64_t> SqlStore::CreateApiToken(std::string_view token_hash, std::string_view user_id,
                                         std::string_view name, const Actor& actor) {
  return pool_->Write<int64_t>([&](SqlConnection& connection) -> Result<int64_t> {
    RefResolver refs(connection);
    auto user = ExistingUser(refs, user_id);
    if (!user) return Fail(user.error());
    auto statement = connection.Prepare(kInsertToken);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    st.BindText(1, token_hash);
    st.BindInt(2, *user);
    st.BindText(3, name);
    st.BindInt(4, NowSeconds());
    auto id = st.StepInsert();
    if (!id) return Fail(id.error());
    std::string token_id = std::to_string(*id);
    auto ok = AppendAudit(
        connection, actor,
        {"create", "api_token", token_id, "", FieldsJson({{"user_id", user_id}, {"name", name}})});
    if (!ok) return Fail(ok.error());
    return *id;
  });
}

Result<std::vector<ApiTokenInfo>> SqlStore::ListApiTokens(std::string_view user_id) {
  using V = std::vector<ApiTokenInfo>;
  return pool_->Read<V>([&](SqlConnection& connection) -> Result<V> {
    RefResolver refs(connection);
    auto user = ExistingUser(refs, user_id);
    if (!user) return Fail(user.error());
    auto statement = connection.Prepare(kSelectTokens);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    st.BindInt(1, *user);
    V tokens;
    while (true) {
      auto row = st.Step();
      if (!row) return Fail(row.error());
      if (!*row) return tokens;
      ApiTokenInfo token;
      token.id = st.ColumnInt(0);
      token.user_id = st.ColumnText(1);
      token.name = st.ColumnText(2);
      token.created_at = core::FromUnixSeconds(st.ColumnInt(3));
      if (!st.IsNull(4)) token.revoked_at = core::FromUnixSeconds(st.ColumnInt(4));
      tokens.push_back(std::move(token));
    }
  });
}

Status SqlStore::RevokeApiToken(int64_t token_id, const Actor& actor) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    auto select = connection.Prepare(kSelectTokenById);
    if (!select) return Fail(select.error());
    (*select)->BindInt(1, token_id);
    auto row = (*select)->Step();
    if (!row) return Fail(row.error());
    std::string id = std::to_string(token_id);
    if (!*row) return Fail(NotFound("API token " + id));
    bool revoked = !(*select)->IsNull(2);
    std::string before =
        FieldsJson({{"user_id", (*select)->ColumnText(0)}, {"name", (*select)->ColumnText(1)}});
    (*select)->Reset();
    if (revoked) return {};
    auto revoke = connection.Prepare(kRevokeToken);
    if (!revoke) return Fail(revoke.error());
    (*revoke)->BindInt(1, NowSeconds());
    (*revoke)->BindInt(2, token_id);
    if (auto ok = (*revoke)->Run(); !ok) return ok;
    return AppendAudit(connection, actor, {"revoke", "api_token", id, std::move(before), ""});
  });
}

Result<std::string> SqlStore::FindApiToken(std::string_view token_hash) {
  return pool_->Read<std::string>([&](SqlConnection& connection) -> Result<std::string> {
    auto statement = connection.Prepare(kFindToken);
    if (!statement) return Fail(statement.error());
    (*statement)->BindText(1, token_hash);
    auto row = (*statement)->Step();
    if (!row) return Fail(row.error());
    if (!*row) return Fail(NotFound("API token"));
    return std::string((*statement)->ColumnText(0));
  });
}

Status SqlStore::RecordLoginFailure(std::string_view key, core::Timestamp at) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    auto purge = connection.Prepare(kPurgeLoginFailures);
    if (!purge) return Fail(purge.error());
    (*purge)->BindText(1, key);
    (*purge)->BindInt(2, core::ToUnixSeconds(at - kLoginFailureRetention));
    if (auto ok = (*purge)->Run(); !ok) return ok;
    auto insert = connection.Prepare(kInsertLoginFailure);
    if (!insert) return Fail(insert.error());
    (*insert)->BindText(1, key);
    (*insert)->BindInt(2, core::ToUnixSeconds(at));
    return (*insert)->Run();
  });
}

Result<int64_t> SqlStore::CountLoginFailures(std::string_view key, core::Timestamp since) {
  return pool_->Read<int64_t>([&](SqlConnection& connection) -> Result<int64_t> {
    auto statement = connection.Prepare(kCountLoginFailures);
    if (!statement) return Fail(statement.error());
    (*statement)->BindText(1, key);
    (*statement)->BindInt(2, core::ToUnixSeconds(since));
    auto row = (*statement)->Step();
    if (!row) return Fail(row.error());
    return *row ? (*statement)->ColumnInt(0) : 0;
  });
}

Status SqlStore::ClearLoginFailures(std::string_view key) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    return RunWithText(connection, kClearLoginFailures, key);
  });
}

}  // namespace buyalign::storage
