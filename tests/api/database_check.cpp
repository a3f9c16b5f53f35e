#include "database_check.hpp"

#include <sqlite3.h>

namespace buyalign::api_test {
namespace {

// Every row of `sql`, its columns joined by spaces, one row per line; or the error.
std::string Rows(const std::filesystem::path& db, const char* sql) {
  sqlite3* handle = nullptr;
  // Read-write, as the server opens it: SQLite may need to recover a WAL left by a crash.
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string error = "cannot open " + db.string() + ": " + sqlite3_errmsg(handle);
    sqlite3_close(handle);
    return error;
  }
  std::string out;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
    out = std::string("cannot run ") + sql + ": " + sqlite3_errmsg(handle);
  } else {
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      if (!out.empty()) out += '\n';
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
        if (i > 0) out += ' ';
        out += text ? text : "NULL";
      }
    }
    if (rc != SQLITE_DONE) out += std::string("\nerror: ") + sqlite3_errmsg(handle);
  }
  sqlite3_finalize(statement);
  sqlite3_close(handle);
  return out;
}

}  // namespace

std::string IntegrityCheck(const std::filesystem::path& db) {
  return Rows(db, "PRAGMA integrity_check");
}

std::string ForeignKeyProblems(const std::filesystem::path& db) {
  return Rows(db, "PRAGMA foreign_key_check");
}

}  // namespace buyalign::api_test
