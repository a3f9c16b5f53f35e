#include "storage/postgres/postgres_store.hpp"

#include "storage/migrations.hpp"
#include "storage/postgres/postgres_connection.hpp"
#include "storage/postgres/postgres_url.hpp"
#include "storage/sql_store.hpp"

namespace buyalign::storage::postgres {

core::Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  auto config = ParsePostgresUrl(url);
  if (!config) return core::Fail(config.error());
  auto writer = PostgresConnection::Open(config->conninfo, config->statement_timeout_ms, true);
  if (!writer) return core::Fail(writer.error());
  if (auto ok = ApplyMigrations(**writer); !ok) return core::Fail(ok.error());
  std::vector<std::unique_ptr<SqlConnection>> readers;
  for (int i = 1; i < config->pool_size; ++i) {
    auto reader = PostgresConnection::Open(config->conninfo, config->statement_timeout_ms, false);
    if (!reader) return core::Fail(reader.error());
    readers.push_back(std::move(*reader));
  }
  auto pool = std::make_unique<ConnectionPool>(std::move(*writer), std::move(readers));
  return std::unique_ptr<Store>(std::make_unique<SqlStore>(std::move(pool)));
}

}  // namespace buyalign::storage::postgres
