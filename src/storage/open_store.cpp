#include "storage/open_store.hpp"

#include "storage/migrations.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/sql_store.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace buyalign::storage {

namespace {

// Readers in parallel: enough for the HTTP workers on a small machine; more connections cost
// memory (each has its own page cache) without adding cores.
constexpr int kSqliteReaders = 4;

bool IsPostgresUrl(const std::string& location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

core::Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path) {
  // The writer opens first and migrates, so readers see the finished schema.
  auto writer = sqlite::SqliteConnection::Open(path);
  if (!writer) return core::Fail(writer.error());
  if (auto ok = ApplyMigrations(**writer); !ok) return core::Fail(ok.error());
  std::vector<std::unique_ptr<SqlConnection>> readers;
  for (int i = 0; i < kSqliteReaders; ++i) {
    auto reader = sqlite::SqliteConnection::Open(path);
    if (!reader) return core::Fail(reader.error());
    readers.push_back(std::move(*reader));
  }
  auto pool = std::make_unique<ConnectionPool>(std::move(*writer), std::move(readers));
  return std::unique_ptr<Store>(std::make_unique<SqlStore>(std::move(pool)));
}

}  // namespace

core::Result<std::unique_ptr<Store>> OpenStore(const std::string& location) {
  if (location.empty()) {
    return core::Fail(core::Error::Invalid("no database location given", "database"));
  }
  if (IsPostgresUrl(location)) {
    return postgres::OpenPostgresStore(location);
  }
  return OpenSqlite(location);
}

}  // namespace buyalign::storage
