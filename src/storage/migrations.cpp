#include "storage/migrations.hpp"

#include <string>

#include "core/time.hpp"

namespace buyalign::storage {

namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY,"
    " description TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";
constexpr std::string_view kSelectSchemaVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kInsertMigration =
    "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)";

// Conventions: `id` is internal and never leaves the store; `ext_id` is the source system's id.
// Times are unix seconds, dates unix days, booleans 0/1, enums their spec ids, absent optional
// text ''. Children of an opportunity go with it (CASCADE); accounts, contacts, users and content
// still referenced cannot be deleted (RESTRICT). Indexes on referencing columns keep RESTRICT
// checks and cascades from scanning.
const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> migrations = {
      {1,
       "records of the interchange spec",
       {
           "CREATE TABLE teams (id ${ID}, ext_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
           " version BIGINT NOT NULL)",
           // `team` is the team's external id: the interchange lets a user name a team that no
           // team record lists, so it is a label rather than a foreign key.
           "CREATE TABLE users (id ${ID}, ext_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
           " email TEXT NOT NULL, role TEXT NOT NULL, team TEXT NOT NULL,"
           " version BIGINT NOT NULL)",
           "CREATE TABLE accounts (id ${ID}, ext_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
           " industry TEXT NOT NULL, employees BIGINT, country TEXT NOT NULL,"
           " segment TEXT NOT NULL, version BIGINT NOT NULL)",
           "CREATE TABLE contacts (id ${ID}, ext_id TEXT NOT NULL UNIQUE,"
           " account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,"
           " name TEXT NOT NULL, title TEXT NOT NULL, email TEXT NOT NULL,"
           " persona TEXT NOT NULL, version BIGINT NOT NULL)",
           "CREATE INDEX contacts_account ON contacts (account_id)",
           // stages, personas and segments are JSON arrays of strings.
           "CREATE TABLE content_items (id ${ID}, ext_id TEXT NOT NULL UNIQUE,"
           " title TEXT NOT NULL, url TEXT NOT NULL, stages TEXT NOT NULL,"
           " personas TEXT NOT NULL, segments TEXT NOT NULL, format TEXT NOT NULL,"
           " retired BIGINT NOT NULL, version BIGINT NOT NULL)",
           "CREATE TABLE opportunities (id ${ID}, ext_id TEXT NOT NULL UNIQUE,"
           " account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,"
           " name TEXT NOT NULL, owner_id BIGINT REFERENCES users (id) ON DELETE RESTRICT,"
           " amount DOUBLE PRECISION, currency TEXT NOT NULL, expected_close BIGINT,"
           " status TEXT NOT NULL, created_at BIGINT, version BIGINT NOT NULL)",
           "CREATE INDEX opportunities_account ON opportunities (account_id)",
           "CREATE TABLE dmu_members (id ${ID},"
           " opportunity_id BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,"
           " contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,"
           " role TEXT NOT NULL, influence DOUBLE PRECISION NOT NULL, stance TEXT NOT NULL,"
           " version BIGINT NOT NULL, UNIQUE (opportunity_id, contact_id))",
           "CREATE INDEX dmu_members_contact ON dmu_members (contact_id)",
           "CREATE TABLE signals (id ${ID}, ext_id TEXT NOT NULL UNIQUE,"
           " opportunity_id BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,"
           " contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,"
           " kind TEXT NOT NULL, at BIGINT NOT NULL, source TEXT NOT NULL, stage TEXT NOT NULL,"
           " content_id BIGINT REFERENCES content_items (id) ON DELETE RESTRICT,"
           " note TEXT NOT NULL, version BIGINT NOT NULL)",
           "CREATE INDEX signals_opportunity ON signals (opportunity_id, at)",
           "CREATE INDEX signals_contact ON signals (contact_id)",
           "CREATE INDEX signals_content ON signals (content_id) WHERE content_id IS NOT NULL",
           "CREATE TABLE activities (id ${ID}, ext_id TEXT NOT NULL UNIQUE,"
           " opportunity_id BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,"
           " kind TEXT NOT NULL, at BIGINT NOT NULL, duration_min BIGINT,"
           " owner_id BIGINT REFERENCES users (id) ON DELETE RESTRICT, note TEXT NOT NULL,"
           " version BIGINT NOT NULL)",
           "CREATE INDEX activities_opportunity ON activities (opportunity_id, at)",
           // `position` keeps contact_ids in the order they were given.
           "CREATE TABLE activity_contacts ("
           " activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,"
           " position BIGINT NOT NULL,"
           " contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,"
           " PRIMARY KEY (activity_id, position))",
           "CREATE INDEX activity_contacts_contact ON activity_contacts (contact_id)",
           "CREATE TABLE content_shares (id ${ID},"
           " content_id BIGINT NOT NULL REFERENCES content_items (id) ON DELETE RESTRICT,"
           " opportunity_id BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,"
           " contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,"
           " at BIGINT NOT NULL, engaged BIGINT NOT NULL, version BIGINT NOT NULL,"
           " UNIQUE (content_id, opportunity_id, contact_id, at))",
           "CREATE INDEX content_shares_opportunity ON content_shares (opportunity_id)",
           "CREATE INDEX content_shares_contact ON content_shares (contact_id)",
           "CREATE TABLE outcomes (id ${ID},"
           " opportunity_id BIGINT NOT NULL UNIQUE"
           " REFERENCES opportunities (id) ON DELETE CASCADE,"
           " status TEXT NOT NULL, at BIGINT NOT NULL, amount DOUBLE PRECISION,"
           " reason TEXT NOT NULL, version BIGINT NOT NULL)",
       }},
      {2,
       "stage history, CRM stage, identity (credentials, managers, shares, sessions, tokens,"
       " login throttling) and the audit log",
       {
           "ALTER TABLE opportunities ADD COLUMN crm_stage TEXT NOT NULL DEFAULT ''",
           "CREATE INDEX opportunities_owner ON opportunities (owner_id)",
           "CREATE TABLE stage_changes (id ${ID},"
           " opportunity_id BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,"
           " at BIGINT NOT NULL, stage TEXT NOT NULL, amount DOUBLE PRECISION,"
           " probability DOUBLE PRECISION, version BIGINT NOT NULL, UNIQUE (opportunity_id, at))",
           // '' means "no password": such a user cannot sign in until one is set.
           "ALTER TABLE users ADD COLUMN password_hash TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE users ADD COLUMN disabled BIGINT NOT NULL DEFAULT 0",
           "CREATE INDEX users_email ON users (lower(email))",
           "CREATE INDEX users_team ON users (team)",
           // `team` is a team's external id, a label like users.team.
           "CREATE TABLE team_managers ("
           " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
           " team TEXT NOT NULL, PRIMARY KEY (user_id, team))",
           "CREATE TABLE opportunity_shares ("
           " opportunity_id BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,"
           " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
           " PRIMARY KEY (opportunity_id, user_id))",
           "CREATE INDEX opportunity_shares_user ON opportunity_shares (user_id)",
           // Tokens are stored only as hashes (auth::HashToken), so a copy of the database grants
           // no access.
           "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, csrf_hash TEXT NOT NULL,"
           " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
           " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
           "CREATE INDEX sessions_user ON sessions (user_id)",
           "CREATE INDEX sessions_expiry ON sessions (expires_at)",
           "CREATE TABLE api_tokens (id ${ID}, token_hash TEXT NOT NULL UNIQUE,"
           " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
           " name TEXT NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT)",
           "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
           "CREATE TABLE login_failures (login_key TEXT NOT NULL, at BIGINT NOT NULL)",
           "CREATE INDEX login_failures_key ON login_failures (login_key, at)",
           // Who changed what, when, with the values before and after as JSON objects. Actors and
           // records are named by external id, not by reference, so entries outlive them.
           "CREATE TABLE audit_log (id ${ID}, at BIGINT NOT NULL, user_id TEXT NOT NULL,"
           " via TEXT NOT NULL, action TEXT NOT NULL, record_type TEXT NOT NULL,"
           " record_id TEXT NOT NULL, before_json TEXT, after_json TEXT)",
           "CREATE INDEX audit_log_record ON audit_log (record_type, record_id)",
           "CREATE INDEX audit_log_user ON audit_log (user_id)",
           "CREATE INDEX audit_log_at ON audit_log (at)",
       }},
      {3,
       "forecast calls and manager adjustments",
       {
           // A rep's call for a period: each deal with its category and amount at the time.
           // Model figures are the forecast's P10/P50/P90 when the call was saved.
           "CREATE TABLE forecast_calls (id ${ID}, period TEXT NOT NULL,"
           " owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
           " note TEXT NOT NULL, model_p10 DOUBLE PRECISION, model_p50 DOUBLE PRECISION,"
           " model_p90 DOUBLE PRECISION, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,"
           " version BIGINT NOT NULL, UNIQUE (period, owner_id))",
           "CREATE INDEX forecast_calls_owner ON forecast_calls (owner_id)",
           "CREATE TABLE forecast_call_deals ("
           " call_id BIGINT NOT NULL REFERENCES forecast_calls (id) ON DELETE CASCADE,"
           " opportunity_id BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,"
           " category TEXT NOT NULL, amount DOUBLE PRECISION NOT NULL,"
           " PRIMARY KEY (call_id, opportunity_id))",
           "CREATE INDEX forecast_call_deals_opportunity ON forecast_call_deals (opportunity_id)",
           // `team` is a team's external id, a label like users.team.
           "CREATE TABLE forecast_adjustments (id ${ID}, period TEXT NOT NULL, team TEXT NOT NULL,"
           " amount DOUBLE PRECISION NOT NULL, note TEXT NOT NULL, model_p10 DOUBLE PRECISION,"
           " model_p50 DOUBLE PRECISION, model_p90 DOUBLE PRECISION,"
           " updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL, version BIGINT NOT NULL,"
           " UNIQUE (period, team))",
       }},
      {4,
       "background import jobs",
       {
           // The state of an upload import (POST /api/v1/imports), so any server sharing the
           // database can report on it. Times are unix seconds; summary_json and error_json are
           // '' until the job ends.
           "CREATE TABLE import_jobs (id ${ID}, ext_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
           " files TEXT NOT NULL, created_by TEXT NOT NULL, created_at BIGINT NOT NULL,"
           " status TEXT NOT NULL, phase TEXT NOT NULL, done_count BIGINT NOT NULL,"
           " total_count BIGINT NOT NULL, started_at BIGINT, finished_at BIGINT,"
           " heartbeat_at BIGINT NOT NULL, summary_json TEXT NOT NULL,"
           " error_json TEXT NOT NULL)",
       }},
  };
  return migrations;
}

core::Result<int64_t> SchemaVersion(SqlConnection& connection) {
  auto statement = connection.Prepare(kSelectSchemaVersion);
  if (!statement) return core::Fail(statement.error());
  auto row = (*statement)->Step();
  if (!row) return core::Fail(row.error());
  return *row ? (*statement)->ColumnInt(0) : 0;
}

core::Status ApplyOne(SqlConnection& connection, const Migration& migration) {
  for (std::string_view sql : migration.statements) {
    if (auto ok = connection.Execute(sql); !ok) return ok;
  }
  auto insert = connection.Prepare(kInsertMigration);
  if (!insert) return core::Fail(insert.error());
  (*insert)->BindInt(1, migration.version);
  (*insert)->BindText(2, migration.description);
  (*insert)->BindInt(3, core::ToUnixSeconds(core::Now()));
  return (*insert)->Run();
}

}  // namespace

std::span<const Migration> Migrations() { return AllMigrations(); }

core::Status ApplyMigrations(SqlConnection& connection) {
  if (auto ok = connection.Execute(kCreateMigrationsTable); !ok) return ok;
  for (const Migration& migration : Migrations()) {
    // The version is read inside the write transaction, so two processes opening the same new
    // database at once apply each migration exactly once.
    if (auto ok = connection.Begin(TransactionMode::kWrite); !ok) return ok;
    core::Status result = [&]() -> core::Status {
      auto current = SchemaVersion(connection);
      if (!current) return core::Fail(current.error());
      if (*current >= migration.version) return {};
      return ApplyOne(connection, migration);
    }();
    if (!result) {
      connection.Rollback();
      return core::Fail(core::Error::Internal("migration " + std::to_string(migration.version) +
                                              " failed: " + result.error().message));
    }
    if (auto ok = connection.Commit(); !ok) return ok;
  }
  if (auto ok = connection.Begin(TransactionMode::kRead); !ok) return ok;
  auto current = SchemaVersion(connection);
  connection.Commit();
  if (!current) return core::Fail(current.error());
  if (*current > Migrations().back().version) {
    return core::Fail(
        core::Error::Internal("the database schema (version " + std::to_string(*current) +
                              ") is newer than this program supports; upgrade Buyalign"));
  }
  return {};
}

}  // namespace buyalign::storage
