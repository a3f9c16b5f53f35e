#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "domain/records.hpp"
#include "storage/ref_resolver.hpp"
#include "storage/sql_connection.hpp"
#include "storage/table_spec.hpp"

// How each record type maps to its table. Every Mapping<R> has the same members:
//   kType         the interchange `type` ("account")
//   kRefKind      how other records refer to it, if they do
//   Spec()        its table's writable columns and key
//   SelectSql()   "SELECT <id>, <version>, <fields with references as external ids> FROM ...";
//                 statements append WHERE/ORDER BY using the table alias in kAlias
//   Validate(r)   kInvalidArgument naming the field when `r` cannot be stored
//   ToRow(r, refs) the column values, references resolved (kUnknownReference naming the field)
//   Read(st)      the record from a row of SelectSql (activity contact ids are read separately)
//   Describe(r)   the record for messages: account "a1"
// SelectSql names each field column after the record's field ("a.ext_id AS account_id"), so the
// audit log can describe a row from the statement alone (audit_json.hpp).
namespace buyalign::storage {

template <class R>
struct Mapping;

#define BUYALIGN_STORAGE_MAPPING(Record, type, ref_kind, alias)                      \
  template <>                                                                        \
  struct Mapping<domain::Record> {                                                   \
    static constexpr std::string_view kType = type;                                  \
    static constexpr std::optional<RefKind> kRefKind = ref_kind;                     \
    static constexpr std::string_view kAlias = alias;                                \
    static const TableSpec& Spec();                                                  \
    static const std::string& SelectSql();                                           \
    static core::Status Validate(const domain::Record& record);                      \
    static core::Result<Row> ToRow(const domain::Record& record, RefResolver& refs); \
    static domain::Record Read(SqlStatement& st);                                    \
    static std::string Describe(const domain::Record& record);                       \
  }

// One declaration per type, so the mappings cannot drift apart in shape.
BUYALIGN_STORAGE_MAPPING(Team, "team", std::nullopt, "t");
BUYALIGN_STORAGE_MAPPING(User, "user", RefKind::kUser, "u");
BUYALIGN_STORAGE_MAPPING(Account, "account", RefKind::kAccount, "a");
BUYALIGN_STORAGE_MAPPING(Contact, "contact", RefKind::kContact, "c");
BUYALIGN_STORAGE_MAPPING(ContentItem, "content", RefKind::kContent, "k");
BUYALIGN_STORAGE_MAPPING(Opportunity, "opportunity", RefKind::kOpportunity, "o");
BUYALIGN_STORAGE_MAPPING(DmuMember, "dmu_member", std::nullopt, "d");
BUYALIGN_STORAGE_MAPPING(Signal, "signal", std::nullopt, "s");
BUYALIGN_STORAGE_MAPPING(Activity, "activity", std::nullopt, "x");
BUYALIGN_STORAGE_MAPPING(ContentShare, "content_share", std::nullopt, "h");
BUYALIGN_STORAGE_MAPPING(Outcome, "outcome", std::nullopt, "r");
BUYALIGN_STORAGE_MAPPING(StageChange, "stage_change", std::nullopt, "g");

#undef BUYALIGN_STORAGE_MAPPING

// The contact ids of an activity, in their given order.
inline constexpr std::string_view kSelectActivityContacts =
    "SELECT c.ext_id FROM activity_contacts ac JOIN contacts c ON c.id = ac.contact_id"
    " WHERE ac.activity_id = ? ORDER BY ac.position";
inline constexpr std::string_view kSelectActivityLinks =
    "SELECT contact_id FROM activity_contacts WHERE activity_id = ? ORDER BY position";
inline constexpr std::string_view kInsertActivityContact =
    "INSERT INTO activity_contacts (activity_id, position, contact_id) VALUES (?, ?, ?)";
inline constexpr std::string_view kDeleteActivityContacts =
    "DELETE FROM activity_contacts WHERE activity_id = ?";

}  // namespace buyalign::storage
