#include "storage/record_ops.hpp"
#include "storage/sql_store.hpp"

namespace buyalign::storage {

namespace {

using core::Fail;

// Each type ordered by its external id or key, so equal stores scan to equal sequences.
const std::string kScanTeams = Mapping<domain::Team>::SelectSql() + " ORDER BY t.ext_id";
const std::string kScanUsers = Mapping<domain::User>::SelectSql() + " ORDER BY u.ext_id";
const std::string kScanAccounts = Mapping<domain::Account>::SelectSql() + " ORDER BY a.ext_id";
const std::string kScanContacts = Mapping<domain::Contact>::SelectSql() + " ORDER BY c.ext_id";
const std::string kScanContent = Mapping<domain::ContentItem>::SelectSql() + " ORDER BY k.ext_id";
const std::string kScanOpportunities =
    Mapping<domain::Opportunity>::SelectSql() + " ORDER BY o.ext_id";
const std::string kScanDmuMembers =
    Mapping<domain::DmuMember>::SelectSql() + " ORDER BY o.ext_id, c.ext_id";
const std::string kScanSignals = Mapping<domain::Signal>::SelectSql() + " ORDER BY s.ext_id";
const std::string kScanActivities = Mapping<domain::Activity>::SelectSql() + " ORDER BY x.ext_id";
const std::string kScanContentShares =
    Mapping<domain::ContentShare>::SelectSql() + " ORDER BY k.ext_id, o.ext_id, c.ext_id, h.at";
const std::string kScanOutcomes = Mapping<domain::Outcome>::SelectSql() + " ORDER BY o.ext_id";
// The input of a readiness recompute: each contact's evidence per opportunity, in time order.
const std::string kScanSignalsByContact =
    Mapping<domain::Signal>::SelectSql() + " ORDER BY o.ext_id, c.ext_id, s.at, s.ext_id";

template <class R, class Fn>
core::Status ScanTable(SqlConnection& connection, const std::string& sql, Fn&& fn) {
  auto statement = connection.Prepare(sql);
  if (!statement) return Fail(statement.error());
  return ReadRecords<R>(connection, **statement, std::forward<Fn>(fn));
}

template <class R>
core::Status VisitTable(SqlConnection& connection, const std::string& sql,
                        Store::RecordVisitor& visitor) {
  return ScanTable<R>(connection, sql,
                      [&](R&& record) -> core::Status { return visitor.Visit(record); });
}

}  // namespace

Status SqlStore::ScanAll(RecordVisitor& visitor) {
  return pool_->Read<void>([&](SqlConnection& connection) -> Status {
    core::Status ok = VisitTable<domain::Team>(connection, kScanTeams, visitor);
    if (ok) ok = VisitTable<domain::User>(connection, kScanUsers, visitor);
    if (ok) ok = VisitTable<domain::Account>(connection, kScanAccounts, visitor);
    if (ok) ok = VisitTable<domain::Contact>(connection, kScanContacts, visitor);
    if (ok) ok = VisitTable<domain::ContentItem>(connection, kScanContent, visitor);
    if (ok) ok = VisitTable<domain::Opportunity>(connection, kScanOpportunities, visitor);
    if (ok) ok = VisitTable<domain::DmuMember>(connection, kScanDmuMembers, visitor);
    if (ok) ok = VisitTable<domain::Signal>(connection, kScanSignals, visitor);
    if (ok) ok = VisitTable<domain::Activity>(connection, kScanActivities, visitor);
    if (ok) ok = VisitTable<domain::ContentShare>(connection, kScanContentShares, visitor);
    if (ok) ok = VisitTable<domain::Outcome>(connection, kScanOutcomes, visitor);
    return ok;
  });
}

Status SqlStore::ScanSignals(const std::function<bool(const domain::Signal&)>& fn) {
  // A distinct error value marks "the caller stopped", which is success, not a failure.
  constexpr std::string_view kStopped = "scan stopped by caller";
  auto result = pool_->Read<void>([&](SqlConnection& connection) -> Status {
    return ScanTable<domain::Signal>(connection, kScanSignalsByContact,
                                     [&](domain::Signal&& signal) -> core::Status {
                                       if (fn(signal)) return {};
                                       return Fail(core::Error::Internal(std::string(kStopped)));
                                     });
  });
  if (!result && result.error().message == kStopped) return {};
  return result;
}

}  // namespace buyalign::storage
