#include "storage/string_list_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace buyalign::storage {

std::string EncodeStringList(const std::vector<std::string>& items) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& item : items) {
    writer.String(item.data(), static_cast<rapidjson::SizeType>(item.size()));
  }
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

std::vector<std::string> DecodeStringList(std::string_view json) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  std::vector<std::string> items;
  if (document.HasParseError() || !document.IsArray()) return items;
  for (const auto& value : document.GetArray()) {
    if (value.IsString()) items.emplace_back(value.GetString(), value.GetStringLength());
  }
  return items;
}

}  // namespace buyalign::storage
