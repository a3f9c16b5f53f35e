#include "storage/record_mapping.hpp"

#include <cmath>

#include "core/enum_names.hpp"
#include "storage/string_list_json.hpp"

namespace buyalign::storage {

namespace {

using core::Fail;
using core::Result;
using core::Status;

// Column 0 of every SelectSql is the internal id and column 1 the version; fields follow.
constexpr int kFirstField = 2;

std::string Text(SqlStatement& st, int column) { return std::string(st.ColumnText(column)); }

std::optional<int64_t> OptionalInt(SqlStatement& st, int column) {
  if (st.IsNull(column)) return std::nullopt;
  return st.ColumnInt(column);
}

std::optional<double> OptionalDouble(SqlStatement& st, int column) {
  if (st.IsNull(column)) return std::nullopt;
  return st.ColumnDouble(column);
}

core::Timestamp Time(SqlStatement& st, int column) {
  return core::FromUnixSeconds(st.ColumnInt(column));
}

// Enum columns hold the spec's ids, which only the store writes; an unknown id (a newer program
// wrote it) reads as `fallback` rather than failing a whole page.
template <class E, size_t N>
E EnumColumn(SqlStatement& st, int column, const std::array<std::string_view, N>& names,
             E fallback) {
  return core::ParseEnum<E>(names, st.ColumnText(column)).value_or(fallback);
}

template <class E, size_t N>
std::string EnumValue(const std::array<std::string_view, N>& names, E value) {
  return std::string(core::EnumName(names, value));
}

SqlValue Optional(const std::optional<int64_t>& value) {
  return value ? SqlValue{*value} : SqlValue{};
}

SqlValue Optional(const std::optional<double>& value) {
  return value ? SqlValue{*value} : SqlValue{};
}

int64_t Seconds(core::Timestamp t) { return core::ToUnixSeconds(t); }

Status Required(std::string_view field, std::string_view value) {
  if (value.empty())
    return Fail(core::Error::Invalid(std::string(field) + " is required", std::string(field)));
  return {};
}

// Runs the checks in order and returns the first failure.
Status FirstFailure(std::initializer_list<Status> checks) {
  for (const Status& check : checks) {
    if (!check) return check;
  }
  return {};
}

std::string Quoted(std::string_view noun, std::string_view id) {
  return std::string(noun) + " \"" + std::string(id) + "\"";
}

// Appends each resolved reference; the first unresolved one is the error.
class RowBuilder {
 public:
  RowBuilder(RefResolver& refs, const TableSpec& spec) : refs_(refs) {
    row_.values.reserve(spec.column_count());
  }

  // Typed overloads construct the variant in place (and keep GCC 12's -Wmaybe-uninitialized
  // from misfiring on moved-from variants).
  RowBuilder& Value(std::string value) {
    row_.values.emplace_back(std::in_place_type<std::string>, std::move(value));
    return *this;
  }
  RowBuilder& Value(int64_t value) {
    row_.values.emplace_back(std::in_place_type<int64_t>, value);
    return *this;
  }
  RowBuilder& Value(double value) {
    row_.values.emplace_back(std::in_place_type<double>, value);
    return *this;
  }
  RowBuilder& Value(const SqlValue& value) {
    row_.values.push_back(value);
    return *this;
  }
  RowBuilder& Ref(RefKind kind, std::string_view ext_id, std::string_view field) {
    if (!error_) {
      auto id = refs_.Resolve(kind, ext_id, field);
      if (!id) {
        error_ = id.error();
        return *this;
      }
      row_.values.emplace_back(*id);
    }
    return *this;
  }
  RowBuilder& OptionalRef(RefKind kind, std::string_view ext_id, std::string_view field) {
    if (!error_) {
      auto id = refs_.ResolveOptional(kind, ext_id, field);
      if (!id) {
        error_ = id.error();
        return *this;
      }
      row_.values.push_back(std::move(*id));
    }
    return *this;
  }
  RowBuilder& Link(RefKind kind, std::string_view ext_id, std::string_view field) {
    if (!error_) {
      auto id = refs_.Resolve(kind, ext_id, field);
      if (!id) {
        error_ = id.error();
        return *this;
      }
      row_.links.push_back(*id);
    }
    return *this;
  }
  Result<Row> Build() {
    if (error_) return Fail(std::move(*error_));
    return std::move(row_);
  }

 private:
  RefResolver& refs_;
  Row row_;
  std::optional<core::Error> error_;
};

}  // namespace

// --- Team ---

const TableSpec& Mapping<domain::Team>::Spec() {
  static const TableSpec spec("teams", {"ext_id", "name"}, {0});
  return spec;
}
const std::string& Mapping<domain::Team>::SelectSql() {
  static const std::string sql = "SELECT t.id, t.version, t.ext_id AS id, t.name FROM teams t";
  return sql;
}
Status Mapping<domain::Team>::Validate(const domain::Team& r) {
  return FirstFailure({Required("id", r.id), Required("name", r.name)});
}
Result<Row> Mapping<domain::Team>::ToRow(const domain::Team& r, RefResolver& refs) {
  return RowBuilder(refs, Spec()).Value(r.id).Value(r.name).Build();
}
domain::Team Mapping<domain::Team>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::Team r;
  r.id = Text(st, c++);
  r.name = Text(st, c++);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::Team>::Describe(const domain::Team& r) { return Quoted("team", r.id); }

// --- User ---

const TableSpec& Mapping<domain::User>::Spec() {
  static const TableSpec spec("users", {"ext_id", "name", "email", "role", "team"}, {0});
  return spec;
}
const std::string& Mapping<domain::User>::SelectSql() {
  static const std::string sql =
      "SELECT u.id, u.version, u.ext_id AS id, u.name, u.email, u.role, u.team, u.disabled"
      " FROM users u";
  return sql;
}
Status Mapping<domain::User>::Validate(const domain::User& r) {
  return FirstFailure({Required("id", r.id), Required("name", r.name)});
}
Result<Row> Mapping<domain::User>::ToRow(const domain::User& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Value(r.id)
      .Value(r.name)
      .Value(r.email)
      .Value(EnumValue(domain::kUserRoleNames, r.role))
      .Value(r.team)
      .Build();
}
domain::User Mapping<domain::User>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::User r;
  r.id = Text(st, c++);
  r.name = Text(st, c++);
  r.email = Text(st, c++);
  r.role = EnumColumn(st, c++, domain::kUserRoleNames, domain::UserRole::kRep);
  r.team = Text(st, c++);
  r.disabled = st.ColumnInt(c++) != 0;
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::User>::Describe(const domain::User& r) { return Quoted("user", r.id); }

// --- Account ---

const TableSpec& Mapping<domain::Account>::Spec() {
  static const TableSpec spec(
      "accounts", {"ext_id", "name", "industry", "employees", "country", "segment"}, {0});
  return spec;
}
const std::string& Mapping<domain::Account>::SelectSql() {
  static const std::string sql =
      "SELECT a.id, a.version, a.ext_id AS id, a.name, a.industry, a.employees, a.country, "
      "a.segment"
      " FROM accounts a";
  return sql;
}
Status Mapping<domain::Account>::Validate(const domain::Account& r) {
  return FirstFailure({Required("id", r.id), Required("name", r.name)});
}
Result<Row> Mapping<domain::Account>::ToRow(const domain::Account& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Value(r.id)
      .Value(r.name)
      .Value(r.industry)
      .Value(Optional(r.employees))
      .Value(r.country)
      .Value(r.segment)
      .Build();
}
domain::Account Mapping<domain::Account>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::Account r;
  r.id = Text(st, c++);
  r.name = Text(st, c++);
  r.industry = Text(st, c++);
  r.employees = OptionalInt(st, c++);
  r.country = Text(st, c++);
  r.segment = Text(st, c++);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::Account>::Describe(const domain::Account& r) {
  return Quoted("account", r.id);
}

// --- Contact ---

const TableSpec& Mapping<domain::Contact>::Spec() {
  static const TableSpec spec("contacts",
                              {"ext_id", "account_id", "name", "title", "email", "persona"}, {0});
  return spec;
}
const std::string& Mapping<domain::Contact>::SelectSql() {
  static const std::string sql =
      "SELECT c.id, c.version, c.ext_id AS id, a.ext_id AS account_id, c.name, c.title, c.email, "
      "c.persona"
      " FROM contacts c JOIN accounts a ON a.id = c.account_id";
  return sql;
}
Status Mapping<domain::Contact>::Validate(const domain::Contact& r) {
  return FirstFailure(
      {Required("id", r.id), Required("account_id", r.account_id), Required("name", r.name)});
}
Result<Row> Mapping<domain::Contact>::ToRow(const domain::Contact& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Value(r.id)
      .Ref(RefKind::kAccount, r.account_id, "account_id")
      .Value(r.name)
      .Value(r.title)
      .Value(r.email)
      .Value(r.persona)
      .Build();
}
domain::Contact Mapping<domain::Contact>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::Contact r;
  r.id = Text(st, c++);
  r.account_id = Text(st, c++);
  r.name = Text(st, c++);
  r.title = Text(st, c++);
  r.email = Text(st, c++);
  r.persona = Text(st, c++);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::Contact>::Describe(const domain::Contact& r) {
  return Quoted("contact", r.id);
}

// --- ContentItem ---

const TableSpec& Mapping<domain::ContentItem>::Spec() {
  static const TableSpec spec(
      "content_items",
      {"ext_id", "title", "url", "stages", "personas", "segments", "format", "retired"}, {0});
  return spec;
}
const std::string& Mapping<domain::ContentItem>::SelectSql() {
  static const std::string sql =
      "SELECT k.id, k.version, k.ext_id AS id, k.title, k.url, k.stages, k.personas, k.segments,"
      " k.format, k.retired FROM content_items k";
  return sql;
}
Status Mapping<domain::ContentItem>::Validate(const domain::ContentItem& r) {
  return FirstFailure({Required("id", r.id), Required("title", r.title)});
}
Result<Row> Mapping<domain::ContentItem>::ToRow(const domain::ContentItem& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Value(r.id)
      .Value(r.title)
      .Value(r.url)
      .Value(EncodeStringList(r.stages))
      .Value(EncodeStringList(r.personas))
      .Value(EncodeStringList(r.segments))
      .Value(r.format)
      .Value(int64_t{r.retired ? 1 : 0})
      .Build();
}
domain::ContentItem Mapping<domain::ContentItem>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::ContentItem r;
  r.id = Text(st, c++);
  r.title = Text(st, c++);
  r.url = Text(st, c++);
  r.stages = DecodeStringList(st.ColumnText(c++));
  r.personas = DecodeStringList(st.ColumnText(c++));
  r.segments = DecodeStringList(st.ColumnText(c++));
  r.format = Text(st, c++);
  r.retired = st.ColumnInt(c++) != 0;
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::ContentItem>::Describe(const domain::ContentItem& r) {
  return Quoted("content", r.id);
}

// --- Opportunity ---

const TableSpec& Mapping<domain::Opportunity>::Spec() {
  static const TableSpec spec("opportunities",
                              {"ext_id", "account_id", "name", "owner_id", "amount", "currency",
                               "expected_close", "status", "created_at", "crm_stage"},
                              {0});
  return spec;
}
const std::string& Mapping<domain::Opportunity>::SelectSql() {
  static const std::string sql =
      "SELECT o.id, o.version, o.ext_id AS id, a.ext_id AS account_id, o.name,"
      " u.ext_id AS owner, o.amount, o.currency, o.expected_close, o.status, o.created_at,"
      " o.crm_stage"
      " FROM opportunities o JOIN accounts a ON a.id = o.account_id"
      " LEFT JOIN users u ON u.id = o.owner_id";
  return sql;
}
Status Mapping<domain::Opportunity>::Validate(const domain::Opportunity& r) {
  return FirstFailure(
      {Required("id", r.id), Required("account_id", r.account_id), Required("name", r.name)});
}
Result<Row> Mapping<domain::Opportunity>::ToRow(const domain::Opportunity& r, RefResolver& refs) {
  std::optional<int64_t> close;
  if (r.expected_close) close = core::ToUnixDays(*r.expected_close);
  std::optional<int64_t> created;
  if (r.created_at) created = core::ToUnixSeconds(*r.created_at);
  return RowBuilder(refs, Spec())
      .Value(r.id)
      .Ref(RefKind::kAccount, r.account_id, "account_id")
      .Value(r.name)
      .OptionalRef(RefKind::kUser, r.owner, "owner")
      .Value(Optional(r.amount))
      .Value(r.currency)
      .Value(Optional(close))
      .Value(EnumValue(domain::kOpportunityStatusNames, r.status))
      .Value(Optional(created))
      .Value(r.crm_stage)
      .Build();
}
domain::Opportunity Mapping<domain::Opportunity>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::Opportunity r;
  r.id = Text(st, c++);
  r.account_id = Text(st, c++);
  r.name = Text(st, c++);
  r.owner = Text(st, c++);
  r.amount = OptionalDouble(st, c++);
  r.currency = Text(st, c++);
  if (auto days = OptionalInt(st, c++)) r.expected_close = core::FromUnixDays(*days);
  r.status = EnumColumn(st, c++, domain::kOpportunityStatusNames, domain::OpportunityStatus::kOpen);
  if (auto seconds = OptionalInt(st, c++)) r.created_at = core::FromUnixSeconds(*seconds);
  r.crm_stage = Text(st, c++);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::Opportunity>::Describe(const domain::Opportunity& r) {
  return Quoted("opportunity", r.id);
}

// --- DmuMember ---

const TableSpec& Mapping<domain::DmuMember>::Spec() {
  static const TableSpec spec(
      "dmu_members", {"opportunity_id", "contact_id", "role", "influence", "stance"}, {0, 1});
  return spec;
}
const std::string& Mapping<domain::DmuMember>::SelectSql() {
  static const std::string sql =
      "SELECT d.id, d.version, o.ext_id AS opportunity_id, c.ext_id AS contact_id, d.role, "
      "d.influence, d.stance"
      " FROM dmu_members d JOIN opportunities o ON o.id = d.opportunity_id"
      " JOIN contacts c ON c.id = d.contact_id";
  return sql;
}
Status Mapping<domain::DmuMember>::Validate(const domain::DmuMember& r) {
  if (!(r.influence >= 0.0 && r.influence <= 1.0)) {
    return Fail(core::Error::Invalid("influence must be between 0 and 1", "influence"));
  }
  return FirstFailure(
      {Required("opportunity_id", r.opportunity_id), Required("contact_id", r.contact_id)});
}
Result<Row> Mapping<domain::DmuMember>::ToRow(const domain::DmuMember& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Ref(RefKind::kOpportunity, r.opportunity_id, "opportunity_id")
      .Ref(RefKind::kContact, r.contact_id, "contact_id")
      .Value(EnumValue(domain::kDmuRoleNames, r.role))
      .Value(r.influence)
      .Value(EnumValue(domain::kStanceNames, r.stance))
      .Build();
}
domain::DmuMember Mapping<domain::DmuMember>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::DmuMember r;
  r.opportunity_id = Text(st, c++);
  r.contact_id = Text(st, c++);
  r.role = EnumColumn(st, c++, domain::kDmuRoleNames, domain::DmuRole::kOther);
  r.influence = st.ColumnDouble(c++);
  r.stance = EnumColumn(st, c++, domain::kStanceNames, domain::Stance::kNeutral);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::DmuMember>::Describe(const domain::DmuMember& r) {
  return "DMU member \"" + r.contact_id + "\" of opportunity \"" + r.opportunity_id + "\"";
}

// --- Signal ---

const TableSpec& Mapping<domain::Signal>::Spec() {
  static const TableSpec spec("signals",
                              {"ext_id", "opportunity_id", "contact_id", "kind", "at", "source",
                               "stage", "content_id", "note"},
                              {0});
  return spec;
}
const std::string& Mapping<domain::Signal>::SelectSql() {
  static const std::string sql =
      "SELECT s.id, s.version, s.ext_id AS id, o.ext_id AS opportunity_id,"
      " c.ext_id AS contact_id, s.kind, s.at, s.source, s.stage, k.ext_id AS content_id, s.note"
      " FROM signals s JOIN opportunities o ON o.id = s.opportunity_id"
      " JOIN contacts c ON c.id = s.contact_id"
      " LEFT JOIN content_items k ON k.id = s.content_id";
  return sql;
}
Status Mapping<domain::Signal>::Validate(const domain::Signal& r) {
  return FirstFailure({Required("id", r.id), Required("opportunity_id", r.opportunity_id),
                       Required("contact_id", r.contact_id), Required("kind", r.kind)});
}
Result<Row> Mapping<domain::Signal>::ToRow(const domain::Signal& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Value(r.id)
      .Ref(RefKind::kOpportunity, r.opportunity_id, "opportunity_id")
      .Ref(RefKind::kContact, r.contact_id, "contact_id")
      .Value(r.kind)
      .Value(Seconds(r.at))
      .Value(EnumValue(domain::kSignalSourceNames, r.source))
      .Value(r.stage)
      .OptionalRef(RefKind::kContent, r.content_id, "content_id")
      .Value(r.note)
      .Build();
}
domain::Signal Mapping<domain::Signal>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::Signal r;
  r.id = Text(st, c++);
  r.opportunity_id = Text(st, c++);
  r.contact_id = Text(st, c++);
  r.kind = Text(st, c++);
  r.at = Time(st, c++);
  r.source = EnumColumn(st, c++, domain::kSignalSourceNames, domain::SignalSource::kUnspecified);
  r.stage = Text(st, c++);
  r.content_id = Text(st, c++);
  r.note = Text(st, c++);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::Signal>::Describe(const domain::Signal& r) {
  return Quoted("signal", r.id);
}

// --- Activity ---

const TableSpec& Mapping<domain::Activity>::Spec() {
  static const TableSpec spec(
      "activities", {"ext_id", "opportunity_id", "kind", "at", "duration_min", "owner_id", "note"},
      {0});
  return spec;
}
const std::string& Mapping<domain::Activity>::SelectSql() {
  static const std::string sql =
      "SELECT x.id, x.version, x.ext_id AS id, o.ext_id AS opportunity_id, x.kind, x.at,"
      " x.duration_min, u.ext_id AS owner, x.note"
      " FROM activities x JOIN opportunities o ON o.id = x.opportunity_id"
      " LEFT JOIN users u ON u.id = x.owner_id";
  return sql;
}
Status Mapping<domain::Activity>::Validate(const domain::Activity& r) {
  for (size_t i = 0; i < r.contact_ids.size(); ++i) {
    std::string field = "contact_ids[" + std::to_string(i) + "]";
    if (auto ok = Required(field, r.contact_ids[i]); !ok) return ok;
  }
  return FirstFailure({Required("id", r.id), Required("opportunity_id", r.opportunity_id),
                       Required("kind", r.kind)});
}
Result<Row> Mapping<domain::Activity>::ToRow(const domain::Activity& r, RefResolver& refs) {
  RowBuilder builder(refs, Spec());
  builder.Value(r.id)
      .Ref(RefKind::kOpportunity, r.opportunity_id, "opportunity_id")
      .Value(r.kind)
      .Value(Seconds(r.at))
      .Value(Optional(r.duration_min))
      .OptionalRef(RefKind::kUser, r.owner, "owner")
      .Value(r.note);
  for (size_t i = 0; i < r.contact_ids.size(); ++i) {
    builder.Link(RefKind::kContact, r.contact_ids[i], "contact_ids[" + std::to_string(i) + "]");
  }
  return builder.Build();
}
domain::Activity Mapping<domain::Activity>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::Activity r;
  r.id = Text(st, c++);
  r.opportunity_id = Text(st, c++);
  r.kind = Text(st, c++);
  r.at = Time(st, c++);
  r.duration_min = OptionalInt(st, c++);
  r.owner = Text(st, c++);
  r.note = Text(st, c++);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::Activity>::Describe(const domain::Activity& r) {
  return Quoted("activity", r.id);
}

// --- ContentShare ---

const TableSpec& Mapping<domain::ContentShare>::Spec() {
  static const TableSpec spec("content_shares",
                              {"content_id", "opportunity_id", "contact_id", "at", "engaged"},
                              {0, 1, 2, 3});
  return spec;
}
const std::string& Mapping<domain::ContentShare>::SelectSql() {
  static const std::string sql =
      "SELECT h.id, h.version, k.ext_id AS content_id, o.ext_id AS opportunity_id,"
      " c.ext_id AS contact_id, h.at, h.engaged"
      " FROM content_shares h JOIN content_items k ON k.id = h.content_id"
      " JOIN opportunities o ON o.id = h.opportunity_id"
      " JOIN contacts c ON c.id = h.contact_id";
  return sql;
}
Status Mapping<domain::ContentShare>::Validate(const domain::ContentShare& r) {
  return FirstFailure({Required("content_id", r.content_id),
                       Required("opportunity_id", r.opportunity_id),
                       Required("contact_id", r.contact_id)});
}
Result<Row> Mapping<domain::ContentShare>::ToRow(const domain::ContentShare& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Ref(RefKind::kContent, r.content_id, "content_id")
      .Ref(RefKind::kOpportunity, r.opportunity_id, "opportunity_id")
      .Ref(RefKind::kContact, r.contact_id, "contact_id")
      .Value(Seconds(r.at))
      .Value(int64_t{r.engaged ? 1 : 0})
      .Build();
}
domain::ContentShare Mapping<domain::ContentShare>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::ContentShare r;
  r.content_id = Text(st, c++);
  r.opportunity_id = Text(st, c++);
  r.contact_id = Text(st, c++);
  r.at = Time(st, c++);
  r.engaged = st.ColumnInt(c++) != 0;
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::ContentShare>::Describe(const domain::ContentShare& r) {
  return "share of content \"" + r.content_id + "\" with contact \"" + r.contact_id + "\"";
}

// --- Outcome ---

const TableSpec& Mapping<domain::Outcome>::Spec() {
  static const TableSpec spec("outcomes", {"opportunity_id", "status", "at", "amount", "reason"},
                              {0});
  return spec;
}
const std::string& Mapping<domain::Outcome>::SelectSql() {
  static const std::string sql =
      "SELECT r.id, r.version, o.ext_id AS opportunity_id, r.status, r.at, r.amount, r.reason"
      " FROM outcomes r JOIN opportunities o ON o.id = r.opportunity_id";
  return sql;
}
Status Mapping<domain::Outcome>::Validate(const domain::Outcome& r) {
  if (r.status == domain::OpportunityStatus::kOpen) {
    return Fail(core::Error::Invalid("an outcome is won or lost", "status"));
  }
  return Required("opportunity_id", r.opportunity_id);
}
Result<Row> Mapping<domain::Outcome>::ToRow(const domain::Outcome& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Ref(RefKind::kOpportunity, r.opportunity_id, "opportunity_id")
      .Value(EnumValue(domain::kOpportunityStatusNames, r.status))
      .Value(Seconds(r.at))
      .Value(Optional(r.amount))
      .Value(r.reason)
      .Build();
}
domain::Outcome Mapping<domain::Outcome>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::Outcome r;
  r.opportunity_id = Text(st, c++);
  r.status = EnumColumn(st, c++, domain::kOpportunityStatusNames, domain::OpportunityStatus::kWon);
  r.at = Time(st, c++);
  r.amount = OptionalDouble(st, c++);
  r.reason = Text(st, c++);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::Outcome>::Describe(const domain::Outcome& r) {
  return "outcome of opportunity \"" + r.opportunity_id + "\"";
}

// --- StageChange ---

const TableSpec& Mapping<domain::StageChange>::Spec() {
  static const TableSpec spec("stage_changes",
                              {"opportunity_id", "at", "stage", "amount", "probability"}, {0, 1});
  return spec;
}
const std::string& Mapping<domain::StageChange>::SelectSql() {
  static const std::string sql =
      "SELECT g.id, g.version, o.ext_id AS opportunity_id, g.at, g.stage, g.amount,"
      " g.probability FROM stage_changes g JOIN opportunities o ON o.id = g.opportunity_id";
  return sql;
}
Status Mapping<domain::StageChange>::Validate(const domain::StageChange& r) {
  if (r.probability && !(*r.probability >= 0.0 && *r.probability <= 1.0)) {
    return Fail(core::Error::Invalid("probability must be between 0 and 1", "probability"));
  }
  return FirstFailure({Required("opportunity_id", r.opportunity_id), Required("stage", r.stage)});
}
Result<Row> Mapping<domain::StageChange>::ToRow(const domain::StageChange& r, RefResolver& refs) {
  return RowBuilder(refs, Spec())
      .Ref(RefKind::kOpportunity, r.opportunity_id, "opportunity_id")
      .Value(Seconds(r.at))
      .Value(r.stage)
      .Value(Optional(r.amount))
      .Value(Optional(r.probability))
      .Build();
}
domain::StageChange Mapping<domain::StageChange>::Read(SqlStatement& st) {
  int c = kFirstField;
  domain::StageChange r;
  r.opportunity_id = Text(st, c++);
  r.at = Time(st, c++);
  r.stage = Text(st, c++);
  r.amount = OptionalDouble(st, c++);
  r.probability = OptionalDouble(st, c++);
  r.version = st.ColumnInt(1);
  return r;
}
std::string Mapping<domain::StageChange>::Describe(const domain::StageChange& r) {
  return "stage change of opportunity \"" + r.opportunity_id + "\" at " +
         core::FormatTimestamp(r.at);
}

}  // namespace buyalign::storage
