#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "storage/ref_resolver.hpp"
#include "storage/sql_connection.hpp"
#include "storage/visibility.hpp"

// Row-level security as SQL, so lists, scans and CanSee filter by one rule in the database:
// a viewer sees an opportunity they own or that is shared with them, and with kTeam also those
// owned by members of the teams they manage.
namespace buyalign::storage {

// A condition, true when the opportunity whose internal id is `opportunity_column` is visible.
// It has kVisibilityParameters placeholders, bound by BindVisibility.
std::string VisibleCondition(std::string_view opportunity_column);
inline constexpr int kVisibilityParameters = 5;

// A viewer resolved to what the condition binds: `user` 0 means "no restriction".
struct ResolvedViewer {
  int64_t user = 0;
  bool team = false;
};

// Resolves `viewer`; nullopt when it names a user that does not exist (who then sees nothing).
core::Result<std::optional<ResolvedViewer>> ResolveViewer(RefResolver& refs, const Viewer& viewer);

// Binds the condition's placeholders from `index`; returns the next index.
int BindVisibility(SqlStatement& st, int index, const ResolvedViewer& viewer);

}  // namespace buyalign::storage
