#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "http/api_context.hpp"
#include "http/api_json.hpp"
#include "http/error_response.hpp"
#include "http/router.hpp"
#include "http/row_access.hpp"

// The create/read/update/delete handlers every resource shares, written once. A resource file
// supplies a Traits type:
//
//   using Record = domain::Account;
//   static constexpr std::string_view kCollection = "/api/v1/accounts";  // list + create
//   static constexpr std::string_view kItem = "/api/v1/accounts/{id}";   // get/put/patch/delete
//   static constexpr std::string_view kSingular = "Account", kPlural = "Accounts";  // op ids
//   static constexpr std::string_view kIdPrefix = "acc-";  // "" when create takes no generated id
//   static constexpr KeyBinding kKeys[] = {{"id", "id"}};  // JSON field <- path parameter
//   static constexpr auth::Resource kResource = auth::Resource::kAccount;  // the policy's row
//   static constexpr bool kPartOfOpportunity = false;  // true: every write is kUpdate of the deal
//   static Result<Record> Decode(ApiContext&, const rapidjson::Value&, DecodeMode, Record base);
//   static Result<Page<Record>> List(ApiContext&, const Request&, const PageRequest&);
//   // The next four come from IdRecordOps for records with one id (id_record_ops.hpp).
//   static Result<Record> Get(Store&, const Request&);
//   static Result<Record> Create(Store&, const Record&, const Actor&);
//   static Result<Record> Update(Store&, const Record&, int64_t expected_version, const Actor&);
//   static Status Delete(Store&, const Request&, int64_t expected_version);  // request.caller
//
// Opportunities and what belongs to one (DMU members, signals, activities) also follow the
// row-level rules (row_access.hpp): a record of a deal the caller may not see is not found, a
// write may not file a record under such a deal, and a deal's owner must be within reach.
//   static std::string Location(const Record&);
namespace buyalign::http {

// Ties a key field of the JSON body to the path parameter that names it in the URL.
struct KeyBinding {
  const char* field;
  std::string_view param;
};

namespace crud {

template <class Record>
inline constexpr bool kRowLevel =
    std::is_same_v<Record, domain::Opportunity> || std::is_same_v<Record, domain::DmuMember> ||
    std::is_same_v<Record, domain::Signal> || std::is_same_v<Record, domain::Activity>;

template <class Record>
const std::string& OpportunityOf(const Record& record) {
  if constexpr (std::is_same_v<Record, domain::Opportunity>) {
    return record.id;
  } else {
    return record.opportunity_id;
  }
}

// A record of a deal the caller may not see answers as one that does not exist.
template <class Record>
core::Status GuardRead(ApiContext& ctx, const Caller& caller, const Record& record) {
  if constexpr (kRowLevel<Record>) {
    auto visible = RequireVisible(ctx, caller, OpportunityOf(record));
    if constexpr (!std::is_same_v<Record, domain::Opportunity>) {
      if (!visible && visible.error().code == core::ErrorCode::kNotFound) {
        return core::Fail(core::Error::NotFound("no such record"));
      }
    }
    return visible;
  }
  return {};
}

// A write of `after` over `before` (nullptr for a new record, or when the caller sees everything
// and so nothing needs checking): the old record must be visible, a record moved or filed under
// a deal needs that deal to be visible, and a deal's new owner must be within reach.
template <class Record>
core::Status GuardWrite(ApiContext& ctx, const Caller& caller, const Record* before,
                        const Record& after) {
  if constexpr (kRowLevel<Record>) {
    if (before != nullptr) {
      if (auto visible = GuardRead(ctx, caller, *before); !visible) return visible;
    }
    if constexpr (std::is_same_v<Record, domain::Opportunity>) {
      if (before == nullptr || before->owner != after.owner) {
        return RequireOwnerInReach(ctx, caller, after.owner);
      }
    } else if (before == nullptr || OpportunityOf(*before) != OpportunityOf(after)) {
      return RequireTarget(ctx, caller, OpportunityOf(after));
    }
  }
  return {};
}

// The stored record a restricted caller's write replaces, to check it is theirs to change;
// nullopt when nothing needs checking (a caller who sees everything, or a record without rows).
template <class Traits>
core::Result<std::optional<typename Traits::Record>> Before(ApiContext& ctx, const Request& request,
                                                            std::string_view op) {
  using Record = typename Traits::Record;
  if (!kRowLevel<Record> || !request.caller.viewer().restricts()) {
    return std::optional<Record>();
  }
  auto current = ctx.Db(op, [&] { return Traits::Get(ctx.store, request); });
  if (!current) return core::Fail(current.error());
  return std::optional<Record>(std::move(*current));
}

// A new deal without an owner belongs to whoever creates it, unless they see everything.
template <class Record>
void DefaultOwner(const Caller& caller, Record& record) {
  if constexpr (std::is_same_v<Record, domain::Opportunity>) {
    if (record.owner.empty() && caller.scope != auth::Scope::kAll) record.owner = caller.user_id;
  }
}

// Keeps the readiness cache honest after a successful write. A new record touches only its own
// opportunity; an update or delete may move a record between opportunities, and contacts and
// content are shared by many, so those drop everything.
template <class Record>
void InvalidateAfterCreate(const ApiContext& ctx, const Record&) {
  ctx.InvalidateAll();
}
inline void InvalidateAfterCreate(const ApiContext& ctx, const domain::Opportunity& r) {
  ctx.Invalidate(r.id);
}
inline void InvalidateAfterCreate(const ApiContext& ctx, const domain::DmuMember& r) {
  ctx.Invalidate(r.opportunity_id);
}
inline void InvalidateAfterCreate(const ApiContext& ctx, const domain::Signal& r) {
  ctx.Invalidate(r.opportunity_id);
}
inline void InvalidateAfterCreate(const ApiContext& ctx, const domain::Activity& r) {
  ctx.Invalidate(r.opportunity_id);
}

// Makes the body's key fields agree with the URL; on create, a key the URL does not give gets a
// generated id (when the resource has an id prefix) unless the body brings its own.
template <class Traits>
core::Status BindKeys(rapidjson::Document& doc, const Request& request, bool create) {
  for (const KeyBinding& key : Traits::kKeys) {
    const std::string_view value = request.Param(key.param);
    if (!value.empty()) {
      if (auto bound = BindKey(doc, key.field, value); !bound) return bound;
    } else if (create && !Traits::kIdPrefix.empty() && !doc.HasMember(key.field)) {
      if (auto bound = BindKey(doc, key.field, GenerateId(Traits::kIdPrefix)); !bound) {
        return bound;
      }
    }
  }
  return {};
}

// A write's body: one JSON object whose key fields agree with the URL.
template <class Traits>
core::Result<rapidjson::Document> KeyedBody(const Request& request, bool create) {
  auto doc = ParseJsonObject(request.body);
  if (!doc) return doc;
  if (auto bound = BindKeys<Traits>(*doc, request, create); !bound) {
    return core::Fail(bound.error());
  }
  return doc;
}

// Stores a changed record over `version` and answers with the stored record.
template <class Traits>
Response StoreUpdate(ApiContext& ctx, const Request& request, std::string_view op,
                     const typename Traits::Record& record, int64_t version) {
  auto stored = ctx.Db(
      op, [&] { return Traits::Update(ctx.store, record, version, request.caller.actor()); });
  if (!stored) return ErrorResponse(stored.error());
  ctx.InvalidateAll();
  return RecordResponse(200, *stored);
}

template <class Traits>
Response List(ApiContext& ctx, const Request& request, std::string_view op) {
  auto page = PageFromQuery(request);
  if (!page) return ErrorResponse(page.error());
  auto result = ctx.Db(op, [&] { return Traits::List(ctx, request, *page); });
  if (!result) return ErrorResponse(result.error());
  return PageResponse(*result);
}

template <class Traits>
Response Create(ApiContext& ctx, const Request& request, std::string_view op) {
  auto doc = KeyedBody<Traits>(request, true);
  if (!doc) return ErrorResponse(doc.error());
  auto record = Traits::Decode(ctx, *doc, interop::DecodeMode::kFull, {});
  if (!record) return ErrorResponse(record.error());
  DefaultOwner(request.caller, *record);
  if (auto allowed = GuardWrite<typename Traits::Record>(ctx, request.caller, nullptr, *record);
      !allowed) {
    return ErrorResponse(allowed.error());
  }
  auto stored =
      ctx.Db(op, [&] { return Traits::Create(ctx.store, *record, request.caller.actor()); });
  if (!stored) return ErrorResponse(stored.error());
  InvalidateAfterCreate(ctx, *stored);
  Response response = RecordResponse(201, *stored);
  response.headers.emplace_back("Location", Traits::Location(*stored));
  return response;
}

template <class Traits>
Response Get(ApiContext& ctx, const Request& request, std::string_view op) {
  auto record = ctx.Db(op, [&] { return Traits::Get(ctx.store, request); });
  if (!record) return ErrorResponse(record.error());
  if (auto visible = GuardRead(ctx, request.caller, *record); !visible) {
    return ErrorResponse(visible.error());
  }
  return RecordResponse(200, *record);
}

template <class Traits>
Response Replace(ApiContext& ctx, const Request& request, std::string_view get_op,
                 std::string_view op) {
  auto version = RequiredVersion(request);
  if (!version) return ErrorResponse(version.error());
  auto doc = KeyedBody<Traits>(request, false);
  if (!doc) return ErrorResponse(doc.error());
  auto record = Traits::Decode(ctx, *doc, interop::DecodeMode::kFull, {});
  if (!record) return ErrorResponse(record.error());
  auto before = Before<Traits>(ctx, request, get_op);
  if (!before) return ErrorResponse(before.error());
  if (before->has_value()) {
    if (auto allowed = GuardWrite(ctx, request.caller, &**before, *record); !allowed) {
      return ErrorResponse(allowed.error());
    }
  }
  return StoreUpdate<Traits>(ctx, request, op, *record, *version);
}

// PATCH applies the body's fields onto the stored record. The version is checked before the
// merge, so a stale client learns the current version without its patch being interpreted.
template <class Traits>
Response Patch(ApiContext& ctx, const Request& request, std::string_view get_op,
               std::string_view op) {
  auto version = RequiredVersion(request);
  if (!version) return ErrorResponse(version.error());
  auto doc = KeyedBody<Traits>(request, false);
  if (!doc) return ErrorResponse(doc.error());
  auto current = ctx.Db(get_op, [&] { return Traits::Get(ctx.store, request); });
  if (!current) return ErrorResponse(current.error());
  if (auto visible = GuardRead(ctx, request.caller, *current); !visible) {
    return ErrorResponse(visible.error());
  }
  if (current->version != *version) {
    core::Error stale =
        MakeError(core::ErrorCode::kConflict, "the record changed since you read it");
    stale.current_version = current->version;
    return ErrorResponse(stale);
  }
  std::optional<typename Traits::Record> before;
  if (request.caller.viewer().restricts()) before = *current;
  auto record = Traits::Decode(ctx, *doc, interop::DecodeMode::kPatch, std::move(*current));
  if (!record) return ErrorResponse(record.error());
  if (before) {
    if (auto allowed = GuardWrite(ctx, request.caller, &*before, *record); !allowed) {
      return ErrorResponse(allowed.error());
    }
  }
  return StoreUpdate<Traits>(ctx, request, op, *record, *version);
}

template <class Traits>
Response Delete(ApiContext& ctx, const Request& request, std::string_view get_op,
                std::string_view op) {
  auto version = RequiredVersion(request);
  if (!version) return ErrorResponse(version.error());
  auto before = Before<Traits>(ctx, request, get_op);
  if (!before) return ErrorResponse(before.error());
  if (before->has_value()) {
    if (auto visible = GuardRead(ctx, request.caller, **before); !visible) {
      return ErrorResponse(visible.error());
    }
  }
  auto deleted = ctx.Db(op, [&] { return Traits::Delete(ctx.store, request, *version); });
  if (!deleted) return ErrorResponse(deleted.error());
  ctx.InvalidateAll();
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

}  // namespace crud

// Registers the six routes of a resource: list and create on the collection, get, put, patch
// and delete on an item. `ctx` must outlive the router.
template <class Traits>
void AddCrudRoutes(Router& router, ApiContext& ctx) {
  const std::string singular(Traits::kSingular);
  const std::string collection(Traits::kCollection);
  const std::string item(Traits::kItem);
  const std::string list_op = "list" + std::string(Traits::kPlural);
  const std::string create_op = "create" + singular;
  const std::string get_op = "get" + singular;
  const std::string replace_op = "replace" + singular;
  const std::string update_op = "update" + singular;
  const std::string delete_op = "delete" + singular;
  const auto access = [](auth::Action action) {
    if (Traits::kPartOfOpportunity && action != auth::Action::kRead) action = auth::Action::kUpdate;
    return Access::To(Traits::kResource, action);
  };
  router.Add("GET", collection, list_op, access(auth::Action::kRead),
             [&ctx, list_op](Request& r) { return crud::List<Traits>(ctx, r, list_op); });
  router.Add("POST", collection, create_op, access(auth::Action::kCreate),
             [&ctx, create_op](Request& r) { return crud::Create<Traits>(ctx, r, create_op); });
  router.Add("GET", item, get_op, access(auth::Action::kRead),
             [&ctx, get_op](Request& r) { return crud::Get<Traits>(ctx, r, get_op); });
  router.Add("PUT", item, replace_op, access(auth::Action::kUpdate),
             [&ctx, get_op, replace_op](Request& r) {
               return crud::Replace<Traits>(ctx, r, get_op, replace_op);
             });
  router.Add("PATCH", item, update_op, access(auth::Action::kUpdate),
             [&ctx, get_op, update_op](Request& r) {
               return crud::Patch<Traits>(ctx, r, get_op, update_op);
             });
  router.Add("DELETE", item, delete_op, access(auth::Action::kDelete),
             [&ctx, get_op, delete_op](Request& r) {
               return crud::Delete<Traits>(ctx, r, get_op, delete_op);
             });
}

}  // namespace buyalign::http
