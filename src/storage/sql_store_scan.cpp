#include "storage/record_ops.hpp"
#include "storage/sql_store.hpp"
#include "storage/visibility_sql.hpp"

namespace buyalign::storage {

namespace {

using core::Fail;

// The statements of one type's scan: all rows, and (for what belongs to an opportunity) only
// those a viewer may see. Each type is ordered by its external id or key, so equal stores scan
// to equal sequences.
struct ScanSql {
  std::string all;
  std::string visible;  // empty: the type is not restricted by opportunity

  template <class R>
  static ScanSql Of(std::string_view order, std::string_view opportunity_column = {}) {
    const std::string& select = Mapping<R>::SelectSql();
    ScanSql sql{select + " ORDER BY " + std::string(order), ""};
    if (!opportunity_column.empty()) {
      sql.visible = select + " WHERE " + VisibleCondition(opportunity_column) + " ORDER BY " +
                    std::string(order);
    }
    return sql;
  }
};

const ScanSql kScanTeams = ScanSql::Of<domain::Team>("t.ext_id");
const ScanSql kScanUsers = ScanSql::Of<domain::User>("u.ext_id");
const ScanSql kScanAccounts = ScanSql::Of<domain::Account>("a.ext_id");
const ScanSql kScanContacts = ScanSql::Of<domain::Contact>("c.ext_id");
const ScanSql kScanContent = ScanSql::Of<domain::ContentItem>("k.ext_id");
const ScanSql kScanOpportunities = ScanSql::Of<domain::Opportunity>("o.ext_id", "o.id");
const ScanSql kScanDmuMembers =
    ScanSql::Of<domain::DmuMember>("o.ext_id, c.ext_id", "d.opportunity_id");
const ScanSql kScanSignals = ScanSql::Of<domain::Signal>("s.ext_id", "s.opportunity_id");
const ScanSql kScanActivities = ScanSql::Of<domain::Activity>("x.ext_id", "x.opportunity_id");
const ScanSql kScanContentShares =
    ScanSql::Of<domain::ContentShare>("k.ext_id, o.ext_id, c.ext_id, h.at", "h.opportunity_id");
const ScanSql kScanOutcomes = ScanSql::Of<domain::Outcome>("o.ext_id", "r.opportunity_id");
const ScanSql kScanStageChanges =
    ScanSql::Of<domain::StageChange>("o.ext_id, g.at", "g.opportunity_id");
// The input of a readiness recompute: each contact's evidence per opportunity, in time order.
const std::string kScanSignalsByContact =
    Mapping<domain::Signal>::SelectSql() + " ORDER BY o.ext_id, c.ext_id, s.at, s.ext_id";
const std::string kListStageChanges =
    Mapping<domain::StageChange>::SelectSql() + " WHERE g.opportunity_id = ? ORDER BY g.at";

template <class R, class Fn>
core::Status ScanTable(SqlConnection& connection, const std::string& sql, Fn&& fn) {
  auto statement = connection.Prepare(sql);
  if (!statement) return Fail(statement.error());
  return ReadRecords<R>(connection, **statement, std::forward<Fn>(fn));
}

// Streams one type to the visitor, restricted to what `viewer` may see when it restricts.
template <class R>
core::Status VisitTable(SqlConnection& connection, const ScanSql& sql,
                        const std::optional<ResolvedViewer>& viewer,
                        Store::RecordVisitor& visitor) {
  bool restricted = viewer.has_value() && viewer->user != 0;
  bool sees_nothing = !viewer.has_value();
  if (sql.visible.empty() || (!restricted && !sees_nothing)) {
    return ScanTable<R>(connection, sql.all,
                        [&](R&& record) -> core::Status { return visitor.Visit(record); });
  }
  if (sees_nothing) return {};
  auto statement = connection.Prepare(sql.visible);
  if (!statement) return Fail(statement.error());
  BindVisibility(**statement, 1, *viewer);
  return ReadRecords<R>(connection, **statement,
                        [&](R&& record) -> core::Status { return visitor.Visit(record); });
}

}  // namespace

Status SqlStore::ScanAll(RecordVisitor& visitor, const Viewer& viewer) {
  return pool_->Read<void>([&](SqlConnection& connection) -> Status {
    RefResolver refs(connection);
    auto resolved = ResolveViewer(refs, viewer);
    if (!resolved) return Fail(resolved.error());
    const std::optional<ResolvedViewer>& v = *resolved;
    core::Status ok = VisitTable<domain::Team>(connection, kScanTeams, v, visitor);
    if (ok) ok = VisitTable<domain::User>(connection, kScanUsers, v, visitor);
    if (ok) ok = VisitTable<domain::Account>(connection, kScanAccounts, v, visitor);
    if (ok) ok = VisitTable<domain::Contact>(connection, kScanContacts, v, visitor);
    if (ok) ok = VisitTable<domain::ContentItem>(connection, kScanContent, v, visitor);
    if (ok) ok = VisitTable<domain::Opportunity>(connection, kScanOpportunities, v, visitor);
    if (ok) ok = VisitTable<domain::DmuMember>(connection, kScanDmuMembers, v, visitor);
    if (ok) ok = VisitTable<domain::Signal>(connection, kScanSignals, v, visitor);
    if (ok) ok = VisitTable<domain::Activity>(connection, kScanActivities, v, visitor);
    if (ok) ok = VisitTable<domain::ContentShare>(connection, kScanContentShares, v, visitor);
    if (ok) ok = VisitTable<domain::Outcome>(connection, kScanOutcomes, v, visitor);
    if (ok) ok = VisitTable<domain::StageChange>(connection, kScanStageChanges, v, visitor);
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

Result<std::vector<domain::StageChange>> SqlStore::ListStageChanges(
    std::string_view opportunity_id) {
  using V = std::vector<domain::StageChange>;
  return pool_->Read<V>([&](SqlConnection& connection) -> Result<V> {
    RefResolver refs(connection);
    auto opportunity = refs.Find(RefKind::kOpportunity, opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    if (!*opportunity) {
      return Fail(NotFound("opportunity \"" + std::string(opportunity_id) + "\""));
    }
    V changes;
    auto statement = connection.Prepare(kListStageChanges);
    if (!statement) return Fail(statement.error());
    (*statement)->BindInt(1, **opportunity);
    auto ok = ReadRecords<domain::StageChange>(connection, **statement,
                                               [&](domain::StageChange&& change) -> core::Status {
                                                 changes.push_back(std::move(change));
                                                 return {};
                                               });
    if (!ok) return Fail(ok.error());
    return changes;
  });
}

}  // namespace buyalign::storage
