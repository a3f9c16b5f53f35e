#include "storage/sql_store.hpp"

#include "storage/audit_log.hpp"
#include "storage/cursor.hpp"
#include "storage/record_ops.hpp"
#include "storage/visibility_sql.hpp"

namespace buyalign::storage {

namespace {

using core::Fail;

// Statements that read records: the mapping's SELECT plus a condition, ordering and limit.
// LIMIT asks for one row more than the page, to know whether another page follows.
template <class R>
const std::string& SelectByIdSql() {
  static const std::string sql =
      Mapping<R>::SelectSql() + " WHERE " + std::string(Mapping<R>::kAlias) + ".ext_id = ?";
  return sql;
}
const std::string kListAccounts =
    Mapping<domain::Account>::SelectSql() + " WHERE a.ext_id > ? ORDER BY a.ext_id LIMIT ?";
const std::string kListContacts =
    Mapping<domain::Contact>::SelectSql() + " WHERE c.ext_id > ? ORDER BY c.ext_id LIMIT ?";
const std::string kListContactsOfAccount =
    Mapping<domain::Contact>::SelectSql() +
    " WHERE c.account_id = ? AND c.ext_id > ? ORDER BY c.ext_id LIMIT ?";
const std::string kListContent =
    Mapping<domain::ContentItem>::SelectSql() + " WHERE k.ext_id > ? ORDER BY k.ext_id LIMIT ?";
// A zero id or empty status means "no filter"; opportunities are few enough per organisation
// that one statement with optional conditions beats a statement per combination.
const std::string kListOpportunities =
    Mapping<domain::Opportunity>::SelectSql() +
    " WHERE o.ext_id > ? AND (? = 0 OR o.account_id = ?) AND (? = 0 OR o.owner_id = ?)"
    " AND (? = '' OR o.status = ?) AND " +
    VisibleCondition("o.id") + " ORDER BY o.ext_id LIMIT ?";
const std::string kListDmuMembers =
    Mapping<domain::DmuMember>::SelectSql() + " WHERE d.opportunity_id = ? ORDER BY c.ext_id";
const std::string kSelectDmuMember =
    Mapping<domain::DmuMember>::SelectSql() + " WHERE d.opportunity_id = ? AND d.contact_id = ?";
// Signals and activities come a page at a time per opportunity (its index serves the order);
// the unfiltered lists are for exports and tools.
const std::string kListSignalsOfOpportunity =
    Mapping<domain::Signal>::SelectSql() +
    " WHERE s.opportunity_id = ? AND (? = 0 OR s.contact_id = ?)"
    " AND (s.at > ? OR (s.at = ? AND s.ext_id > ?)) AND " +
    VisibleCondition("s.opportunity_id") + " ORDER BY s.at, s.ext_id LIMIT ?";
const std::string kListSignals = Mapping<domain::Signal>::SelectSql() +
                                 " WHERE (? = 0 OR s.contact_id = ?)"
                                 " AND (s.at > ? OR (s.at = ? AND s.ext_id > ?)) AND " +
                                 VisibleCondition("s.opportunity_id") +
                                 " ORDER BY s.at, s.ext_id LIMIT ?";
const std::string kListActivitiesOfOpportunity =
    Mapping<domain::Activity>::SelectSql() +
    " WHERE x.opportunity_id = ? AND (x.at > ? OR (x.at = ? AND x.ext_id > ?)) AND " +
    VisibleCondition("x.opportunity_id") + " ORDER BY x.at, x.ext_id LIMIT ?";
const std::string kListActivities = Mapping<domain::Activity>::SelectSql() +
                                    " WHERE (x.at > ? OR (x.at = ? AND x.ext_id > ?)) AND " +
                                    VisibleCondition("x.opportunity_id") +
                                    " ORDER BY x.at, x.ext_id LIMIT ?";

template <class R>
std::string DescribeId(std::string_view id) {
  R probe;
  probe.id = std::string(id);
  return Mapping<R>::Describe(probe);
}

std::string DescribeDmu(std::string_view opportunity_id, std::string_view contact_id) {
  domain::DmuMember probe;
  probe.opportunity_id = std::string(opportunity_id);
  probe.contact_id = std::string(contact_id);
  return Mapping<domain::DmuMember>::Describe(probe);
}

// Reads the rows of a bound list statement into a page of at most `limit` records.
template <class R, class CursorFn>
core::Result<Page<R>> ReadPage(SqlConnection& connection, SqlStatement& st, int limit,
                               CursorFn cursor_of) {
  Page<R> page;
  auto ok = ReadRecords<R>(connection, st, [&](R&& record) -> core::Status {
    page.items.push_back(std::move(record));
    return {};
  });
  if (!ok) return Fail(ok.error());
  if (page.items.size() > static_cast<size_t>(limit)) {
    page.items.resize(limit);
    page.next_cursor = cursor_of(page.items.back());
  }
  return page;
}

template <class R>
std::string IdCursor(const R& record) {
  return EncodeIdCursor(record.id);
}

template <class R>
std::string TimeCursor(const R& record) {
  return EncodeTimeCursor(core::ToUnixSeconds(record.at), record.id);
}

// Binds a keyset position (at, id) at `index`..`index + 2` as "(at > ? OR (at = ? AND id > ?))".
int BindTimeKey(SqlStatement& st, int index, const TimeKey& key) {
  st.BindInt(index++, key.at);
  st.BindInt(index++, key.at);
  st.BindText(index++, key.id);
  return index;
}

// The internal id for a list filter: 0 for no filter, nullopt when the filter names a record
// that does not exist (the list is then empty).
core::Result<std::optional<int64_t>> FilterId(RefResolver& refs, RefKind kind,
                                              std::string_view ext_id) {
  if (ext_id.empty()) return std::optional<int64_t>(0);
  return refs.Find(kind, ext_id);
}

core::Status CheckVersion(const std::string& what, int64_t stored, int64_t expected) {
  if (stored != expected) return Fail(StaleVersion(what, stored, expected));
  return {};
}

// Appends the audit entry of a change to one record of type R.
template <class R>
core::Status Audit(SqlConnection& connection, const Actor& actor, std::string_view action,
                   std::string_view record_id, std::string before, std::string after) {
  return AppendAudit(connection, actor,
                     {action, Mapping<R>::kType, record_id, std::move(before), std::move(after)});
}

// Deletes the row, audited with its last state.
template <class R>
core::Status DeleteAudited(SqlConnection& connection, const Actor& actor, int64_t id,
                           std::string_view record_id, const std::string& what);

core::Status DeleteStoredRow(SqlConnection& connection, const TableSpec& spec, int64_t id,
                             const std::string& what) {
  auto ok = DeleteRow(connection, spec, id);
  if (!ok && ok.error().code == core::ErrorCode::kConflict) return Fail(StillReferenced(what));
  return ok;
}

template <class R>
core::Status DeleteAudited(SqlConnection& connection, const Actor& actor, int64_t id,
                           std::string_view record_id, const std::string& what) {
  auto before = RecordJson<R>(connection, id);
  if (!before) return Fail(before.error());
  if (auto ok = DeleteStoredRow(connection, Mapping<R>::Spec(), id, what); !ok) return ok;
  return Audit<R>(connection, actor, "delete", record_id, std::move(*before), "");
}

}  // namespace

SqlStore::SqlStore(std::unique_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}

// --- Generic operations ---

template <class R>
Result<R> SqlStore::Get(std::string_view id) {
  return pool_->Read<R>([&](SqlConnection& connection) -> Result<R> {
    auto statement = connection.Prepare(SelectByIdSql<R>());
    if (!statement) return Fail(statement.error());
    (*statement)->BindText(1, id);
    std::optional<R> found;
    auto ok = ReadRecords<R>(connection, **statement, [&](R&& record) -> core::Status {
      found = std::move(record);
      return {};
    });
    if (!ok) return Fail(ok.error());
    if (!found) return Fail(NotFound(DescribeId<R>(id)));
    return std::move(*found);
  });
}

template <class R>
Result<R> SqlStore::Create(const R& record, const Actor& actor) {
  using M = Mapping<R>;
  return pool_->Write<R>([&](SqlConnection& connection) -> Result<R> {
    if (auto ok = M::Validate(record); !ok) return Fail(ok.error());
    RefResolver refs(connection);
    auto row = M::ToRow(record, refs);
    if (!row) return Fail(row.error());
    auto existing = FindRow(connection, M::Spec(), M::Spec().KeyOf(*row));
    if (!existing) return Fail(existing.error());
    if (*existing) return Fail(AlreadyExists(M::Describe(record)));
    auto id = InsertRow(connection, M::Spec(), *row);
    if (!id) return Fail(id.error());
    if constexpr (std::is_same_v<R, domain::Activity>) {
      if (auto ok = WriteActivityLinks(connection, *id, row->links, false); !ok) {
        return Fail(ok.error());
      }
    }
    auto after = RecordJson<R>(connection, *id);
    if (!after) return Fail(after.error());
    if (auto ok = Audit<R>(connection, actor, "create", AuditId(record), "", std::move(*after));
        !ok) {
      return Fail(ok.error());
    }
    R stored = record;
    stored.version = 1;
    return stored;
  });
}

template <class R>
Result<R> SqlStore::Update(const R& record, int64_t expected_version, const Actor& actor) {
  using M = Mapping<R>;
  return pool_->Write<R>([&](SqlConnection& connection) -> Result<R> {
    if (auto ok = M::Validate(record); !ok) return Fail(ok.error());
    RefResolver refs(connection);
    auto row = M::ToRow(record, refs);
    if (!row) {
      // A DMU member is keyed by what it references: an unknown one means no such member.
      if (!kHasExternalId<R> && row.error().code == core::ErrorCode::kUnknownReference) {
        return Fail(NotFound(M::Describe(record)));
      }
      return Fail(row.error());
    }
    auto existing = FindRow(connection, M::Spec(), M::Spec().KeyOf(*row));
    if (!existing) return Fail(existing.error());
    if (!*existing) return Fail(NotFound(M::Describe(record)));
    const StoredRow& stored = **existing;
    if (auto ok = CheckVersion(M::Describe(record), stored.version, expected_version); !ok) {
      return Fail(ok.error());
    }
    auto before = RecordJson<R>(connection, stored.id);
    if (!before) return Fail(before.error());
    if (auto ok = UpdateRow(connection, M::Spec(), stored.id, *row); !ok) return Fail(ok.error());
    if constexpr (std::is_same_v<R, domain::Activity>) {
      if (auto ok = WriteActivityLinks(connection, stored.id, row->links, true); !ok) {
        return Fail(ok.error());
      }
    }
    auto after = RecordJson<R>(connection, stored.id);
    if (!after) return Fail(after.error());
    if (auto ok = Audit<R>(connection, actor, "update", AuditId(record), std::move(*before),
                           std::move(*after));
        !ok) {
      return Fail(ok.error());
    }
    R updated = record;
    updated.version = stored.version + 1;
    return updated;
  });
}

template <class R>
Status SqlStore::Delete(std::string_view id, int64_t expected_version, const Actor& actor) {
  using M = Mapping<R>;
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    std::string what = DescribeId<R>(id);
    SqlValue key[] = {std::string(id)};
    auto existing = FindRow(connection, M::Spec(), key);
    if (!existing) return Fail(existing.error());
    if (!*existing) return Fail(NotFound(what));
    if (auto ok = CheckVersion(what, (*existing)->version, expected_version); !ok) return ok;
    return DeleteAudited<R>(connection, actor, (*existing)->id, id, what);
  });
}

// --- Accounts ---

Result<domain::Account> SqlStore::GetAccount(std::string_view id) {
  return Get<domain::Account>(id);
}

Result<Page<domain::Account>> SqlStore::ListAccounts(const PageRequest& page) {
  using P = Page<domain::Account>;
  return pool_->Read<P>([&](SqlConnection& connection) -> Result<P> {
    auto after = DecodeIdCursor(page.cursor);
    if (!after) return Fail(after.error());
    int limit = ClampLimit(page.limit);
    auto statement = connection.Prepare(kListAccounts);
    if (!statement) return Fail(statement.error());
    (*statement)->BindText(1, *after);
    (*statement)->BindInt(2, limit + 1);
    return ReadPage<domain::Account>(connection, **statement, limit, IdCursor<domain::Account>);
  });
}

Result<domain::Account> SqlStore::CreateAccount(const domain::Account& account,
                                                const Actor& actor) {
  return Create(account, actor);
}

Result<domain::Account> SqlStore::UpdateAccount(const domain::Account& account,
                                                int64_t expected_version, const Actor& actor) {
  return Update(account, expected_version, actor);
}

Status SqlStore::DeleteAccount(std::string_view id, int64_t expected_version, const Actor& actor) {
  return Delete<domain::Account>(id, expected_version, actor);
}

// --- Contacts ---

Result<domain::Contact> SqlStore::GetContact(std::string_view id) {
  return Get<domain::Contact>(id);
}

Result<Page<domain::Contact>> SqlStore::ListContacts(const ContactFilter& filter,
                                                     const PageRequest& page) {
  using P = Page<domain::Contact>;
  return pool_->Read<P>([&](SqlConnection& connection) -> Result<P> {
    auto after = DecodeIdCursor(page.cursor);
    if (!after) return Fail(after.error());
    int limit = ClampLimit(page.limit);
    RefResolver refs(connection);
    auto account = FilterId(refs, RefKind::kAccount, filter.account_id);
    if (!account) return Fail(account.error());
    if (!*account) return P{};
    auto statement = connection.Prepare(**account != 0 ? kListContactsOfAccount : kListContacts);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    int index = 1;
    if (**account != 0) st.BindInt(index++, **account);
    st.BindText(index++, *after);
    st.BindInt(index++, limit + 1);
    return ReadPage<domain::Contact>(connection, st, limit, IdCursor<domain::Contact>);
  });
}

Result<domain::Contact> SqlStore::CreateContact(const domain::Contact& contact,
                                                const Actor& actor) {
  return Create(contact, actor);
}

Result<domain::Contact> SqlStore::UpdateContact(const domain::Contact& contact,
                                                int64_t expected_version, const Actor& actor) {
  return Update(contact, expected_version, actor);
}

Status SqlStore::DeleteContact(std::string_view id, int64_t expected_version, const Actor& actor) {
  return Delete<domain::Contact>(id, expected_version, actor);
}

// --- Opportunities ---

Result<domain::Opportunity> SqlStore::GetOpportunity(std::string_view id) {
  return Get<domain::Opportunity>(id);
}

Result<Page<domain::Opportunity>> SqlStore::ListOpportunities(const OpportunityFilter& filter,
                                                              const PageRequest& page) {
  using P = Page<domain::Opportunity>;
  return pool_->Read<P>([&](SqlConnection& connection) -> Result<P> {
    auto after = DecodeIdCursor(page.cursor);
    if (!after) return Fail(after.error());
    int limit = ClampLimit(page.limit);
    RefResolver refs(connection);
    auto account = FilterId(refs, RefKind::kAccount, filter.account_id);
    if (!account) return Fail(account.error());
    auto owner = FilterId(refs, RefKind::kUser, filter.owner);
    if (!owner) return Fail(owner.error());
    auto viewer = ResolveViewer(refs, {filter.visible_to, filter.visibility});
    if (!viewer) return Fail(viewer.error());
    if (!*account || !*owner || !*viewer) return P{};
    std::string status;
    if (filter.status) status = core::EnumName(domain::kOpportunityStatusNames, *filter.status);
    auto statement = connection.Prepare(kListOpportunities);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    st.BindText(1, *after);
    st.BindInt(2, **account);
    st.BindInt(3, **account);
    st.BindInt(4, **owner);
    st.BindInt(5, **owner);
    st.BindText(6, status);
    st.BindText(7, status);
    int index = BindVisibility(st, 8, **viewer);
    st.BindInt(index, limit + 1);
    return ReadPage<domain::Opportunity>(connection, st, limit, IdCursor<domain::Opportunity>);
  });
}

Result<domain::Opportunity> SqlStore::CreateOpportunity(const domain::Opportunity& opp,
                                                        const Actor& actor) {
  return Create(opp, actor);
}

Result<domain::Opportunity> SqlStore::UpdateOpportunity(const domain::Opportunity& opp,
                                                        int64_t expected_version,
                                                        const Actor& actor) {
  return Update(opp, expected_version, actor);
}

Status SqlStore::DeleteOpportunity(std::string_view id, int64_t expected_version,
                                   const Actor& actor) {
  return Delete<domain::Opportunity>(id, expected_version, actor);
}

// --- DMU members ---

Result<std::vector<domain::DmuMember>> SqlStore::ListDmuMembers(std::string_view opportunity_id) {
  using V = std::vector<domain::DmuMember>;
  return pool_->Read<V>([&](SqlConnection& connection) -> Result<V> {
    RefResolver refs(connection);
    auto opportunity = refs.Find(RefKind::kOpportunity, opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    if (!*opportunity) return Fail(NotFound(DescribeId<domain::Opportunity>(opportunity_id)));
    auto statement = connection.Prepare(kListDmuMembers);
    if (!statement) return Fail(statement.error());
    (*statement)->BindInt(1, **opportunity);
    V members;
    auto ok = ReadRecords<domain::DmuMember>(connection, **statement,
                                             [&](domain::DmuMember&& member) -> core::Status {
                                               members.push_back(std::move(member));
                                               return {};
                                             });
    if (!ok) return Fail(ok.error());
    return members;
  });
}

Result<domain::DmuMember> SqlStore::GetDmuMember(std::string_view opportunity_id,
                                                 std::string_view contact_id) {
  using M = domain::DmuMember;
  return pool_->Read<M>([&](SqlConnection& connection) -> Result<M> {
    RefResolver refs(connection);
    auto opportunity = refs.Find(RefKind::kOpportunity, opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    auto contact = refs.Find(RefKind::kContact, contact_id);
    if (!contact) return Fail(contact.error());
    std::string what = DescribeDmu(opportunity_id, contact_id);
    if (!*opportunity || !*contact) return Fail(NotFound(what));
    auto statement = connection.Prepare(kSelectDmuMember);
    if (!statement) return Fail(statement.error());
    (*statement)->BindInt(1, **opportunity);
    (*statement)->BindInt(2, **contact);
    std::optional<M> found;
    auto ok = ReadRecords<M>(connection, **statement, [&](M&& member) -> core::Status {
      found = std::move(member);
      return {};
    });
    if (!ok) return Fail(ok.error());
    if (!found) return Fail(NotFound(what));
    return std::move(*found);
  });
}

Result<domain::DmuMember> SqlStore::CreateDmuMember(const domain::DmuMember& member,
                                                    const Actor& actor) {
  return Create(member, actor);
}

Result<domain::DmuMember> SqlStore::UpdateDmuMember(const domain::DmuMember& member,
                                                    int64_t expected_version, const Actor& actor) {
  return Update(member, expected_version, actor);
}

Status SqlStore::DeleteDmuMember(std::string_view opportunity_id, std::string_view contact_id,
                                 int64_t expected_version, const Actor& actor) {
  using M = Mapping<domain::DmuMember>;
  return pool_->Write<void>([&](SqlConnection& connection) -> Status {
    std::string what = DescribeDmu(opportunity_id, contact_id);
    RefResolver refs(connection);
    auto opportunity = refs.Find(RefKind::kOpportunity, opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    auto contact = refs.Find(RefKind::kContact, contact_id);
    if (!contact) return Fail(contact.error());
    if (!*opportunity || !*contact) return Fail(NotFound(what));
    SqlValue key[] = {**opportunity, **contact};
    auto existing = FindRow(connection, M::Spec(), key);
    if (!existing) return Fail(existing.error());
    if (!*existing) return Fail(NotFound(what));
    if (auto ok = CheckVersion(what, (*existing)->version, expected_version); !ok) return ok;
    std::string record_id = std::string(opportunity_id) + "/" + std::string(contact_id);
    return DeleteAudited<domain::DmuMember>(connection, actor, (*existing)->id, record_id, what);
  });
}

// --- Signals ---

Result<domain::Signal> SqlStore::GetSignal(std::string_view id) { return Get<domain::Signal>(id); }

Result<Page<domain::Signal>> SqlStore::ListSignals(const SignalFilter& filter,
                                                   const PageRequest& page) {
  using P = Page<domain::Signal>;
  return pool_->Read<P>([&](SqlConnection& connection) -> Result<P> {
    auto after = DecodeTimeCursor(page.cursor);
    if (!after) return Fail(after.error());
    int limit = ClampLimit(page.limit);
    RefResolver refs(connection);
    auto opportunity = FilterId(refs, RefKind::kOpportunity, filter.opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    auto contact = FilterId(refs, RefKind::kContact, filter.contact_id);
    if (!contact) return Fail(contact.error());
    auto viewer = ResolveViewer(refs, filter.viewer);
    if (!viewer) return Fail(viewer.error());
    if (!*opportunity || !*contact || !*viewer) return P{};
    bool by_opportunity = **opportunity != 0;
    auto statement = connection.Prepare(by_opportunity ? kListSignalsOfOpportunity : kListSignals);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    int index = 1;
    if (by_opportunity) st.BindInt(index++, **opportunity);
    st.BindInt(index++, **contact);
    st.BindInt(index++, **contact);
    index = BindTimeKey(st, index, *after);
    index = BindVisibility(st, index, **viewer);
    st.BindInt(index, limit + 1);
    return ReadPage<domain::Signal>(connection, st, limit, TimeCursor<domain::Signal>);
  });
}

Result<domain::Signal> SqlStore::CreateSignal(const domain::Signal& signal, const Actor& actor) {
  return Create(signal, actor);
}

Result<domain::Signal> SqlStore::UpdateSignal(const domain::Signal& signal,
                                              int64_t expected_version, const Actor& actor) {
  return Update(signal, expected_version, actor);
}

Status SqlStore::DeleteSignal(std::string_view id, int64_t expected_version, const Actor& actor) {
  return Delete<domain::Signal>(id, expected_version, actor);
}

// --- Activities ---

Result<domain::Activity> SqlStore::GetActivity(std::string_view id) {
  return Get<domain::Activity>(id);
}

Result<Page<domain::Activity>> SqlStore::ListActivities(const ActivityFilter& filter,
                                                        const PageRequest& page) {
  using P = Page<domain::Activity>;
  return pool_->Read<P>([&](SqlConnection& connection) -> Result<P> {
    auto after = DecodeTimeCursor(page.cursor);
    if (!after) return Fail(after.error());
    int limit = ClampLimit(page.limit);
    RefResolver refs(connection);
    auto opportunity = FilterId(refs, RefKind::kOpportunity, filter.opportunity_id);
    if (!opportunity) return Fail(opportunity.error());
    auto viewer = ResolveViewer(refs, filter.viewer);
    if (!viewer) return Fail(viewer.error());
    if (!*opportunity || !*viewer) return P{};
    bool by_opportunity = **opportunity != 0;
    auto statement =
        connection.Prepare(by_opportunity ? kListActivitiesOfOpportunity : kListActivities);
    if (!statement) return Fail(statement.error());
    SqlStatement& st = **statement;
    int index = 1;
    if (by_opportunity) st.BindInt(index++, **opportunity);
    index = BindTimeKey(st, index, *after);
    index = BindVisibility(st, index, **viewer);
    st.BindInt(index, limit + 1);
    return ReadPage<domain::Activity>(connection, st, limit, TimeCursor<domain::Activity>);
  });
}

Result<domain::Activity> SqlStore::CreateActivity(const domain::Activity& activity,
                                                  const Actor& actor) {
  return Create(activity, actor);
}

Result<domain::Activity> SqlStore::UpdateActivity(const domain::Activity& activity,
                                                  int64_t expected_version, const Actor& actor) {
  return Update(activity, expected_version, actor);
}

Status SqlStore::DeleteActivity(std::string_view id, int64_t expected_version, const Actor& actor) {
  return Delete<domain::Activity>(id, expected_version, actor);
}

// --- Content ---

Result<domain::ContentItem> SqlStore::GetContent(std::string_view id) {
  return Get<domain::ContentItem>(id);
}

Result<Page<domain::ContentItem>> SqlStore::ListContent(const PageRequest& page) {
  using P = Page<domain::ContentItem>;
  return pool_->Read<P>([&](SqlConnection& connection) -> Result<P> {
    auto after = DecodeIdCursor(page.cursor);
    if (!after) return Fail(after.error());
    int limit = ClampLimit(page.limit);
    auto statement = connection.Prepare(kListContent);
    if (!statement) return Fail(statement.error());
    (*statement)->BindText(1, *after);
    (*statement)->BindInt(2, limit + 1);
    return ReadPage<domain::ContentItem>(connection, **statement, limit,
                                         IdCursor<domain::ContentItem>);
  });
}

Result<domain::ContentItem> SqlStore::CreateContent(const domain::ContentItem& item,
                                                    const Actor& actor) {
  return Create(item, actor);
}

Result<domain::ContentItem> SqlStore::UpdateContent(const domain::ContentItem& item,
                                                    int64_t expected_version, const Actor& actor) {
  return Update(item, expected_version, actor);
}

Status SqlStore::DeleteContent(std::string_view id, int64_t expected_version, const Actor& actor) {
  return Delete<domain::ContentItem>(id, expected_version, actor);
}

// --- Users ---

Result<domain::User> SqlStore::GetUser(std::string_view id) { return Get<domain::User>(id); }

Result<domain::User> SqlStore::CreateUser(const domain::User& user, const Actor& actor) {
  auto created = Create(user, actor);
  if (created) created->disabled = false;
  return created;
}

Result<domain::User> SqlStore::UpdateUser(const domain::User& user, int64_t expected_version,
                                          const Actor& actor) {
  auto updated = Update(user, expected_version, actor);
  if (!updated) return updated;
  // The record as stored: `disabled` is not written by an update.
  auto stored = GetUser(user.id);
  if (stored && stored->version == updated->version) return stored;
  return updated;
}

}  // namespace buyalign::storage
