#pragma once

#include <cstdint>

#include "http/api_context.hpp"
#include "http/request.hpp"

namespace buyalign::http {

// The store calls of a record addressed by one "{id}" path parameter, bound from the Store's
// member functions, so a resource's traits only name them:
//   IdRecordOps<domain::Account, &Store::GetAccount, &Store::CreateAccount,
//               &Store::UpdateAccount, &Store::DeleteAccount>
template <class Record, auto kGet, auto kCreate, auto kUpdate, auto kDelete>
struct IdRecordOps {
  static core::Result<Record> Get(storage::Store& store, const Request& request) {
    return (store.*kGet)(request.Param("id"));
  }
  static core::Result<Record> Create(storage::Store& store, const Record& record,
                                     const storage::Actor& actor) {
    return (store.*kCreate)(record, actor);
  }
  static core::Result<Record> Update(storage::Store& store, const Record& record, int64_t version,
                                     const storage::Actor& actor) {
    return (store.*kUpdate)(record, version, actor);
  }
  static core::Status Delete(storage::Store& store, const Request& request, int64_t version) {
    return (store.*kDelete)(request.Param("id"), version, request.caller.actor());
  }
};

}  // namespace buyalign::http
