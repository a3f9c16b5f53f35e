#include "storage/audit_json.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>

#include "core/time.hpp"

namespace buyalign::storage {

namespace {

// Columns whose integers mean something else; everything else is written as stored.
constexpr std::array<std::string_view, 2> kTimeColumns{"at", "created_at"};
constexpr std::array<std::string_view, 1> kDateColumns{"expected_close"};
constexpr std::array<std::string_view, 3> kBoolColumns{"retired", "engaged", "disabled"};
// Text columns holding a JSON array already (string_list_json.hpp).
constexpr std::array<std::string_view, 3> kJsonColumns{"stages", "personas", "segments"};

template <size_t N>
bool In(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void WriteColumn(Writer& writer, SqlStatement& st, int column, std::string_view name) {
  SqlValue value = st.Column(column);
  if (std::holds_alternative<std::monostate>(value)) {
    writer.Null();
  } else if (const auto* number = std::get_if<int64_t>(&value)) {
    if (In(kTimeColumns, name)) {
      WriteString(writer, core::FormatTimestamp(core::FromUnixSeconds(*number)));
    } else if (In(kDateColumns, name)) {
      WriteString(writer, core::FormatDate(core::FromUnixDays(*number)));
    } else if (In(kBoolColumns, name)) {
      writer.Bool(*number != 0);
    } else {
      writer.Int64(*number);
    }
  } else if (const auto* real = std::get_if<double>(&value)) {
    writer.Double(*real);
  } else {
    const std::string& text = std::get<std::string>(value);
    if (In(kJsonColumns, name) && text.starts_with('[')) {
      writer.RawValue(text.data(), text.size(), rapidjson::kArrayType);
    } else {
      WriteString(writer, text);
    }
  }
}

}  // namespace

std::string RowJson(
    SqlStatement& st,
    const std::vector<std::pair<std::string_view, std::vector<std::string>>>& lists) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writer.Key("version");
  writer.Int64(st.ColumnInt(1));
  for (int column = 2; column < st.ColumnCount(); ++column) {
    std::string_view name = st.ColumnName(column);
    WriteString(writer, name);
    WriteColumn(writer, st, column, name);
  }
  for (const auto& [name, items] : lists) {
    WriteString(writer, name);
    writer.StartArray();
    for (const std::string& item : items) WriteString(writer, item);
    writer.EndArray();
  }
  writer.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::string FieldsJson(
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  for (const auto& [name, value] : fields) {
    WriteString(writer, name);
    WriteString(writer, value);
  }
  writer.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace buyalign::storage
