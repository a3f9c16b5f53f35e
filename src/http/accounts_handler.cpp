#include "http/api_routes.hpp"
#include "http/crud_routes.hpp"
#include "http/id_record_ops.hpp"
#include "http/query.hpp"

namespace buyalign::http {
namespace {

struct AccountTraits
    : IdRecordOps<domain::Account, &storage::Store::GetAccount, &storage::Store::CreateAccount,
                  &storage::Store::UpdateAccount, &storage::Store::DeleteAccount> {
  using Record = domain::Account;
  static constexpr std::string_view kCollection = "/api/v1/accounts";
  static constexpr std::string_view kItem = "/api/v1/accounts/{id}";
  static constexpr std::string_view kSingular = "Account";
  static constexpr std::string_view kPlural = "Accounts";
  static constexpr std::string_view kIdPrefix = "acc-";
  static constexpr auth::Resource kResource = auth::Resource::kAccount;
  static constexpr bool kPartOfOpportunity = false;
  static constexpr KeyBinding kKeys[] = {{"id", "id"}};

  static core::Result<Record> Decode(ApiContext&, const rapidjson::Value& obj,
                                     interop::DecodeMode mode, Record base) {
    return interop::DecodeAccount(obj, mode, std::move(base));
  }
  static core::Result<storage::Page<Record>> List(ApiContext& ctx, const Request&,
                                                  const storage::PageRequest& page) {
    return ctx.store.ListAccounts(page);
  }
  static std::string Location(const Record& record) {
    return std::string(kCollection) + "/" + PercentEncodeSegment(record.id);
  }
};

}  // namespace

void AddAccountRoutes(Router& router, ApiContext& ctx) {
  AddCrudRoutes<AccountTraits>(router, ctx);
}

}  // namespace buyalign::http
