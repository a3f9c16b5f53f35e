#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <set>
#include <type_traits>

#include "storage/audit_log.hpp"
#include "storage/record_ops.hpp"
#include "storage/sql_store.hpp"

// Forecast calls, manager adjustments and the closing history the forecast reads.
namespace buyalign::storage {

namespace {

using core::Fail;

constexpr std::string_view kCallColumns =
    "SELECT f.id, f.period, u.ext_id, f.note, f.model_p10, f.model_p50, f.model_p90,"
    " f.updated_at, f.updated_by, f.version FROM forecast_calls f"
    " JOIN users u ON u.id = f.owner_id";
const std::string kGetCall = std::string(kCallColumns) + " WHERE f.period = ? AND u.ext_id = ?";
const std::string kListCalls = std::string(kCallColumns) +
                               " WHERE (? = '' OR f.period = ?) AND (? = '' OR u.ext_id = ?)"
                               " ORDER BY f.period, u.ext_id";
constexpr std::string_view kCallDeals =
    "SELECT o.ext_id, d.category, d.amount FROM forecast_call_deals d"
    " JOIN opportunities o ON o.id = d.opportunity_id WHERE d.call_id = ? ORDER BY o.ext_id";
constexpr std::string_view kFindCall =
    "SELECT id, version FROM forecast_calls WHERE period = ? AND owner_id = ?";
constexpr std::string_view kInsertCall =
    "INSERT INTO forecast_calls (period, owner_id, note, model_p10, model_p50, model_p90,"
    " updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id";
constexpr std::string_view kUpdateCall =
    "UPDATE forecast_calls SET note = ?, model_p10 = ?, model_p50 = ?, model_p90 = ?,"
    " updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?";
constexpr std::string_view kDeleteCallDeals = "DELETE FROM forecast_call_deals WHERE call_id = ?";
constexpr std::string_view kInsertCallDeal =
    "INSERT INTO forecast_call_deals (call_id, opportunity_id, category, amount)"
    " VALUES (?, ?, ?, ?)";

constexpr std::string_view kAdjustmentColumns =
    "SELECT id, period, team, amount, note, model_p10, model_p50, model_p90, updated_at,"
    " updated_by, version FROM forecast_adjustments";
const std::string kGetAdjustment =
    std::string(kAdjustmentColumns) + " WHERE period = ? AND team = ?";
constexpr std::string_view kFindAdjustment =
    "SELECT id, version FROM forecast_adjustments WHERE period = ? AND team = ?";
const std::string kListAdjustments = std::string(kAdjustmentColumns) +
                                     " WHERE (? = '' OR period = ?) AND (? = '' OR team = ?)"
                                     " ORDER BY period, team";
constexpr std::string_view kInsertAdjustment =
    "INSERT INTO forecast_adjustments (period, team, amount, note, model_p10, model_p50,"
    " model_p90, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
    " RETURNING id";
constexpr std::string_view kUpdateAdjustment =
    "UPDATE forecast_adjustments SET amount = ?, note = ?, model_p10 = ?, model_p50 = ?,"
    " model_p90 = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?";

const std::string kListOutcomes = Mapping<domain::Outcome>::SelectSql() + " ORDER BY o.ext_id";
const std::string kListAllStageChanges =
    Mapping<domain::StageChange>::SelectSql() + " ORDER BY o.ext_id, g.at";

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Text(Writer& w, std::string_view key, std::string_view value) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void Model(Writer& w, const ModelSnapshot& model) {
  for (const auto& [key, value] :
       {std::pair{"model_p10", model.p10}, std::pair{"model_p50", model.p50},
        std::pair{"model_p90", model.p90}}) {
    w.Key(key);
    if (value) {
      w.Double(*value);
    } else {
      w.Null();
    }
  }
}

// The audit log's JSON of a call or an adjustment.
std::string Json(const ForecastCall& call) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("version");
  w.Int64(call.version);
  Text(w, "period", call.period);
  Text(w, "owner", call.owner);
  Text(w, "note", call.note);
  Model(w, call.model);
  w.Key("deals");
  w.StartArray();
  for (const ForecastCallDeal& deal : call.deals) {
    w.StartObject();
    Text(w, "opportunity_id", deal.opportunity_id);
    Text(w, "category", core::EnumName(kForecastCategoryNames, deal.category));
    w.Key("amount");
    w.Double(deal.amount);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::string Json(const ForecastAdjustment& adjustment) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("version");
  w.Int64(adjustment.version);
  Text(w, "period", adjustment.period);
  Text(w, "team", adjustment.team);
  w.Key("amount");
  w.Double(adjustment.amount);
  Text(w, "note", adjustment.note);
  Model(w, adjustment.model);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::optional<double> OptionalDouble(SqlStatement& st, int column) {
  if (st.IsNull(column)) return std::nullopt;
  return st.ColumnDouble(column);
}

void BindOptional(SqlStatement& st, int index, const std::optional<double>& value) {
  if (value) {
    st.BindDouble(index, *value);
  } else {
    st.BindNull(index);
  }
}

// Binds the model snapshot at index..index+2 and the stamp (now, actor) after it; returns the
// next index.
int BindModelAndStamp(SqlStatement& st, int index, const ModelSnapshot& model, const Actor& actor) {
  BindOptional(st, index++, model.p10);
  BindOptional(st, index++, model.p50);
  BindOptional(st, index++, model.p90);
  st.BindInt(index++, core::ToUnixSeconds(core::Now()));
  st.BindText(index++, actor.user_id);
  return index;
}

ModelSnapshot ReadModel(SqlStatement& st, int first) {
  return {OptionalDouble(st, first), OptionalDouble(st, first + 1), OptionalDouble(st, first + 2)};
}

// Reads the calls of a bound statement (kCallColumns), each with its deals.
core::Result<std::vector<ForecastCall>> ReadCalls(SqlConnection& connection, SqlStatement& st) {
  std::vector<std::pair<int64_t, ForecastCall>> rows;
  while (true) {
    auto row = st.Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    ForecastCall call;
    call.period = st.ColumnText(1);
    call.owner = st.ColumnText(2);
    call.note = st.ColumnText(3);
    call.model = ReadModel(st, 4);
    call.updated_at = core::FromUnixSeconds(st.ColumnInt(7));
    call.updated_by = st.ColumnText(8);
    call.version = st.ColumnInt(9);
    rows.emplace_back(st.ColumnInt(0), std::move(call));
  }
  std::vector<ForecastCall> calls;
  for (auto& [id, call] : rows) {
    auto deals = connection.Prepare(kCallDeals);
    if (!deals) return Fail(deals.error());
    (*deals)->BindInt(1, id);
    while (true) {
      auto row = (*deals)->Step();
      if (!row) return Fail(row.error());
      if (!*row) break;
      ForecastCallDeal deal;
      deal.opportunity_id = (*deals)->ColumnText(0);
      deal.category =
          core::ParseEnum<ForecastCategory>(kForecastCategoryNames, (*deals)->ColumnText(1))
              .value_or(ForecastCategory::kPipeline);
      deal.amount = (*deals)->ColumnDouble(2);
      call.deals.push_back(std::move(deal));
    }
    calls.push_back(std::move(call));
  }
  return calls;
}

core::Result<std::vector<ForecastAdjustment>> ReadAdjustments(SqlStatement& st) {
  std::vector<ForecastAdjustment> adjustments;
  while (true) {
    auto row = st.Step();
    if (!row) return Fail(row.error());
    if (!*row) return adjustments;
    ForecastAdjustment a;
    a.period = st.ColumnText(1);
    a.team = st.ColumnText(2);
    a.amount = st.ColumnDouble(3);
    a.note = st.ColumnText(4);
    a.model = ReadModel(st, 5);
    a.updated_at = core::FromUnixSeconds(st.ColumnInt(8));
    a.updated_by = st.ColumnText(9);
    a.version = st.ColumnInt(10);
    adjustments.push_back(std::move(a));
  }
}

// Prepares `sql` and binds (period, key) as its first two parameters, or as (key, key) pairs for
// the list statements' "(? = '' OR x = ?)" conditions.
core::Result<SqlStatement*> PrepareKeyed(SqlConnection& connection, std::string_view sql,
                                         std::string_view period, std::string_view key, bool list) {
  auto st = connection.Prepare(sql);
  if (!st) return Fail(st.error());
  int index = 1;
  for (std::string_view value : {period, key}) {
    (*st)->BindText(index++, value);
    if (list) (*st)->BindText(index++, value);
  }
  return *st;
}

// The stored (id, version) of a keyed row, from a statement bound with its key.
core::Result<std::optional<std::pair<int64_t, int64_t>>> FindRow(SqlStatement& st) {
  auto row = st.Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<std::pair<int64_t, int64_t>>();
  std::pair<int64_t, int64_t> found{st.ColumnInt(0), st.ColumnInt(st.ColumnCount() - 1)};
  st.Reset();
  return std::optional(found);
}

// The version rule of every write: create with 0, replace with the stored version.
core::Status CheckWrite(const std::string& what,
                        const std::optional<std::pair<int64_t, int64_t>>& stored,
                        int64_t expected_version) {
  if (!stored && expected_version != 0) return Fail(NotFound(what));
  if (stored && expected_version == 0) return Fail(AlreadyExists(what));
  if (stored && stored->second != expected_version) {
    return Fail(StaleVersion(what, stored->second, expected_version));
  }
  return {};
}

core::Status ValidateCall(const ForecastCall& call) {
  if (call.period.empty()) return Fail(core::Error::Invalid("period is required", "period"));
  std::set<std::string_view> seen;
  for (size_t i = 0; i < call.deals.size(); ++i) {
    const std::string field = "deals[" + std::to_string(i) + "].opportunity_id";
    if (!seen.insert(call.deals[i].opportunity_id).second) {
      return Fail(core::Error::Invalid("the deal is listed twice in the call", field));
    }
    if (!std::isfinite(call.deals[i].amount)) {
      return Fail(core::Error::Invalid("must be a finite number",
                                       "deals[" + std::to_string(i) + "].amount"));
    }
  }
  return {};
}

std::string CallName(std::string_view period, std::string_view owner) {
  return "forecast call \"" + std::string(period) + "/" + std::string(owner) + "\"";
}

std::string AdjustmentName(std::string_view period, std::string_view team) {
  return "forecast adjustment \"" + std::string(period) + "/" + std::string(team) + "\"";
}

// Every call or adjustment of a keyed statement (kGet*: period and key; kList*: the same as
// optional filters).
template <class T>
core::Result<std::vector<T>> ReadKeyed(SqlConnection& connection, std::string_view sql,
                                       std::string_view period, std::string_view key, bool list) {
  auto st = PrepareKeyed(connection, sql, period, key, list);
  if (!st) return Fail(st.error());
  if constexpr (std::is_same_v<T, ForecastCall>) {
    return ReadCalls(connection, **st);
  } else {
    return ReadAdjustments(**st);
  }
}

// The one call or adjustment a kGet* statement names; kNotFound naming `what` otherwise.
template <class T>
core::Result<T> ReadOne(SqlConnection& connection, std::string_view sql, std::string_view period,
                        std::string_view key, const std::string& what) {
  auto found = ReadKeyed<T>(connection, sql, period, key, false);
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(NotFound(what));
  return std::move(found->front());
}

template <class R>
core::Result<std::vector<R>> ReadAll(SqlConnection& connection, const std::string& sql) {
  auto st = connection.Prepare(sql);
  if (!st) return Fail(st.error());
  std::vector<R> out;
  auto ok = ReadRecords<R>(connection, **st, [&](R&& record) -> core::Status {
    out.push_back(std::move(record));
    return {};
  });
  if (!ok) return Fail(ok.error());
  return out;
}

}  // namespace

Result<ForecastCall> SqlStore::GetForecastCall(std::string_view period, std::string_view owner) {
  return pool_->Read<ForecastCall>([&](SqlConnection& connection) {
    return ReadOne<ForecastCall>(connection, kGetCall, period, owner, CallName(period, owner));
  });
}

Result<std::vector<ForecastCall>> SqlStore::ListForecastCalls(std::string_view period,
                                                              std::string_view owner) {
  using V = std::vector<ForecastCall>;
  return pool_->Read<V>([&](SqlConnection& connection) {
    return ReadKeyed<ForecastCall>(connection, kListCalls, period, owner, true);
  });
}

Result<ForecastCall> SqlStore::PutForecastCall(const ForecastCall& call, int64_t expected_version,
                                               const Actor& actor) {
  if (auto ok = ValidateCall(call); !ok) return Fail(ok.error());
  return pool_->Write<ForecastCall>([&](SqlConnection& connection) -> Result<ForecastCall> {
    RefResolver refs(connection);
    auto owner = refs.Resolve(RefKind::kUser, call.owner, "owner");
    if (!owner) return Fail(owner.error());
    std::vector<int64_t> opportunities;
    for (size_t i = 0; i < call.deals.size(); ++i) {
      auto id = refs.Resolve(RefKind::kOpportunity, call.deals[i].opportunity_id,
                             "deals[" + std::to_string(i) + "].opportunity_id");
      if (!id) return Fail(id.error());
      opportunities.push_back(*id);
    }
    auto find = connection.Prepare(kFindCall);
    if (!find) return Fail(find.error());
    (*find)->BindText(1, call.period);
    (*find)->BindInt(2, *owner);
    auto stored = FindRow(**find);
    if (!stored) return Fail(stored.error());
    const std::string what = CallName(call.period, call.owner);
    if (auto ok = CheckWrite(what, *stored, expected_version); !ok) return Fail(ok.error());
    std::string before;
    if (*stored) {
      auto previous = ReadOne<ForecastCall>(connection, kGetCall, call.period, call.owner, what);
      if (!previous) return Fail(previous.error());
      before = Json(*previous);
    }

    int64_t call_id = 0;
    if (*stored) {
      call_id = (*stored)->first;
      auto update = connection.Prepare(kUpdateCall);
      if (!update) return Fail(update.error());
      (*update)->BindText(1, call.note);
      BindModelAndStamp(**update, 2, call.model, actor);
      (*update)->BindInt(7, call_id);
      if (auto ok = (*update)->Run(); !ok) return Fail(ok.error());
      auto clear = connection.Prepare(kDeleteCallDeals);
      if (!clear) return Fail(clear.error());
      (*clear)->BindInt(1, call_id);
      if (auto ok = (*clear)->Run(); !ok) return Fail(ok.error());
    } else {
      auto insert = connection.Prepare(kInsertCall);
      if (!insert) return Fail(insert.error());
      (*insert)->BindText(1, call.period);
      (*insert)->BindInt(2, *owner);
      (*insert)->BindText(3, call.note);
      BindModelAndStamp(**insert, 4, call.model, actor);
      auto id = (*insert)->StepInsert();
      if (!id) return Fail(id.error());
      call_id = *id;
    }
    for (size_t i = 0; i < call.deals.size(); ++i) {
      auto insert = connection.Prepare(kInsertCallDeal);
      if (!insert) return Fail(insert.error());
      (*insert)->BindInt(1, call_id);
      (*insert)->BindInt(2, opportunities[i]);
      (*insert)->BindText(3, core::EnumName(kForecastCategoryNames, call.deals[i].category));
      (*insert)->BindDouble(4, call.deals[i].amount);
      if (auto ok = (*insert)->Run(); !ok) return Fail(ok.error());
    }
    auto reread = ReadOne<ForecastCall>(connection, kGetCall, call.period, call.owner, what);
    if (!reread) return Fail(reread.error());
    ForecastCall saved = std::move(*reread);
    if (auto ok = AppendAudit(connection, actor,
                              {*stored ? "update" : "create", "forecast_call",
                               call.period + "/" + call.owner, std::move(before), Json(saved)});
        !ok) {
      return Fail(ok.error());
    }
    return saved;
  });
}

Result<ForecastAdjustment> SqlStore::GetForecastAdjustment(std::string_view period,
                                                           std::string_view team) {
  return pool_->Read<ForecastAdjustment>([&](SqlConnection& connection) {
    return ReadOne<ForecastAdjustment>(connection, kGetAdjustment, period, team,
                                       AdjustmentName(period, team));
  });
}

Result<std::vector<ForecastAdjustment>> SqlStore::ListForecastAdjustments(std::string_view period,
                                                                          std::string_view team) {
  using V = std::vector<ForecastAdjustment>;
  return pool_->Read<V>([&](SqlConnection& connection) {
    return ReadKeyed<ForecastAdjustment>(connection, kListAdjustments, period, team, true);
  });
}

Result<ForecastAdjustment> SqlStore::PutForecastAdjustment(const ForecastAdjustment& adjustment,
                                                           int64_t expected_version,
                                                           const Actor& actor) {
  if (adjustment.period.empty()) return Fail(core::Error::Invalid("period is required", "period"));
  if (adjustment.team.empty()) return Fail(core::Error::Invalid("team is required", "team"));
  if (!std::isfinite(adjustment.amount)) {
    return Fail(core::Error::Invalid("must be a finite number", "amount"));
  }
  using A = ForecastAdjustment;
  return pool_->Write<A>([&](SqlConnection& connection) -> Result<A> {
    const std::string_view period = adjustment.period, team = adjustment.team;
    auto find = PrepareKeyed(connection, kFindAdjustment, period, team, false);
    if (!find) return Fail(find.error());
    auto stored = FindRow(**find);
    if (!stored) return Fail(stored.error());
    const std::string what = AdjustmentName(period, team);
    if (auto ok = CheckWrite(what, *stored, expected_version); !ok) return Fail(ok.error());
    std::string before;
    if (*stored) {
      auto previous = ReadOne<A>(connection, kGetAdjustment, period, team, what);
      if (!previous) return Fail(previous.error());
      before = Json(*previous);
      auto update = connection.Prepare(kUpdateAdjustment);
      if (!update) return Fail(update.error());
      (*update)->BindDouble(1, adjustment.amount);
      (*update)->BindText(2, adjustment.note);
      BindModelAndStamp(**update, 3, adjustment.model, actor);
      (*update)->BindInt(8, (*stored)->first);
      if (auto ok = (*update)->Run(); !ok) return Fail(ok.error());
    } else {
      auto insert = connection.Prepare(kInsertAdjustment);
      if (!insert) return Fail(insert.error());
      (*insert)->BindText(1, period);
      (*insert)->BindText(2, team);
      (*insert)->BindDouble(3, adjustment.amount);
      (*insert)->BindText(4, adjustment.note);
      BindModelAndStamp(**insert, 5, adjustment.model, actor);
      if (auto id = (*insert)->StepInsert(); !id) return Fail(id.error());
    }
    auto reread = ReadOne<A>(connection, kGetAdjustment, period, team, what);
    if (!reread) return Fail(reread.error());
    A result = std::move(*reread);
    if (auto ok = AppendAudit(
            connection, actor,
            {*stored ? "update" : "create", "forecast_adjustment",
             adjustment.period + "/" + adjustment.team, std::move(before), Json(result)});
        !ok) {
      return Fail(ok.error());
    }
    return result;
  });
}

Result<std::vector<domain::Outcome>> SqlStore::ListOutcomes() {
  using V = std::vector<domain::Outcome>;
  return pool_->Read<V>([&](SqlConnection& connection) -> Result<V> {
    return ReadAll<domain::Outcome>(connection, kListOutcomes);
  });
}

Result<std::vector<domain::StageChange>> SqlStore::ListAllStageChanges() {
  using V = std::vector<domain::StageChange>;
  return pool_->Read<V>([&](SqlConnection& connection) -> Result<V> {
    return ReadAll<domain::StageChange>(connection, kListAllStageChanges);
  });
}

}  // namespace buyalign::storage
