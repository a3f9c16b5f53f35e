#include "storage/ref_resolver.hpp"

namespace buyalign::storage {

namespace {

struct KindInfo {
  std::string_view noun;
  std::string_view lookup_sql;
};

constexpr std::array<KindInfo, kRefKindCount> kKinds{{
    {"user", "SELECT id FROM users WHERE ext_id = ?"},
    {"account", "SELECT id FROM accounts WHERE ext_id = ?"},
    {"contact", "SELECT id FROM contacts WHERE ext_id = ?"},
    {"content", "SELECT id FROM content_items WHERE ext_id = ?"},
    {"opportunity", "SELECT id FROM opportunities WHERE ext_id = ?"},
}};

}  // namespace

core::Result<std::optional<int64_t>> RefResolver::Find(RefKind kind, std::string_view ext_id) {
  IdMap& known = known_[static_cast<size_t>(kind)];
  if (auto it = known.find(ext_id); it != known.end()) return it->second;
  auto statement = connection_.Prepare(kKinds[static_cast<size_t>(kind)].lookup_sql);
  if (!statement) return core::Fail(statement.error());
  (*statement)->BindText(1, ext_id);
  auto row = (*statement)->Step();
  if (!row) return core::Fail(row.error());
  if (!*row) return std::optional<int64_t>();
  int64_t id = (*statement)->ColumnInt(0);
  (*statement)->Reset();
  known.emplace(std::string(ext_id), id);
  return id;
}

core::Result<int64_t> RefResolver::Resolve(RefKind kind, std::string_view ext_id,
                                           std::string_view field) {
  auto found = Find(kind, ext_id);
  if (!found) return core::Fail(found.error());
  if (!*found) {
    core::Error error;
    error.code = core::ErrorCode::kUnknownReference;
    error.message = "no " + std::string(kKinds[static_cast<size_t>(kind)].noun) + " with id \"" +
                    std::string(ext_id) + "\"";
    error.field = std::string(field);
    return core::Fail(std::move(error));
  }
  return **found;
}

core::Result<SqlValue> RefResolver::ResolveOptional(RefKind kind, std::string_view ext_id,
                                                    std::string_view field) {
  if (ext_id.empty()) return SqlValue{};
  auto id = Resolve(kind, ext_id, field);
  if (!id) return core::Fail(id.error());
  return SqlValue{*id};
}

void RefResolver::Remember(RefKind kind, std::string_view ext_id, int64_t id) {
  known_[static_cast<size_t>(kind)].insert_or_assign(std::string(ext_id), id);
}

}  // namespace buyalign::storage
