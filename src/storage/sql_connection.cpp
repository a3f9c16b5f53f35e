#include "storage/sql_connection.hpp"

#include <type_traits>

namespace buyalign::storage {

void SqlStatement::Bind(int index, const SqlValue& value) {
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::monostate>) {
          BindNull(index);
        } else if constexpr (std::is_same_v<V, int64_t>) {
          BindInt(index, v);
        } else if constexpr (std::is_same_v<V, double>) {
          BindDouble(index, v);
        } else {
          BindTextRef(index, v);
        }
      },
      value);
}

core::Status SqlStatement::Run() {
  while (true) {
    auto row = Step();
    if (!row) return core::Fail(row.error());
    if (!*row) return {};
  }
}

core::Result<int64_t> SqlStatement::StepInsert() {
  auto stepped = Step();
  if (!stepped) return core::Fail(stepped.error());
  if (!*stepped) return core::Fail(core::Error::Internal("INSERT ... RETURNING gave no row"));
  int64_t id = ColumnInt(0);
  Reset();
  return id;
}

core::Status SqlConnection::BackupTo(const std::string& path) {
  return core::Fail(core::Error::Invalid(
      "this database cannot write a backup file; use its own tool (PostgreSQL: pg_dump)"));
}

}  // namespace buyalign::storage
