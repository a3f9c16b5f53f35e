#include "storage/audit_log.hpp"
#include "storage/cursor.hpp"
#include "storage/record_ops.hpp"
#include "storage/sql_store.hpp"
#include "storage/visibility_sql.hpp"

// Users, credentials, team managers, opportunity shares and visibility checks.
namespace buyalign::storage {

namespace {

using core::Fail;
using UserMapping = Mapping<domain::User>;

const std::string kListUsers =
    UserMapping::SelectSql() + " WHERE u.ext_id > ? ORDER BY u.ext_id LIMIT ?";
// Two rows at most: one is the answer, two mean the email is ambiguous.
const std::string kUsersByEmail = UserMapping::SelectSql() +
                                  " WHERE lower(u.email) = lower(?) AND u.email <> ''"
                                  " ORDER BY u.ext_id LIMIT 2";
const std::string kUserById = UserMapping::SelectSql() + " WHERE u.ext_id = ?";
constexpr std::string_view kSelectPasswordHash = "SELECT password_hash FROM users WHERE id = ?";
constexpr std::string_view kSetPassword = "UPDATE users SET password_hash = ? WHERE id = ?";
// `disabled` is part of the record, so changing it is a new version.
constexpr std::string_view kSetDisabled =
    "UPDATE users SET disabled = ?, version = version + 1 WHERE id = ? AND disabled <> ?";
constexpr std::string_view kDeleteSessionsOfUser = "DELETE FROM sessions WHERE user_id = ?";
constexpr std::string_view kHasManager =
    "SELECT 1 FROM team_managers WHERE user_id = ? AND team = ?";
constexpr std::string_view kInsertManager =
    "INSERT INTO team_managers (user_id, team) VALUES (?, ?)";
constexpr std::string_view kDeleteManager =
    "DELETE FROM team_managers WHERE user_id = ? AND team = ?";
constexpr std::string_view kManagedTeams =
    "SELECT team FROM team_managers WHERE user_id = ? ORDER BY team";
constexpr std::string_view kManagedUsers =
    "SELECT DISTINCT u.ext_id FROM users u JOIN team_managers m ON m.team = u.team"
    " WHERE m.user_id = ? ORDER BY u.ext_id";
constexpr std::string_view kHasShare =
    "SELECT 1 FROM opportunity_shares WHERE opportunity_id = ? AND user_id = ?";
constexpr std::string_view kInsertShare =
    "INSERT INTO opportunity_shares (opportunity_id, user_id) VALUES (?, ?)";
constexpr std::string_view kDeleteShare =
    "DELETE FROM opportunity_shares WHERE opportunity_id = ? AND user_id = ?";
constexpr std::string_view kSharesOf =
    "SELECT u.ext_id FROM opportunity_shares s JOIN users u ON u.id = s.user_id"
    " WHERE s.opportunity_id = ? ORDER BY u.ext_id";
const std::string kCanSee =
    "SELECT 1 FROM opportunities o WHERE o.id = ? AND " + VisibleCondition("o.id");

// Argon2id strings as libsodium's crypto_pwhash_str writes them.
constexpr std::string_view kArgon2idPrefix = "$argon2id$";

std::string Quoted(std::string_view noun, std::string_view id) {
  return std::string(noun) + " \"" + std::string(id) + "\"";
}

// The internal id of an existing record, or kNotFound naming it.
core::Result<int64_t> Existing(RefResolver& refs, RefKind kind, std::string_view noun,
                               std::string_view id) {
  auto found = refs.Find(kind, id);
  if (!found) return Fail(found.error());
  if (!*found) return Fail(NotFound(Quoted(noun, id)));
  return **found;
}

// Runs a statement that binds two integer ids, or an id and a text, and returns no rows.
template <class B>
core::Status RunPair(SqlConnection& connection, std::string_view sql, int64_t first,
                     const B& second) {
  auto statement = connection.Prepare(sql);
  if (!statement) return Fail(statement.error());
  (*statement)->BindInt(1, first);
  if constexpr (std::is_same_v<B, int64_t>) {
    (*statement)->BindInt(2, second);
  } else {
    (*statement)->BindText(2, second);
  }
  return (*statement)->Run();
}

template <class B>
core::Result<bool> PairExists(SqlConnection& connection, std::string_view sql, int64_t first,
                              const B& second) {
  auto statement = connection.Prepare(sql);
  if (!statement) return Fail(statement.error());
  (*statement)->BindInt(1, first);
  if constexpr (std::is_same_v<B, int64_t>) {
    (*statement)->BindInt(2, second);
  } else {
    (*statement)->BindText(2, second);
  }
  auto row = (*statement)->Step();
  if (!row) return Fail(row.error());
  (*statement)->Reset();
  return *row;
}

core::Result<std::vector<std::string>> ReadTexts(SqlConnection& connection, std::string_view sql,
                                                 int64_t id) {
  auto statement = connection.Prepare(sql);
  if (!statement) return Fail(statement.error());
  (*statement)->BindInt(1, id);
  std::vector<std::string> texts;
  while (true) {
    auto row = (*statement)->Step();
    if (!row) return Fail(row.error());
    if (!*row) return texts;
    texts.emplace_back((*statement)->ColumnText(0));
  }
}

core::Result<std::vector<domain::User>> ReadUsers(SqlConnection& connection, SqlStatement& st) {
  std::vector<domain::User> users;
  auto ok = ReadRecords<domain::User>(connection, st, [&](domain::User&& user) -> core::Status {
    users.push_back(std::move(user));
    return {};
  });
  if (!ok) return Fail(ok.error());
  return users;
}

// The user `login` names: by id first, then by email.
core::Result<domain::User> FindLogin(SqlConnection& connection, std::string_view login) {
  for (const std::string* sql : {&kUserById, &kUsersByEmail}) {
    auto statement = connection.Prepare(*sql);
    if (!statement) return Fail(statement.error());
    (*statement)->BindText(1, login);
    auto users = ReadUsers(connection, **statement);
    if (!users) return Fail(users.error());
    if (users->size() > 1) {
      core::Error error = core::Error::Invalid("several users share this email", "login");
      error.code = core::ErrorCode::kConflict;
      return Fail(std::move(error));
    }
    if (users->size() == 1) return std::move(users->front());
  }
  return Fail(NotFound(Quoted("user", login)));
}

}  // namespace

Result<Page<domain::User>> SqlStore::ListUsers(const PageRequest& page) {
  using P = Page<domain::User>;
  return pool_->Read<P>([&](SqlConnection& connection) -> Result<P> {
    auto after = DecodeIdCursor(page.cursor);
    if (!after) return Fail(after.error());
    int limit = ClampLimit(page.limit);
    auto statement = connection.Prepare(kListUsers);
    if (!statement) return Fail(statement.error());
    (*statement)->BindText(1, *after);
    (*statement)->BindInt(2, limit + 1);
    auto users = ReadUsers(connection, **statement);
    if (!users) return Fail(users.error());
    P result{std::move(*users), ""};
    if (result.items.size() > static_cast<size_t>(limit)) {
      result.items.resize(limit);
      result.next_cursor = EncodeIdCursor(result.items.back().id);
    }
    return result;
  });
}

Status SqlStore::SetPassword(std::string_view user_id, std::string_view password_hash,
                             const Actor& actor) {
  if (!password_hash.starts_with(kArgon2idPrefix)) {
    return Fail(
        core::Error::Invalid("a password is stored only as an Argon2id hash", "password_hash"));
  }
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto user = Existing(refs, RefKind::kUser, "user", user_id);
    if (!user) return Fail(user.error());
    auto statement = connection.Prepare(kSetPassword);
    if (!statement) return Fail(statement.error());
    (*statement)->BindText(1, password_hash);
    (*statement)->BindInt(2, *user);
    if (auto ok = (*statement)->Run(); !ok) return ok;
    // Neither hash goes to the log: that a password changed is the whole entry.
    return AppendAudit(connection, actor, {"set_password", "user", user_id, "", ""});
  });
}

Status SqlStore::SetUserDisabled(std::string_view user_id, bool disabled, const Actor& actor) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto user = Existing(refs, RefKind::kUser, "user", user_id);
    if (!user) return Fail(user.error());
    auto before = RecordJson<domain::User>(connection, *user);
    if (!before) return Fail(before.error());
    auto statement = connection.Prepare(kSetDisabled);
    if (!statement) return Fail(statement.error());
    (*statement)->BindInt(1, disabled ? 1 : 0);
    (*statement)->BindInt(2, *user);
    (*statement)->BindInt(3, disabled ? 1 : 0);
    if (auto ok = (*statement)->Run(); !ok) return ok;
    if (disabled) {
      auto end = connection.Prepare(kDeleteSessionsOfUser);
      if (!end) return Fail(end.error());
      (*end)->BindInt(1, *user);
      if (auto ok = (*end)->Run(); !ok) return ok;
    }
    auto after = RecordJson<domain::User>(connection, *user);
    if (!after) return Fail(after.error());
    if (*after == *before) return {};  // already so: nothing changed, nothing to log
    return AppendAudit(
        connection, actor,
        {disabled ? "disable" : "enable", "user", user_id, std::move(*before), std::move(*after)});
  });
}

Result<Credentials> SqlStore::GetCredentials(std::string_view login) {
  return pool_->Read<Credentials>([&](SqlConnection& connection) -> Result<Credentials> {
    auto user = FindLogin(connection, login);
    if (!user) return Fail(user.error());
    RefResolver refs(connection);
    auto id = Existing(refs, RefKind::kUser, "user", user->id);
    if (!id) return Fail(id.error());
    auto statement = connection.Prepare(kSelectPasswordHash);
    if (!statement) return Fail(statement.error());
    (*statement)->BindInt(1, *id);
    auto row = (*statement)->Step();
    if (!row) return Fail(row.error());
    Credentials credentials{std::move(*user), "", false};
    if (*row) credentials.password_hash = (*statement)->ColumnText(0);
    credentials.disabled = credentials.user.disabled;
    return credentials;
  });
}

Status SqlStore::AddTeamManager(std::string_view user_id, std::string_view team_id,
                                const Actor& actor) {
  if (team_id.empty()) return Fail(core::Error::Invalid("team is required", "team"));
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto user = Existing(refs, RefKind::kUser, "user", user_id);
    if (!user) return Fail(user.error());
    auto exists = PairExists(connection, kHasManager, *user, team_id);
    if (!exists) return Fail(exists.error());
    if (*exists) return {};
    if (auto ok = RunPair(connection, kInsertManager, *user, team_id); !ok) return ok;
    return AppendAudit(connection, actor,
                       {"add_manager", "user", user_id, "", FieldsJson({{"team", team_id}})});
  });
}

Status SqlStore::RemoveTeamManager(std::string_view user_id, std::string_view team_id,
                                   const Actor& actor) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto user = Existing(refs, RefKind::kUser, "user", user_id);
    if (!user) return Fail(user.error());
    auto exists = PairExists(connection, kHasManager, *user, team_id);
    if (!exists) return Fail(exists.error());
    if (!*exists) return {};
    if (auto ok = RunPair(connection, kDeleteManager, *user, team_id); !ok) return ok;
    return AppendAudit(connection, actor,
                       {"remove_manager", "user", user_id, FieldsJson({{"team", team_id}}), ""});
  });
}

Result<std::vector<std::string>> SqlStore::ListManagedTeams(std::string_view user_id) {
  using V = std::vector<std::string>;
  return pool_->Read<V>([&](SqlConnection& connection) -> Result<V> {
    RefResolver refs(connection);
    auto user = Existing(refs, RefKind::kUser, "user", user_id);
    if (!user) return Fail(user.error());
    return ReadTexts(connection, kManagedTeams, *user);
  });
}

Result<std::vector<std::string>> SqlStore::ListManagedUsers(std::string_view manager_id) {
  using V = std::vector<std::string>;
  return pool_->Read<V>([&](SqlConnection& connection) -> Result<V> {
    RefResolver refs(connection);
    auto user = Existing(refs, RefKind::kUser, "user", manager_id);
    if (!user) return Fail(user.error());
    return ReadTexts(connection, kManagedUsers, *user);
  });
}

Status SqlStore::ShareOpportunity(std::string_view opportunity_id, std::string_view user_id,
                                  const Actor& actor) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto opportunity = Existing(refs, RefKind::kOpportunity, "opportunity", opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    auto user = Existing(refs, RefKind::kUser, "user", user_id);
    if (!user) return Fail(user.error());
    auto exists = PairExists(connection, kHasShare, *opportunity, *user);
    if (!exists) return Fail(exists.error());
    if (*exists) return {};
    if (auto ok = RunPair(connection, kInsertShare, *opportunity, *user); !ok) return ok;
    return AppendAudit(
        connection, actor,
        {"share", "opportunity", opportunity_id, "", FieldsJson({{"user_id", user_id}})});
  });
}

Status SqlStore::UnshareOpportunity(std::string_view opportunity_id, std::string_view user_id,
                                    const Actor& actor) {
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto opportunity = Existing(refs, RefKind::kOpportunity, "opportunity", opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    auto user = Existing(refs, RefKind::kUser, "user", user_id);
    if (!user) return Fail(user.error());
    auto exists = PairExists(connection, kHasShare, *opportunity, *user);
    if (!exists) return Fail(exists.error());
    if (!*exists) return {};
    if (auto ok = RunPair(connection, kDeleteShare, *opportunity, *user); !ok) return ok;
    return AppendAudit(
        connection, actor,
        {"unshare", "opportunity", opportunity_id, FieldsJson({{"user_id", user_id}}), ""});
  });
}

Result<std::vector<std::string>> SqlStore::ListShares(std::string_view opportunity_id) {
  using V = std::vector<std::string>;
  return pool_->Read<V>([&](SqlConnection& connection) -> Result<V> {
    RefResolver refs(connection);
    auto opportunity = Existing(refs, RefKind::kOpportunity, "opportunity", opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    return ReadTexts(connection, kSharesOf, *opportunity);
  });
}

Result<bool> SqlStore::CanSee(std::string_view user_id, Visibility visibility,
                              std::string_view opportunity_id) {
  return pool_->Read<bool>([&](SqlConnection& connection) -> Result<bool> {
    RefResolver refs(connection);
    auto opportunity = Existing(refs, RefKind::kOpportunity, "opportunity", opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    auto viewer = ResolveViewer(refs, {std::string(user_id), visibility});
    if (!viewer) return Fail(viewer.error());
    if (!*viewer) return false;
    auto statement = connection.Prepare(kCanSee);
    if (!statement) return Fail(statement.error());
    (*statement)->BindInt(1, *opportunity);
    BindVisibility(**statement, 2, **viewer);
    auto row = (*statement)->Step();
    if (!row) return Fail(row.error());
    return *row;
  });
}

}  // namespace buyalign::storage
