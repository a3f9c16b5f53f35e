#pragma once

#include <memory>

#include "storage/connection_pool.hpp"
#include "storage/store.hpp"

namespace buyalign::storage {

// The Store, written once against SqlConnection so SQLite and PostgreSQL share every rule:
// version checks, upserts, reference resolution, pagination and scans. Statements are portable
// SQL constants with `?` placeholders, prepared once per connection and cached.
//
// Every write appends its audit entry (audit_log.hpp) on the same transaction.
//
// Thread-safe: writes are serialized on the pool's writer connection, reads run in parallel on
// its reader connections. Each method is one transaction. A ScanAll visitor may call the store
// again, but must not start a scan of its own (it would wait for a reader held by the outer scan
// when every reader is busy).
class SqlStore final : public Store {
 public:
  // `pool` must hold a migrated schema (ApplyMigrations).
  explicit SqlStore(std::unique_ptr<ConnectionPool> pool);

  Result<domain::Account> GetAccount(std::string_view id) override;
  Result<Page<domain::Account>> ListAccounts(const PageRequest& page) override;
  Result<domain::Account> CreateAccount(const domain::Account& account,
                                        const Actor& actor = Actor::System()) override;
  Result<domain::Account> UpdateAccount(const domain::Account& account, int64_t expected_version,
                                        const Actor& actor = Actor::System()) override;
  Status DeleteAccount(std::string_view id, int64_t expected_version,
                       const Actor& actor = Actor::System()) override;

  Result<domain::Contact> GetContact(std::string_view id) override;
  Result<Page<domain::Contact>> ListContacts(const ContactFilter& filter,
                                             const PageRequest& page) override;
  Result<domain::Contact> CreateContact(const domain::Contact& contact,
                                        const Actor& actor = Actor::System()) override;
  Result<domain::Contact> UpdateContact(const domain::Contact& contact, int64_t expected_version,
                                        const Actor& actor = Actor::System()) override;
  Status DeleteContact(std::string_view id, int64_t expected_version,
                       const Actor& actor = Actor::System()) override;

  Result<domain::Opportunity> GetOpportunity(std::string_view id) override;
  Result<Page<domain::Opportunity>> ListOpportunities(const OpportunityFilter& filter,
                                                      const PageRequest& page) override;
  Result<domain::Opportunity> CreateOpportunity(const domain::Opportunity& opp,
                                                const Actor& actor = Actor::System()) override;
  Result<domain::Opportunity> UpdateOpportunity(const domain::Opportunity& opp,
                                                int64_t expected_version,
                                                const Actor& actor = Actor::System()) override;
  Status DeleteOpportunity(std::string_view id, int64_t expected_version,
                           const Actor& actor = Actor::System()) override;

  Result<std::vector<domain::DmuMember>> ListDmuMembers(std::string_view opportunity_id) override;
  Result<domain::DmuMember> GetDmuMember(std::string_view opportunity_id,
                                         std::string_view contact_id) override;
  Result<domain::DmuMember> CreateDmuMember(const domain::DmuMember& member,
                                            const Actor& actor = Actor::System()) override;
  Result<domain::DmuMember> UpdateDmuMember(const domain::DmuMember& member,
                                            int64_t expected_version,
                                            const Actor& actor = Actor::System()) override;
  Status DeleteDmuMember(std::string_view opportunity_id, std::string_view contact_id,
                         int64_t expected_version, const Actor& actor = Actor::System()) override;

  Result<domain::Signal> GetSignal(std::string_view id) override;
  Result<Page<domain::Signal>> ListSignals(const SignalFilter& filter,
                                           const PageRequest& page) override;
  Result<domain::Signal> CreateSignal(const domain::Signal& signal,
                                      const Actor& actor = Actor::System()) override;
  Result<domain::Signal> UpdateSignal(const domain::Signal& signal, int64_t expected_version,
                                      const Actor& actor = Actor::System()) override;
  Status DeleteSignal(std::string_view id, int64_t expected_version,
                      const Actor& actor = Actor::System()) override;

  Result<domain::Activity> GetActivity(std::string_view id) override;
  Result<Page<domain::Activity>> ListActivities(const ActivityFilter& filter,
                                                const PageRequest& page) override;
  Result<domain::Activity> CreateActivity(const domain::Activity& activity,
                                          const Actor& actor = Actor::System()) override;
  Result<domain::Activity> UpdateActivity(const domain::Activity& activity,
                                          int64_t expected_version,
                                          const Actor& actor = Actor::System()) override;
  Status DeleteActivity(std::string_view id, int64_t expected_version,
                        const Actor& actor = Actor::System()) override;

  Result<domain::ContentItem> GetContent(std::string_view id) override;
  Result<Page<domain::ContentItem>> ListContent(const PageRequest& page) override;
  Result<domain::ContentItem> CreateContent(const domain::ContentItem& item,
                                            const Actor& actor = Actor::System()) override;
  Result<domain::ContentItem> UpdateContent(const domain::ContentItem& item,
                                            int64_t expected_version,
                                            const Actor& actor = Actor::System()) override;
  Status DeleteContent(std::string_view id, int64_t expected_version,
                       const Actor& actor = Actor::System()) override;

  Result<domain::User> GetUser(std::string_view id) override;

  Result<ImportSummary> Import(const RecordBatch& batch, const ProgressFn& progress = {},
                               const Actor& actor = Actor::System()) override;

  Status ScanAll(RecordVisitor& visitor, const Viewer& viewer = {}) override;
  Status ScanSignals(const std::function<bool(const domain::Signal&)>& fn) override;
  Result<std::vector<domain::StageChange>> ListStageChanges(
      std::string_view opportunity_id) override;
  Result<bool> CanSee(std::string_view user_id, Visibility visibility,
                      std::string_view opportunity_id) override;
  Result<Page<AuditEntry>> ListAudit(const AuditFilter& filter, const PageRequest& page) override;
  Status Backup(const std::string& out_path) override;

  // IdentityStore (sql_store_identity.cpp, sql_store_sessions.cpp).
  Result<domain::User> CreateUser(const domain::User& user,
                                  const Actor& actor = Actor::System()) override;
  Result<domain::User> UpdateUser(const domain::User& user, int64_t expected_version,
                                  const Actor& actor = Actor::System()) override;
  Result<Page<domain::User>> ListUsers(const PageRequest& page) override;
  Status SetPassword(std::string_view user_id, std::string_view password_hash,
                     const Actor& actor = Actor::System()) override;
  Status SetUserDisabled(std::string_view user_id, bool disabled,
                         const Actor& actor = Actor::System()) override;
  Result<Credentials> GetCredentials(std::string_view login) override;
  Status AddTeamManager(std::string_view user_id, std::string_view team_id,
                        const Actor& actor = Actor::System()) override;
  Status RemoveTeamManager(std::string_view user_id, std::string_view team_id,
                           const Actor& actor = Actor::System()) override;
  Result<std::vector<std::string>> ListManagedTeams(std::string_view user_id) override;
  Result<std::vector<std::string>> ListManagedUsers(std::string_view manager_id) override;
  Status ShareOpportunity(std::string_view opportunity_id, std::string_view user_id,
                          const Actor& actor = Actor::System()) override;
  Status UnshareOpportunity(std::string_view opportunity_id, std::string_view user_id,
                            const Actor& actor = Actor::System()) override;
  Result<std::vector<std::string>> ListShares(std::string_view opportunity_id) override;
  Status CreateSession(std::string_view token_hash, std::string_view csrf_hash,
                       std::string_view user_id, core::Timestamp expires_at) override;
  Result<Session> GetSession(std::string_view token_hash) override;
  Status DeleteSession(std::string_view token_hash) override;
  Status DeleteSessionsOf(std::string_view user_id) override;
  Result<int64_t> CreateApiToken(std::string_view token_hash, std::string_view user_id,
                                 std::string_view name,
                                 const Actor& actor = Actor::System()) override;
  Result<std::vector<ApiTokenInfo>> ListApiTokens(std::string_view user_id) override;
  Status RevokeApiToken(int64_t token_id, const Actor& actor = Actor::System()) override;
  Result<std::string> FindApiToken(std::string_view token_hash) override;
  Status RecordLoginFailure(std::string_view key, core::Timestamp at) override;
  Result<int64_t> CountLoginFailures(std::string_view key, core::Timestamp since) override;
  Status ClearLoginFailures(std::string_view key) override;

  // ForecastStore (sql_store_forecast.cpp).
  Result<ForecastCall> GetForecastCall(std::string_view period, std::string_view owner) override;
  Result<std::vector<ForecastCall>> ListForecastCalls(std::string_view period,
                                                      std::string_view owner) override;
  Result<ForecastCall> PutForecastCall(const ForecastCall& call, int64_t expected_version,
                                       const Actor& actor = Actor::System()) override;
  Result<ForecastAdjustment> GetForecastAdjustment(std::string_view period,
                                                   std::string_view team) override;
  Result<std::vector<ForecastAdjustment>> ListForecastAdjustments(std::string_view period,
                                                                  std::string_view team) override;
  Result<ForecastAdjustment> PutForecastAdjustment(const ForecastAdjustment& adjustment,
                                                   int64_t expected_version,
                                                   const Actor& actor = Actor::System()) override;
  Result<std::vector<domain::Outcome>> ListOutcomes() override;
  Result<std::vector<domain::StageChange>> ListAllStageChanges() override;

  // ImportJobStore (sql_store_import_jobs.cpp).
  Status CreateImportJob(const ImportJob& job) override;
  Result<ImportJob> GetImportJob(std::string_view id) override;
  Status UpdateImportJob(const ImportJob& job) override;

 private:
  template <class R>
  Result<R> Get(std::string_view id);
  template <class R>
  Result<R> Create(const R& record, const Actor& actor);
  template <class R>
  Result<R> Update(const R& record, int64_t expected_version, const Actor& actor);
  template <class R>
  Status Delete(std::string_view id, int64_t expected_version, const Actor& actor);

  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace buyalign::storage
