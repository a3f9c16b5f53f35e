#pragma once

#include <memory>

#include "storage/connection_pool.hpp"
#include "storage/store.hpp"

namespace buyalign::storage {

// The Store, written once against SqlConnection so SQLite and PostgreSQL share every rule:
// version checks, upserts, reference resolution, pagination and scans. Statements are portable
// SQL constants with `?` placeholders, prepared once per connection and cached.
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
  Result<domain::Account> CreateAccount(const domain::Account& account) override;
  Result<domain::Account> UpdateAccount(const domain::Account& account,
                                        int64_t expected_version) override;
  Status DeleteAccount(std::string_view id, int64_t expected_version) override;

  Result<domain::Contact> GetContact(std::string_view id) override;
  Result<Page<domain::Contact>> ListContacts(const ContactFilter& filter,
                                             const PageRequest& page) override;
  Result<domain::Contact> CreateContact(const domain::Contact& contact) override;
  Result<domain::Contact> UpdateContact(const domain::Contact& contact,
                                        int64_t expected_version) override;
  Status DeleteContact(std::string_view id, int64_t expected_version) override;

  Result<domain::Opportunity> GetOpportunity(std::string_view id) override;
  Result<Page<domain::Opportunity>> ListOpportunities(const OpportunityFilter& filter,
                                                      const PageRequest& page) override;
  Result<domain::Opportunity> CreateOpportunity(const domain::Opportunity& opp) override;
  Result<domain::Opportunity> UpdateOpportunity(const domain::Opportunity& opp,
                                                int64_t expected_version) override;
  Status DeleteOpportunity(std::string_view id, int64_t expected_version) override;

  Result<std::vector<domain::DmuMember>> ListDmuMembers(std::string_view opportunity_id) override;
  Result<domain::DmuMember> GetDmuMember(std::string_view opportunity_id,
                                         std::string_view contact_id) override;
  Result<domain::DmuMember> CreateDmuMember(const domain::DmuMember& member) override;
  Result<domain::DmuMember> UpdateDmuMember(const domain::DmuMember& member,
                                            int64_t expected_version) override;
  Status DeleteDmuMember(std::string_view opportunity_id, std::string_view contact_id,
                         int64_t expected_version) override;

  Result<domain::Signal> GetSignal(std::string_view id) override;
  Result<Page<domain::Signal>> ListSignals(const SignalFilter& filter,
                                           const PageRequest& page) override;
  Result<domain::Signal> CreateSignal(const domain::Signal& signal) override;
  Result<domain::Signal> UpdateSignal(const domain::Signal& signal,
                                      int64_t expected_version) override;
  Status DeleteSignal(std::string_view id, int64_t expected_version) override;

  Result<domain::Activity> GetActivity(std::string_view id) override;
  Result<Page<domain::Activity>> ListActivities(const ActivityFilter& filter,
                                                const PageRequest& page) override;
  Result<domain::Activity> CreateActivity(const domain::Activity& activity) override;
  Result<domain::Activity> UpdateActivity(const domain::Activity& activity,
                                          int64_t expected_version) override;
  Status DeleteActivity(std::string_view id, int64_t expected_version) override;

  Result<domain::ContentItem> GetContent(std::string_view id) override;
  Result<Page<domain::ContentItem>> ListContent(const PageRequest& page) override;
  Result<domain::ContentItem> CreateContent(const domain::ContentItem& item) override;
  Result<domain::ContentItem> UpdateContent(const domain::ContentItem& item,
                                            int64_t expected_version) override;
  Status DeleteContent(std::string_view id, int64_t expected_version) override;

  Result<domain::User> GetUser(std::string_view id) override;

  Result<ImportSummary> Import(const RecordBatch& batch, const ProgressFn& progress) override;

  Status ScanAll(RecordVisitor& visitor) override;
  Status ScanSignals(const std::function<bool(const domain::Signal&)>& fn) override;

 private:
  template <class R>
  Result<R> Get(std::string_view id);
  template <class R>
  Result<R> Create(const R& record);
  template <class R>
  Result<R> Update(const R& record, int64_t expected_version);
  template <class R>
  Status Delete(std::string_view id, int64_t expected_version);

  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace buyalign::storage
