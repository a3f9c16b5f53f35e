#include "cli/service_command_support.hpp"

#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "storage/open_store.hpp"

namespace buyalign::cli {

core::Result<std::unique_ptr<storage::Store>> OpenExistingStore(const std::string& db) {
  // A file must exist (a typo must not create one); a PostgreSQL URL is the server's business.
  const bool is_url = db.find("://") != std::string::npos;
  if (!is_url && !std::filesystem::exists(db)) {
    return core::Fail(core::Error::Invalid("no such database"));
  }
  return storage::OpenStore(db);
}

core::Result<core::Timestamp> ParseAsOf(const std::string& text) {
  if (text.empty()) return core::Now();
  return core::ParseTimestamp(text);
}

int ReportError(const std::string& what, const core::Error& error) {
  std::cerr << "buyalign: " << what << ": " << core::Describe(error) << '\n';
  return error.code == core::ErrorCode::kInvalidArgument ? kExitBadInput : kExitFailure;
}

}  // namespace buyalign::cli
