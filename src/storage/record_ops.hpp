#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "core/result.hpp"
#include "storage/audit_json.hpp"
#include "storage/record_mapping.hpp"

// Operations on records that several parts of SqlStore share (CRUD, import, scans). All run on
// the caller's connection and transaction.
namespace buyalign::storage {

// Record types addressed by their own external id (the others are keyed by what they link).
template <class R>
inline constexpr bool kHasExternalId =
    !std::is_same_v<R, domain::DmuMember> && !std::is_same_v<R, domain::ContentShare> &&
    !std::is_same_v<R, domain::Outcome> && !std::is_same_v<R, domain::StageChange>;

// The contact ids of activity `activity_id`, as external ids in their given order.
core::Result<std::vector<std::string>> ReadActivityContacts(SqlConnection& connection,
                                                            int64_t activity_id);
// The internal contact ids of activity `activity_id`, in order.
core::Result<std::vector<int64_t>> ReadActivityLinks(SqlConnection& connection,
                                                     int64_t activity_id);
// Makes `links` the contacts of activity `activity_id`.
core::Status WriteActivityLinks(SqlConnection& connection, int64_t activity_id,
                                const std::vector<int64_t>& links, bool replace);

// Steps `st` (prepared from Mapping<R>::SelectSql() and bound) to its end, calling `fn` with
// each record; `fn` returns a Status, and a failure stops the read.
template <class R, class Fn>
core::Status ReadRecords(SqlConnection& connection, SqlStatement& st, Fn&& fn) {
  while (true) {
    auto stepped = st.Step();
    if (!stepped) return core::Fail(stepped.error());
    if (!*stepped) return {};
    R record = Mapping<R>::Read(st);
    if constexpr (std::is_same_v<R, domain::Activity>) {
      auto contacts = ReadActivityContacts(connection, st.ColumnInt(0));
      if (!contacts) return core::Fail(contacts.error());
      record.contact_ids = std::move(*contacts);
    }
    if (core::Status ok = fn(std::move(record)); !ok) return ok;
  }
}

// The stored record with internal id `id` as the audit log's JSON (audit_json.hpp).
template <class R>
core::Result<std::string> RecordJson(SqlConnection& connection, int64_t id) {
  static const std::string sql =
      Mapping<R>::SelectSql() + " WHERE " + std::string(Mapping<R>::kAlias) + ".id = ?";
  auto statement = connection.Prepare(sql);
  if (!statement) return core::Fail(statement.error());
  SqlStatement& st = **statement;
  st.BindInt(1, id);
  auto stepped = st.Step();
  if (!stepped) return core::Fail(stepped.error());
  if (!*stepped) return core::Fail(core::Error::Internal("audited row vanished"));
  std::vector<std::pair<std::string_view, std::vector<std::string>>> lists;
  if constexpr (std::is_same_v<R, domain::Activity>) {
    auto contacts = ReadActivityContacts(connection, id);
    if (!contacts) return core::Fail(contacts.error());
    lists.emplace_back("contact_ids", std::move(*contacts));
  }
  std::string json = RowJson(st, lists);
  st.Reset();
  return json;
}

// How the audit log names a record: its external id, or its key when it has none.
template <class R>
std::string AuditId(const R& record) {
  if constexpr (kHasExternalId<R>) {
    return record.id;
  } else if constexpr (std::is_same_v<R, domain::DmuMember>) {
    return record.opportunity_id + "/" + record.contact_id;
  } else {
    return record.opportunity_id;
  }
}

core::Error NotFound(const std::string& what);
core::Error AlreadyExists(const std::string& what);
core::Error StaleVersion(const std::string& what, int64_t stored, int64_t expected);
core::Error StillReferenced(const std::string& what);

}  // namespace buyalign::storage
