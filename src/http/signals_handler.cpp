#include "http/api_routes.hpp"
#include "http/crud_routes.hpp"
#include "http/id_record_ops.hpp"
#include "http/query.hpp"

namespace buyalign::http {
namespace {

struct SignalTraits
    : IdRecordOps<domain::Signal, &storage::Store::GetSignal, &storage::Store::CreateSignal,
                  &storage::Store::UpdateSignal, &storage::Store::DeleteSignal> {
  using Record = domain::Signal;
  static constexpr std::string_view kCollection = "/api/v1/signals";
  static constexpr std::string_view kItem = "/api/v1/signals/{id}";
  static constexpr std::string_view kSingular = "Signal";
  static constexpr std::string_view kPlural = "Signals";
  static constexpr std::string_view kIdPrefix = "sig-";
  static constexpr auth::Resource kResource = auth::Resource::kOpportunity;
  // Writes to what belongs to a deal are edits of the deal.
  static constexpr bool kPartOfOpportunity = true;
  static constexpr KeyBinding kKeys[] = {{"id", "id"}};

  static core::Result<Record> Decode(ApiContext& ctx, const rapidjson::Value& obj,
                                     interop::DecodeMode mode, Record base) {
    return interop::DecodeSignal(obj, mode, ctx.methodology, std::move(base));
  }
  // Filters: opportunity_id, contact_id; only the signals of deals the caller may see.
  static core::Result<storage::Page<Record>> List(ApiContext& ctx, const Request& request,
                                                  const storage::PageRequest& page) {
    storage::SignalFilter filter;
    filter.opportunity_id = std::string(request.Query("opportunity_id"));
    filter.contact_id = std::string(request.Query("contact_id"));
    filter.viewer = request.caller.viewer();
    return ctx.store.ListSignals(filter, page);
  }
  static std::string Location(const Record& record) {
    return std::string(kCollection) + "/" + PercentEncodeSegment(record.id);
  }
};

}  // namespace

void AddSignalRoutes(Router& router, ApiContext& ctx) { AddCrudRoutes<SignalTraits>(router, ctx); }

}  // namespace buyalign::http
