#include "crm/import_report.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <sstream>

namespace buyalign::crm {
namespace {

constexpr size_t kExampleLines = 5;

std::string Lines(const std::vector<int64_t>& lines, int64_t count) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? ", " : "") + std::to_string(lines[i]);
  if (count > static_cast<int64_t>(lines.size())) out += ", ...";
  return out;
}

}  // namespace

std::string_view ValueEventName(ValueEvent event) {
  switch (event) {
    case ValueEvent::kUnmapped:
      return "unmapped";
    case ValueEvent::kNormalised:
      return "normalised";
    case ValueEvent::kDefaulted:
      return "defaulted";
  }
  return "unmapped";
}

void ImportReport::Skip(std::string_view file, int64_t line, std::string_view reason) {
  auto& rows = skipped_[{std::string(file), std::string(reason)}];
  ++rows.count;
  if (rows.example_lines.size() < kExampleLines) rows.example_lines.push_back(line);
}

void ImportReport::Value(ValueEvent event, std::string_view file, std::string_view field,
                         std::string_view value, std::string_view outcome) {
  ++values_[{event, std::string(file), std::string(field), std::string(value),
             std::string(outcome)}];
}

int64_t ImportReport::SkippedTotal() const {
  int64_t total = 0;
  for (const auto& [key, rows] : skipped_) total += rows.count;
  return total;
}

int64_t ImportReport::ValueTotal(ValueEvent event, std::string_view field) const {
  int64_t total = 0;
  for (const auto& [key, count] : values_) {
    if (std::get<0>(key) == event && std::get<2>(key) == field) total += count;
  }
  return total;
}

storage::ImportCount ImportReport::StoredCount(std::string_view type) const {
  for (const auto& [name, count] : stored_.counts) {
    if (name == type) return count;
  }
  return {};
}

std::string ImportReport::ToTable() const {
  std::ostringstream out;
  out << "records      created  updated  unchanged\n";
  for (const auto& [type, count] : stored_.counts) {
    char line[96];
    std::snprintf(line, sizeof line, "%-13s%7lld  %7lld  %9lld\n", type.c_str(),
                  static_cast<long long>(count.created), static_cast<long long>(count.updated),
                  static_cast<long long>(count.unchanged));
    out << line;
  }
  if (!rows_.empty()) {
    out << "\nrows read\n";
    for (const auto& [file, rows] : rows_) out << "  " << file << ": " << rows << "\n";
  }
  if (!skipped_.empty()) {
    out << "\nskipped rows (" << SkippedTotal() << ")\n";
    for (const auto& [key, rows] : skipped_) {
      out << "  " << std::get<0>(key) << ": " << rows.count << " x " << std::get<1>(key)
          << " (lines " << Lines(rows.example_lines, rows.count) << ")\n";
    }
  }
  if (!values_.empty()) {
    out << "\nvalues\n";
    for (const auto& [key, count] : values_) {
      const auto& [event, file, field, value, outcome] = key;
      out << "  " << ValueEventName(event) << " " << file << " " << field << " \"" << value
          << "\" -> " << outcome << ": " << count << "\n";
    }
  }
  if (!notes_.empty()) {
    out << "\nnotes\n";
    for (const auto& note : notes_) out << "  " << note << "\n";
  }
  return out.str();
}

std::string ImportReport::ToJson() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
  json.StartObject();
  json.Key("stored");
  json.StartObject();
  for (const auto& [type, count] : stored_.counts) {
    json.Key(type.c_str());
    json.StartObject();
    json.Key("created");
    json.Int64(count.created);
    json.Key("updated");
    json.Int64(count.updated);
    json.Key("unchanged");
    json.Int64(count.unchanged);
    json.EndObject();
  }
  json.EndObject();
  json.Key("rows");
  json.StartObject();
  for (const auto& [file, rows] : rows_) {
    json.Key(file.c_str());
    json.Int64(rows);
  }
  json.EndObject();
  json.Key("skipped");
  json.StartArray();
  for (const auto& [key, rows] : skipped_) {
    json.StartObject();
    json.Key("file");
    json.String(std::get<0>(key).c_str());
    json.Key("reason");
    json.String(std::get<1>(key).c_str());
    json.Key("count");
    json.Int64(rows.count);
    json.Key("lines");
    json.StartArray();
    for (int64_t line : rows.example_lines) json.Int64(line);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.Key("values");
  json.StartArray();
  for (const auto& [key, count] : values_) {
    const auto& [event, file, field, value, outcome] = key;
    json.StartObject();
    json.Key("event");
    json.String(std::string(ValueEventName(event)).c_str());
    json.Key("file");
    json.String(file.c_str());
    json.Key("field");
    json.String(field.c_str());
    json.Key("value");
    json.String(value.c_str());
    json.Key("outcome");
    json.String(outcome.c_str());
    json.Key("count");
    json.Int64(count);
    json.EndObject();
  }
  json.EndArray();
  json.Key("notes");
  json.StartArray();
  for (const auto& note : notes_) json.String(note.c_str());
  json.EndArray();
  json.EndObject();
  return buffer.GetString();
}

}  // namespace buyalign::crm
