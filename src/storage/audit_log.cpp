#include "storage/audit_log.hpp"

#include <charconv>
#include <limits>

#include "storage/cursor.hpp"

namespace buyalign::storage {

namespace {

constexpr std::string_view kInsertAudit =
    "INSERT INTO audit_log (at, user_id, via, action, record_type, record_id, before_json,"
    " after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
// Empty strings and a zero flag mean "no condition", so one statement serves every filter.
constexpr std::string_view kSelectAudit =
    "SELECT id, at, user_id, via, action, record_type, record_id, before_json, after_json"
    " FROM audit_log WHERE id < ? AND (? = '' OR user_id = ?) AND (? = '' OR record_type = ?)"
    " AND (? = '' OR record_id = ?) AND (? = 0 OR at >= ?) AND (? = 0 OR at < ?)"
    " ORDER BY id DESC LIMIT ?";

void BindOptionalText(SqlStatement& st, int index, const std::string& value) {
  if (value.empty()) {
    st.BindNull(index);
  } else {
    st.BindText(index, value);
  }
}

core::Result<int64_t> DecodeAuditCursor(std::string_view cursor) {
  if (cursor.empty()) return std::numeric_limits<int64_t>::max();
  auto text = DecodeIdCursor(cursor);
  if (!text) return core::Fail(text.error());
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc() || end != text->data() + text->size()) {
    return core::Fail(core::Error::Invalid("not a cursor this list returned", "cursor"));
  }
  return id;
}

int BindTextCondition(SqlStatement& st, int index, const std::string& value) {
  st.BindText(index++, value);
  st.BindText(index++, value);
  return index;
}

int BindTimeCondition(SqlStatement& st, int index, const std::optional<core::Timestamp>& value) {
  st.BindInt(index++, value ? 1 : 0);
  st.BindInt(index++, value ? core::ToUnixSeconds(*value) : 0);
  return index;
}

}  // namespace

core::Status AppendAudit(SqlConnection& connection, const Actor& actor, const AuditChange& change) {
  auto statement = connection.Prepare(kInsertAudit);
  if (!statement) return core::Fail(statement.error());
  SqlStatement& st = **statement;
  st.BindInt(1, core::ToUnixSeconds(core::Now()));
  st.BindText(2, actor.user_id);
  st.BindText(3, actor.via);
  st.BindText(4, change.action);
  st.BindText(5, change.record_type);
  st.BindText(6, change.record_id);
  BindOptionalText(st, 7, change.before);
  BindOptionalText(st, 8, change.after);
  return st.Run();
}

core::Result<Page<AuditEntry>> ReadAudit(SqlConnection& connection, const AuditFilter& filter,
                                         const PageRequest& page) {
  auto before_id = DecodeAuditCursor(page.cursor);
  if (!before_id) return core::Fail(before_id.error());
  int limit = ClampLimit(page.limit);
  auto statement = connection.Prepare(kSelectAudit);
  if (!statement) return core::Fail(statement.error());
  SqlStatement& st = **statement;
  int index = 1;
  st.BindInt(index++, *before_id);
  index = BindTextCondition(st, index, filter.user_id);
  index = BindTextCondition(st, index, filter.record_type);
  index = BindTextCondition(st, index, filter.record_id);
  index = BindTimeCondition(st, index, filter.since);
  index = BindTimeCondition(st, index, filter.until);
  st.BindInt(index, limit + 1);
  Page<AuditEntry> result;
  while (true) {
    auto row = st.Step();
    if (!row) return core::Fail(row.error());
    if (!*row) break;
    AuditEntry entry;
    entry.id = st.ColumnInt(0);
    entry.at = core::FromUnixSeconds(st.ColumnInt(1));
    entry.user_id = st.ColumnText(2);
    entry.via = st.ColumnText(3);
    entry.action = st.ColumnText(4);
    entry.record_type = st.ColumnText(5);
    entry.record_id = st.ColumnText(6);
    entry.before = st.ColumnText(7);
    entry.after = st.ColumnText(8);
    result.items.push_back(std::move(entry));
  }
  if (result.items.size() > static_cast<size_t>(limit)) {
    result.items.resize(limit);
    result.next_cursor = EncodeIdCursor(std::to_string(result.items.back().id));
  }
  return result;
}

}  // namespace buyalign::storage
