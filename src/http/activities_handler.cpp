#include "http/api_routes.hpp"
#include "http/crud_routes.hpp"
#include "http/id_record_ops.hpp"
#include "http/query.hpp"

namespace buyalign::http {
namespace {

struct ActivityTraits
    : IdRecordOps<domain::Activity, &storage::Store::GetActivity, &storage::Store::CreateActivity,
                  &storage::Store::UpdateActivity, &storage::Store::DeleteActivity> {
  using Record = domain::Activity;
  static constexpr std::string_view kCollection = "/api/v1/activities";
  static constexpr std::string_view kItem = "/api/v1/activities/{id}";
  static constexpr std::string_view kSingular = "Activity";
  static constexpr std::string_view kPlural = "Activities";
  static constexpr std::string_view kIdPrefix = "act-";
  static constexpr auth::Resource kResource = auth::Resource::kOpportunity;
  // Writes to what belongs to a deal are edits of the deal.
  static constexpr bool kPartOfOpportunity = true;
  static constexpr KeyBinding kKeys[] = {{"id", "id"}};

  static core::Result<Record> Decode(ApiContext& ctx, const rapidjson::Value& obj,
                                     interop::DecodeMode mode, Record base) {
    return interop::DecodeActivity(obj, mode, ctx.methodology, std::move(base));
  }
  // Filter: opportunity_id; only the activities of deals the caller may see.
  static core::Result<storage::Page<Record>> List(ApiContext& ctx, const Request& request,
                                                  const storage::PageRequest& page) {
    storage::ActivityFilter filter;
    filter.opportunity_id = std::string(request.Query("opportunity_id"));
    filter.viewer = request.caller.viewer();
    return ctx.store.ListActivities(filter, page);
  }
  static std::string Location(const Record& record) {
    return std::string(kCollection) + "/" + PercentEncodeSegment(record.id);
  }
};

}  // namespace

void AddActivityRoutes(Router& router, ApiContext& ctx) {
  AddCrudRoutes<ActivityTraits>(router, ctx);
}

}  // namespace buyalign::http
