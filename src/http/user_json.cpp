#include "http/user_json.hpp"

#include "core/enum_names.hpp"
#include "http/api_json.hpp"
#include "http/json_out.hpp"

namespace buyalign::http {
void WriteUser(const domain::User& user, interop::JsonWriter& out,
               const std::vector<std::string>* manages) {
  out.StartObject();
  WriteField(out, "id", user.id);
  WriteField(out, "name", user.name);
  WriteField(out, "email", user.email);
  WriteField(out, "role", core::EnumName(domain::kUserRoleNames, user.role));
  WriteField(out, "team", user.team);
  out.Key("disabled");
  out.Bool(user.disabled);
  out.Key("version");
  out.Int64(user.version);
  if (manages != nullptr) {
    out.Key("manages");
    out.StartArray();
    for (const std::string& team : *manages) WriteString(out, team);
    out.EndArray();
  }
  out.EndObject();
}

Response UserResponse(int status, const domain::User& user,
                      const std::vector<std::string>* manages) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  WriteUser(user, out, manages);
  Response response = JsonResponse(status, Written(buffer));
  response.headers.emplace_back("ETag", ETag(user.version));
  return response;
}

Response UserPageResponse(const storage::Page<domain::User>& page) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  out.Key("items");
  out.StartArray();
  for (const domain::User& user : page.items) WriteUser(user, out);
  out.EndArray();
  WriteNextCursor(out, page.next_cursor);
  out.EndObject();
  return JsonResponse(200, Written(buffer));
}

std::string SessionJson(const domain::User& user, const std::string& csrf_token) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  out.Key("user");
  WriteUser(user, out);
  out.Key("csrf_token");
  if (csrf_token.empty()) {
    out.Null();
  } else {
    WriteString(out, csrf_token);
  }
  out.EndObject();
  return Written(buffer);
}

}  // namespace buyalign::http
