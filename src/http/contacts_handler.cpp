#include "http/api_routes.hpp"
#include "http/crud_routes.hpp"
#include "http/id_record_ops.hpp"
#include "http/query.hpp"

namespace buyalign::http {
namespace {

struct ContactTraits
    : IdRecordOps<domain::Contact, &storage::Store::GetContact, &storage::Store::CreateContact,
                  &storage::Store::UpdateContact, &storage::Store::DeleteContact> {
  using Record = domain::Contact;
  static constexpr std::string_view kCollection = "/api/v1/contacts";
  static constexpr std::string_view kItem = "/api/v1/contacts/{id}";
  static constexpr std::string_view kSingular = "Contact";
  static constexpr std::string_view kPlural = "Contacts";
  static constexpr std::string_view kIdPrefix = "con-";
  static constexpr auth::Resource kResource = auth::Resource::kContact;
  static constexpr bool kPartOfOpportunity = false;
  static constexpr KeyBinding kKeys[] = {{"id", "id"}};

  static core::Result<Record> Decode(ApiContext&, const rapidjson::Value& obj,
                                     interop::DecodeMode mode, Record base) {
    return interop::DecodeContact(obj, mode, std::move(base));
  }
  // Filter: account_id.
  static core::Result<storage::Page<Record>> List(ApiContext& ctx, const Request& request,
                                                  const storage::PageRequest& page) {
    storage::ContactFilter filter;
    filter.account_id = std::string(request.Query("account_id"));
    return ctx.store.ListContacts(filter, page);
  }
  static std::string Location(const Record& record) {
    return std::string(kCollection) + "/" + PercentEncodeSegment(record.id);
  }
};

}  // namespace

void AddContactRoutes(Router& router, ApiContext& ctx) {
  AddCrudRoutes<ContactTraits>(router, ctx);
}

}  // namespace buyalign::http
