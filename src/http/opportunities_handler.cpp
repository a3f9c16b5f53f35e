#include "core/enum_names.hpp"
#include "http/api_routes.hpp"
#include "http/crud_routes.hpp"
#include "http/id_record_ops.hpp"
#include "http/query.hpp"

namespace buyalign::http {
namespace {

struct OpportunityTraits
    : IdRecordOps<domain::Opportunity, &storage::Store::GetOpportunity,
                  &storage::Store::CreateOpportunity, &storage::Store::UpdateOpportunity,
                  &storage::Store::DeleteOpportunity> {
  using Record = domain::Opportunity;
  static constexpr std::string_view kCollection = "/api/v1/opportunities";
  static constexpr std::string_view kItem = "/api/v1/opportunities/{id}";
  static constexpr std::string_view kSingular = "Opportunity";
  static constexpr std::string_view kPlural = "Opportunities";
  static constexpr std::string_view kIdPrefix = "opp-";
  static constexpr auth::Resource kResource = auth::Resource::kOpportunity;
  static constexpr bool kPartOfOpportunity = false;
  static constexpr KeyBinding kKeys[] = {{"id", "id"}};

  static core::Result<Record> Decode(ApiContext&, const rapidjson::Value& obj,
                                     interop::DecodeMode mode, Record base) {
    return interop::DecodeOpportunity(obj, mode, std::move(base));
  }
  // Filters: owner, status (open, won or lost), account_id; only what the caller may see.
  static core::Result<storage::Page<Record>> List(ApiContext& ctx, const Request& request,
                                                  const storage::PageRequest& page) {
    storage::OpportunityFilter filter;
    filter.owner = std::string(request.Query("owner"));
    filter.account_id = std::string(request.Query("account_id"));
    const storage::Viewer viewer = request.caller.viewer();
    filter.visible_to = viewer.user_id;
    filter.visibility = viewer.visibility;
    if (const std::string_view status = request.Query("status"); !status.empty()) {
      filter.status =
          core::ParseEnum<domain::OpportunityStatus>(domain::kOpportunityStatusNames, status);
      if (!filter.status) {
        return core::Fail(core::Error::Invalid(
            "must be " + core::JoinNames(domain::kOpportunityStatusNames), "status"));
      }
    }
    return ctx.store.ListOpportunities(filter, page);
  }
  static std::string Location(const Record& record) {
    return std::string(kCollection) + "/" + PercentEncodeSegment(record.id);
  }
};

}  // namespace

void AddOpportunityRoutes(Router& router, ApiContext& ctx) {
  AddCrudRoutes<OpportunityTraits>(router, ctx);
}

}  // namespace buyalign::http
