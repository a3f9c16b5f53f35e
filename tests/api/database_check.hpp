#pragma once

#include <filesystem>
#include <string>

// Looks inside a SQLite database file the way an operator would after a crash: SQLite's own
// consistency checks, opened directly (not through the server).
namespace buyalign::api_test {

// The result of PRAGMA integrity_check: "ok", or the problems it lists (one per line), or why
// the file could not be checked.
std::string IntegrityCheck(const std::filesystem::path& db);

// The rows of PRAGMA foreign_key_check ("table rowid parent" per line); empty when every
// reference resolves.
std::string ForeignKeyProblems(const std::filesystem::path& db);

}  // namespace buyalign::api_test
