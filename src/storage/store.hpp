#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/records.hpp"
#include "storage/audit.hpp"
#include "storage/forecast_store.hpp"
#include "storage/identity_store.hpp"
#include "storage/import_job_store.hpp"
#include "storage/page.hpp"
#include "storage/visibility.hpp"

namespace buyalign::storage {

struct ContactFilter {
  std::string account_id;
};

struct OpportunityFilter {
  std::string owner;
  std::optional<domain::OpportunityStatus> status;
  std::string account_id;
  // Row-level security: under kTeam or kOwn, only the opportunities user `visible_to` may see
  // (visibility.hpp); an empty or unknown user then sees nothing. kAll does not filter.
  std::string visible_to;
  Visibility visibility = Visibility::kAll;
};

// `viewer` restricts signals and activities to those of opportunities the viewer may see (the
// same rule as OpportunityFilter.visible_to); the default does not restrict.
struct SignalFilter {
  std::string opportunity_id;
  std::string contact_id;
  Viewer viewer;
};

struct ActivityFilter {
  std::string opportunity_id;
  Viewer viewer;
};

// A record with the input line it came from, so an error found while storing it can name the line.
template <class T>
struct Sourced {
  T record;
  int64_t line = 0;
};

// Everything one import carries. Records may reference each other in any order; the store
// resolves every reference by external id against this batch and what is already stored.
struct RecordBatch {
  std::vector<Sourced<domain::Team>> teams;
  std::vector<Sourced<domain::User>> users;
  std::vector<Sourced<domain::Account>> accounts;
  std::vector<Sourced<domain::Contact>> contacts;
  std::vector<Sourced<domain::ContentItem>> content;
  std::vector<Sourced<domain::Opportunity>> opportunities;
  std::vector<Sourced<domain::DmuMember>> dmu_members;
  std::vector<Sourced<domain::Signal>> signals;
  std::vector<Sourced<domain::Activity>> activities;
  std::vector<Sourced<domain::ContentShare>> content_shares;
  std::vector<Sourced<domain::Outcome>> outcomes;
  std::vector<Sourced<domain::StageChange>> stage_changes;

  size_t size() const;
};

// Per record type: how many records an import created, changed, and found identical.
struct ImportCount {
  int64_t created = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
};

struct ImportSummary {
  // Keyed by the interchange `type` ("account", "signal", ...), in dependency order.
  std::vector<std::pair<std::string, ImportCount>> counts;
};

// Called with how many records of a batch are stored so far, for progress bars.
using ProgressFn = std::function<void(size_t done, size_t total)>;

// A Store is the persistent home of every record. Implementations (SQLite now, PostgreSQL later)
// are interchangeable: nothing above this interface knows which database it talks to.
//
// A Store is safe for concurrent use from many threads; each call is one transaction, so a call
// that returns success has made its change durable, and a call that fails has changed nothing.
//
// Conventions for every method:
// - Records are addressed by external id; internal ids never appear here.
// - Get* fails with kNotFound.
// - Create* fails with kConflict when the id exists, kUnknownReference when a referenced record
//   does not, kInvalidArgument when a field is invalid. It returns the stored record (version 1).
// - Update* and Delete* take the version the caller last read; a different stored version fails
//   with kConflict and `current_version` set, and nothing is written. Update returns the stored
//   record with its new version.
// - Deleting an opportunity deletes what belongs to it (DMU, signals, activities, shares,
//   outcome). Deleting an account or contact that is still referenced fails with kConflict.
// - Every write takes the Actor making it (last parameter, the system by default) and appends
//   one entry to the audit log in the same transaction: a write that fails leaves no entry.
//
// The identity methods (users, sessions, tokens, ...) are declared in IdentityStore, forecast
// calls and the closing history in ForecastStore, the state of background imports in
// ImportJobStore.
class Store : public IdentityStore, public ForecastStore, public ImportJobStore {
 public:
  ~Store() override = default;

  virtual Result<domain::Account> GetAccount(std::string_view id) = 0;
  virtual Result<Page<domain::Account>> ListAccounts(const PageRequest& page) = 0;
  virtual Result<domain::Account> CreateAccount(const domain::Account& account,
                                                const Actor& actor = Actor::System()) = 0;
  virtual Result<domain::Account> UpdateAccount(const domain::Account& account,
                                                int64_t expected_version,
                                                const Actor& actor = Actor::System()) = 0;
  virtual Status DeleteAccount(std::string_view id, int64_t expected_version,
                               const Actor& actor = Actor::System()) = 0;

  virtual Result<domain::Contact> GetContact(std::string_view id) = 0;
  virtual Result<Page<domain::Contact>> ListContacts(const ContactFilter& filter,
                                                     const PageRequest& page) = 0;
  virtual Result<domain::Contact> CreateContact(const domain::Contact& contact,
                                                const Actor& actor = Actor::System()) = 0;
  virtual Result<domain::Contact> UpdateContact(const domain::Contact& contact,
                                                int64_t expected_version,
                                                const Actor& actor = Actor::System()) = 0;
  virtual Status DeleteContact(std::string_view id, int64_t expected_version,
                               const Actor& actor = Actor::System()) = 0;

  virtual Result<domain::Opportunity> GetOpportunity(std::string_view id) = 0;
  virtual Result<Page<domain::Opportunity>> ListOpportunities(const OpportunityFilter& filter,
                                                              const PageRequest& page) = 0;
  virtual Result<domain::Opportunity> CreateOpportunity(const domain::Opportunity& opp,
                                                        const Actor& actor = Actor::System()) = 0;
  virtual Result<domain::Opportunity> UpdateOpportunity(const domain::Opportunity& opp,
                                                        int64_t expected_version,
                                                        const Actor& actor = Actor::System()) = 0;
  virtual Status DeleteOpportunity(std::string_view id, int64_t expected_version,
                                   const Actor& actor = Actor::System()) = 0;

  // DMU members are keyed by (opportunity id, contact id); the opportunity must exist.
  virtual Result<std::vector<domain::DmuMember>> ListDmuMembers(
      std::string_view opportunity_id) = 0;
  virtual Result<domain::DmuMember> GetDmuMember(std::string_view opportunity_id,
                                                 std::string_view contact_id) = 0;
  virtual Result<domain::DmuMember> CreateDmuMember(const domain::DmuMember& member,
                                                    const Actor& actor = Actor::System()) = 0;
  virtual Result<domain::DmuMember> UpdateDmuMember(const domain::DmuMember& member,
                                                    int64_t expected_version,
                                                    const Actor& actor = Actor::System()) = 0;
  virtual Status DeleteDmuMember(std::string_view opportunity_id, std::string_view contact_id,
                                 int64_t expected_version,
                                 const Actor& actor = Actor::System()) = 0;

  virtual Result<domain::Signal> GetSignal(std::string_view id) = 0;
  // Ordered by `at`, then id.
  virtual Result<Page<domain::Signal>> ListSignals(const SignalFilter& filter,
                                                   const PageRequest& page) = 0;
  virtual Result<domain::Signal> CreateSignal(const domain::Signal& signal,
                                              const Actor& actor = Actor::System()) = 0;
  virtual Result<domain::Signal> UpdateSignal(const domain::Signal& signal,
                                              int64_t expected_version,
                                              const Actor& actor = Actor::System()) = 0;
  virtual Status DeleteSignal(std::string_view id, int64_t expected_version,
                              const Actor& actor = Actor::System()) = 0;

  virtual Result<domain::Activity> GetActivity(std::string_view id) = 0;
  // Ordered by `at`, then id.
  virtual Result<Page<domain::Activity>> ListActivities(const ActivityFilter& filter,
                                                        const PageRequest& page) = 0;
  virtual Result<domain::Activity> CreateActivity(const domain::Activity& activity,
                                                  const Actor& actor = Actor::System()) = 0;
  virtual Result<domain::Activity> UpdateActivity(const domain::Activity& activity,
                                                  int64_t expected_version,
                                                  const Actor& actor = Actor::System()) = 0;
  virtual Status DeleteActivity(std::string_view id, int64_t expected_version,
                                const Actor& actor = Actor::System()) = 0;

  virtual Result<domain::ContentItem> GetContent(std::string_view id) = 0;
  virtual Result<Page<domain::ContentItem>> ListContent(const PageRequest& page) = 0;
  virtual Result<domain::ContentItem> CreateContent(const domain::ContentItem& item,
                                                    const Actor& actor = Actor::System()) = 0;
  virtual Result<domain::ContentItem> UpdateContent(const domain::ContentItem& item,
                                                    int64_t expected_version,
                                                    const Actor& actor = Actor::System()) = 0;
  virtual Status DeleteContent(std::string_view id, int64_t expected_version,
                               const Actor& actor = Actor::System()) = 0;

  virtual Result<domain::User> GetUser(std::string_view id) = 0;

  // Upserts the whole batch by external id in one transaction: all of it lands or none of it.
  // An existing record is updated (its version grows) only when a field differs. A reference that
  // resolves neither in the batch nor in the store fails with kUnknownReference and the record's
  // line. `progress` (optional) is called now and then while records are stored.
  //
  // The audit log gets ONE entry per import, with the counts per type, not one per record: an
  // import of a million records would otherwise double its writes and bury every other entry.
  // The records' own versions and the CRM file remain the detailed history of an import.
  virtual Result<ImportSummary> Import(const RecordBatch& batch, const ProgressFn& progress = {},
                                       const Actor& actor = Actor::System()) = 0;

  // Streams every record of every type, in dependency order (teams, users, accounts, contacts,
  // content, opportunities, DMU members, signals, activities, content shares, outcomes, stage
  // changes), each type ordered by external id (or key), so two stores with the same content give
  // the same sequence. A visitor that returns an error stops the scan and the error is returned.
  // A restricting `viewer` limits opportunities and everything that belongs to one to those the
  // viewer may see (the other types are streamed whole).
  struct RecordVisitor {
    virtual ~RecordVisitor() = default;
    virtual Status Visit(const domain::Team&) = 0;
    virtual Status Visit(const domain::User&) = 0;
    virtual Status Visit(const domain::Account&) = 0;
    virtual Status Visit(const domain::Contact&) = 0;
    virtual Status Visit(const domain::ContentItem&) = 0;
    virtual Status Visit(const domain::Opportunity&) = 0;
    virtual Status Visit(const domain::DmuMember&) = 0;
    virtual Status Visit(const domain::Signal&) = 0;
    virtual Status Visit(const domain::Activity&) = 0;
    virtual Status Visit(const domain::ContentShare&) = 0;
    virtual Status Visit(const domain::Outcome&) = 0;
    // Stage history arrived later; visitors that do not export it need not override this.
    virtual Status Visit(const domain::StageChange&) { return {}; }
  };
  virtual Status ScanAll(RecordVisitor& visitor, const Viewer& viewer = {}) = 0;

  // Every signal, ordered by (opportunity, contact, at, id): the input of a full readiness
  // recompute. `fn` returning false stops the scan.
  virtual Status ScanSignals(const std::function<bool(const domain::Signal&)>& fn) = 0;

  // The stage history of an opportunity, oldest first; kNotFound when the opportunity is not.
  virtual Result<std::vector<domain::StageChange>> ListStageChanges(
      std::string_view opportunity_id) = 0;

  // Whether `user_id` may see the opportunity under `visibility`, by the same rule the lists
  // apply. kNotFound when the opportunity does not exist; under kTeam or kOwn an unknown user
  // sees nothing (false).
  virtual Result<bool> CanSee(std::string_view user_id, Visibility visibility,
                              std::string_view opportunity_id) = 0;

  // The audit log, newest entry first.
  virtual Result<Page<AuditEntry>> ListAudit(const AuditFilter& filter,
                                             const PageRequest& page) = 0;

  // Writes a consistent snapshot of the whole database to `out_path` (replacing the file) while
  // the store keeps serving: every write acknowledged before the call is in it. SQLite uses its
  // online backup API; a store whose database has its own tools (PostgreSQL: pg_dump) fails
  // with kInvalidArgument saying so.
  virtual Status Backup(const std::string& out_path) = 0;
};

}  // namespace buyalign::storage
