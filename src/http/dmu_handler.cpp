#include "http/api_routes.hpp"
#include "http/crud_routes.hpp"
#include "http/query.hpp"
#include "http/row_access.hpp"

namespace buyalign::http {
namespace {

// DMU members are keyed by (opportunity, contact): the opportunity comes from the URL, the
// contact from the body on create and from the URL otherwise. No ids are generated.
struct DmuTraits {
  using Record = domain::DmuMember;
  static constexpr std::string_view kCollection = "/api/v1/opportunities/{id}/dmu";
  static constexpr std::string_view kItem = "/api/v1/opportunities/{id}/dmu/{contact_id}";
  static constexpr std::string_view kSingular = "DmuMember";
  static constexpr std::string_view kPlural = "DmuMembers";
  static constexpr std::string_view kIdPrefix = "";
  static constexpr auth::Resource kResource = auth::Resource::kOpportunity;
  // Writes to what belongs to a deal are edits of the deal.
  static constexpr bool kPartOfOpportunity = true;
  static constexpr KeyBinding kKeys[] = {{"opportunity_id", "id"}, {"contact_id", "contact_id"}};

  static core::Result<Record> Decode(ApiContext&, const rapidjson::Value& obj,
                                     interop::DecodeMode mode, Record base) {
    return interop::DecodeDmuMember(obj, mode, std::move(base));
  }
  // The whole DMU in one page: it is a handful of people, never thousands. A deal the caller may
  // not see has no DMU for them (404, as for a deal that does not exist).
  static core::Result<storage::Page<Record>> List(ApiContext& ctx, const Request& request,
                                                  const storage::PageRequest&) {
    if (auto visible = RequireVisible(ctx, request.caller, request.Param("id")); !visible) {
      return core::Fail(visible.error());
    }
    auto members = ctx.store.ListDmuMembers(request.Param("id"));
    if (!members) return core::Fail(members.error());
    return storage::Page<Record>{std::move(*members), {}};
  }
  static core::Result<Record> Get(storage::Store& store, const Request& request) {
    return store.GetDmuMember(request.Param("id"), request.Param("contact_id"));
  }
  static core::Result<Record> Create(storage::Store& store, const Record& record,
                                     const storage::Actor& actor) {
    return store.CreateDmuMember(record, actor);
  }
  static core::Result<Record> Update(storage::Store& store, const Record& record, int64_t version,
                                     const storage::Actor& actor) {
    return store.UpdateDmuMember(record, version, actor);
  }
  static core::Status Delete(storage::Store& store, const Request& request, int64_t version) {
    return store.DeleteDmuMember(request.Param("id"), request.Param("contact_id"), version,
                                 request.caller.actor());
  }
  static std::string Location(const Record& record) {
    return "/api/v1/opportunities/" + PercentEncodeSegment(record.opportunity_id) + "/dmu/" +
           PercentEncodeSegment(record.contact_id);
  }
};

}  // namespace

void AddDmuRoutes(Router& router, ApiContext& ctx) { AddCrudRoutes<DmuTraits>(router, ctx); }

}  // namespace buyalign::http
