#pragma once

#include <string>
#include <vector>

#include "domain/records.hpp"
#include "http/request.hpp"
#include "interop/record_json.hpp"
#include "storage/page.hpp"

// Users as the API shows them. Unlike the interchange record, the API also says whether a user
// is disabled; nothing here ever writes a password or its hash.
namespace buyalign::http {

// {"id","name","email","role","team","disabled","version"}, and "manages" (team ids) when given.
void WriteUser(const domain::User& user, interop::JsonWriter& out,
               const std::vector<std::string>* manages = nullptr);

// One user as a response body, with its ETag.
Response UserResponse(int status, const domain::User& user,
                      const std::vector<std::string>* manages = nullptr);

// {"items":[user...],"next_cursor":...}.
Response UserPageResponse(const storage::Page<domain::User>& page);

// {"user":{...},"csrf_token":...}: who is signed in. `csrf_token` is null for an API token.
std::string SessionJson(const domain::User& user, const std::string& csrf_token);

}  // namespace buyalign::http
