#include "storage/postgres/postgres_admin.hpp"

#include <cctype>

#include "storage/postgres/postgres_connection.hpp"
#include "storage/postgres/postgres_url.hpp"

namespace buyalign::storage::postgres {

namespace {

bool IsIdentifier(std::string_view name) {
  if (name.empty() || name.size() > 63) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// Runs one statement outside a transaction (CREATE/DROP DATABASE refuse to run inside one).
core::Status RunOnServer(const std::string& url, const std::string& sql) {
  auto config = ParsePostgresUrl(url);
  if (!config) return core::Fail(config.error());
  auto connection = PostgresConnection::Open(config->conninfo, 0, true);
  if (!connection) return core::Fail(connection.error());
  return (*connection)->Execute(sql);
}

}  // namespace

core::Status CreateDatabase(const std::string& url, std::string_view name) {
  if (!IsIdentifier(name)) return core::Fail(core::Error::Invalid("bad database name", "name"));
  return RunOnServer(url, "CREATE DATABASE " + std::string(name) + " TEMPLATE template0");
}

core::Status DropDatabase(const std::string& url, std::string_view name) {
  if (!IsIdentifier(name)) return core::Fail(core::Error::Invalid("bad database name", "name"));
  return RunOnServer(url, "DROP DATABASE IF EXISTS " + std::string(name) + " WITH (FORCE)");
}

}  // namespace buyalign::storage::postgres
