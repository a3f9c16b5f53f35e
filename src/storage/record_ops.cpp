#include "storage/record_ops.hpp"

namespace buyalign::storage {

namespace {

core::Error Conflict(std::string message) {
  core::Error error;
  error.code = core::ErrorCode::kConflict;
  error.message = std::move(message);
  return error;
}

}  // namespace

core::Result<std::vector<std::string>> ReadActivityContacts(SqlConnection& connection,
                                                            int64_t activity_id) {
  auto statement = connection.Prepare(kSelectActivityContacts);
  if (!statement) return core::Fail(statement.error());
  SqlStatement& st = **statement;
  st.BindInt(1, activity_id);
  std::vector<std::string> contacts;
  while (true) {
    auto row = st.Step();
    if (!row) return core::Fail(row.error());
    if (!*row) break;
    contacts.emplace_back(st.ColumnText(0));
  }
  return contacts;
}

core::Result<std::vector<int64_t>> ReadActivityLinks(SqlConnection& connection,
                                                     int64_t activity_id) {
  auto statement = connection.Prepare(kSelectActivityLinks);
  if (!statement) return core::Fail(statement.error());
  SqlStatement& st = **statement;
  st.BindInt(1, activity_id);
  std::vector<int64_t> links;
  while (true) {
    auto row = st.Step();
    if (!row) return core::Fail(row.error());
    if (!*row) break;
    links.push_back(st.ColumnInt(0));
  }
  return links;
}

core::Status WriteActivityLinks(SqlConnection& connection, int64_t activity_id,
                                const std::vector<int64_t>& links, bool replace) {
  if (replace) {
    auto remove = connection.Prepare(kDeleteActivityContacts);
    if (!remove) return core::Fail(remove.error());
    (*remove)->BindInt(1, activity_id);
    if (auto ok = (*remove)->Run(); !ok) return ok;
  }
  if (links.empty()) return {};
  auto insert = connection.Prepare(kInsertActivityContact);
  if (!insert) return core::Fail(insert.error());
  for (size_t i = 0; i < links.size(); ++i) {
    SqlStatement& st = **insert;
    st.Reset();
    st.BindInt(1, activity_id);
    st.BindInt(2, static_cast<int64_t>(i));
    st.BindInt(3, links[i]);
    if (auto ok = st.Run(); !ok) return ok;
  }
  return {};
}

core::Error NotFound(const std::string& what) { return core::Error::NotFound(what + " not found"); }

core::Error AlreadyExists(const std::string& what) { return Conflict(what + " already exists"); }

core::Error StaleVersion(const std::string& what, int64_t stored, int64_t expected) {
  core::Error error = Conflict(what + " is at version " + std::to_string(stored) + ", not " +
                               std::to_string(expected) + "; reload it and retry");
  error.current_version = stored;
  return error;
}

core::Error StillReferenced(const std::string& what) {
  return Conflict(what + " is still referenced by other records; delete or move those first");
}

}  // namespace buyalign::storage
