#include "http/api_routes.hpp"
#include "http/crud_routes.hpp"
#include "http/id_record_ops.hpp"
#include "http/query.hpp"

namespace buyalign::http {
namespace {

struct ContentTraits
    : IdRecordOps<domain::ContentItem, &storage::Store::GetContent, &storage::Store::CreateContent,
                  &storage::Store::UpdateContent, &storage::Store::DeleteContent> {
  using Record = domain::ContentItem;
  static constexpr std::string_view kCollection = "/api/v1/content";
  static constexpr std::string_view kItem = "/api/v1/content/{id}";
  static constexpr std::string_view kSingular = "Content";
  static constexpr std::string_view kPlural = "Content";
  static constexpr std::string_view kIdPrefix = "cnt-";
  static constexpr auth::Resource kResource = auth::Resource::kContent;
  static constexpr bool kPartOfOpportunity = false;
  static constexpr KeyBinding kKeys[] = {{"id", "id"}};

  static core::Result<Record> Decode(ApiContext& ctx, const rapidjson::Value& obj,
                                     interop::DecodeMode mode, Record base) {
    return interop::DecodeContent(obj, mode, ctx.methodology, std::move(base));
  }
  static core::Result<storage::Page<Record>> List(ApiContext& ctx, const Request&,
                                                  const storage::PageRequest& page) {
    return ctx.store.ListContent(page);
  }
  static std::string Location(const Record& record) {
    return std::string(kCollection) + "/" + PercentEncodeSegment(record.id);
  }
};

}  // namespace

void AddContentRoutes(Router& router, ApiContext& ctx) {
  AddCrudRoutes<ContentTraits>(router, ctx);
}

}  // namespace buyalign::http
