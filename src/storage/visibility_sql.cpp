#include "storage/visibility_sql.hpp"

namespace buyalign::storage {

std::string VisibleCondition(std::string_view opportunity_column) {
  return "(? = 0 OR EXISTS (SELECT 1 FROM opportunities vo WHERE vo.id = " +
         std::string(opportunity_column) +
         " AND (vo.owner_id = ?"
         " OR EXISTS (SELECT 1 FROM opportunity_shares vs"
         " WHERE vs.opportunity_id = vo.id AND vs.user_id = ?)"
         " OR (? = 1 AND vo.owner_id IN (SELECT vu.id FROM users vu"
         " JOIN team_managers vm ON vm.team = vu.team WHERE vm.user_id = ?)))))";
}

core::Result<std::optional<ResolvedViewer>> ResolveViewer(RefResolver& refs, const Viewer& viewer) {
  if (!viewer.restricts()) return std::optional<ResolvedViewer>(ResolvedViewer{});
  auto user = refs.Find(RefKind::kUser, viewer.user_id);
  if (!user) return core::Fail(user.error());
  if (!*user) return std::optional<ResolvedViewer>();
  return std::optional<ResolvedViewer>(
      ResolvedViewer{**user, viewer.visibility == Visibility::kTeam});
}

int BindVisibility(SqlStatement& st, int index, const ResolvedViewer& viewer) {
  st.BindInt(index++, viewer.user);
  st.BindInt(index++, viewer.user);
  st.BindInt(index++, viewer.user);
  st.BindInt(index++, viewer.team ? 1 : 0);
  st.BindInt(index++, viewer.user);
  return index;
}

}  // namespace buyalign::storage
