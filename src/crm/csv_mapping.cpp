#include "crm/csv_mapping.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

namespace buyalign::crm {
namespace {

struct RecordFields {
  std::string_view record;
  std::vector<std::string_view> fields;
  std::vector<std::string_view> required;
};

const std::array<RecordFields, 5>& KnownRecords() {
  static const std::array<RecordFields, 5> records{{
      {"team", {"id", "name"}, {"id", "name"}},
      {"user", {"id", "name", "email", "role", "team"}, {"id", "name"}},
      {"account", {"id", "name", "industry", "employees", "country", "segment"}, {"id", "name"}},
      {"contact",
       {"id", "account_id", "name", "title", "email", "persona"},
       {"id", "account_id", "name"}},
      {"opportunity",
       {"id", "account_id", "name", "owner", "amount", "currency", "expected_close", "status",
        "created_at"},
       {"id", "account_id", "name", "status"}},
  }};
  return records;
}

const RecordFields* FindRecord(std::string_view record) {
  for (const auto& known : KnownRecords()) {
    if (known.record == record) return &known;
  }
  return nullptr;
}

std::optional<MissingPolicy> ParsePolicy(std::string_view text) {
  if (text == "leave") return MissingPolicy::kLeave;
  if (text == "error") return MissingPolicy::kError;
  if (text == "skip") return MissingPolicy::kSkip;
  if (text == "placeholder") return MissingPolicy::kPlaceholder;
  return std::nullopt;
}

using Fail = tl::unexpected<core::Error>;

class Parser {
 public:
  explicit Parser(std::string_view source_name) : source_name_(source_name) {}

  Fail Bad(const std::string& where, const std::string& what) const {
    return core::Fail(core::Error::Invalid(std::string(source_name_) + ": " + where + ": " + what));
  }

  core::Result<FieldSpec> Field(const std::string& where, std::string name,
                                const toml::node& node) const {
    FieldSpec spec;
    spec.field = std::move(name);
    if (auto column = node.value<std::string>()) {
      spec.column = *column;
      return spec;
    }
    const toml::table* table = node.as_table();
    if (table == nullptr) return Bad(where, "expected a column name or a table");
    spec.column = (*table)["column"].value_or(std::string());
    if (auto value = (*table)["value"].value<std::string>()) spec.value = *value;
    spec.template_text = (*table)["template"].value_or(std::string());
    int sources = !spec.column.empty() + spec.value.has_value() + !spec.template_text.empty();
    if (sources != 1) return Bad(where, "needs exactly one of column, value and template");
    if (auto value = (*table)["default"].value<std::string>()) spec.default_value = *value;
    for (auto [key, target] :
         {std::pair{"if_empty", &spec.if_empty}, std::pair{"if_missing", &spec.if_missing}}) {
      if (auto text = (*table)[key].value<std::string>()) {
        auto policy = ParsePolicy(*text);
        if (!policy)
          return Bad(where, std::string(key) + " must be leave, error, skip or placeholder");
        *target = *policy;
      }
    }
    if (const toml::table* map = (*table)["map"].as_table()) {
      for (const auto& [from, to] : *map) {
        auto text = to.value<std::string>();
        if (!text) return Bad(where, "map values must be texts");
        spec.map[std::string(from.str())] = *text;
      }
    }
    spec.strict_map = (*table)["strict_map"].value_or(false);
    spec.scale = (*table)["scale"].value_or(1.0);
    if (const toml::array* bands = (*table)["bands"].as_array()) {
      for (const auto& node_band : *bands) {
        const toml::table* band = node_band.as_table();
        if (band == nullptr) return Bad(where, "bands must be tables {below = N, value = \"x\"}");
        FieldSpec::Band b;
        b.below = (*band)["below"].value<double>();
        b.value = (*band)["value"].value_or(std::string());
        if (!spec.bands.empty() &&
            (!spec.bands.back().below || (b.below && *b.below <= *spec.bands.back().below))) {
          return Bad(where, "bands must rise, and only the last may omit \"below\"");
        }
        spec.bands.push_back(std::move(b));
      }
    }
    std::string derive = (*table)["derive"].value_or(std::string());
    if (!derive.empty() && derive != "slug") return Bad(where, "derive must be \"slug\"");
    spec.slug = derive == "slug";
    spec.prefix = (*table)["prefix"].value_or(std::string());
    spec.ref = (*table)["ref"].value_or(std::string());
    if (!spec.ref.empty()) {
      size_t dot = spec.ref.find('.');
      std::string_view attribute =
          dot == std::string::npos ? "" : std::string_view(spec.ref).substr(dot + 1);
      if (dot == std::string::npos || !FindRecord(spec.ref.substr(0, dot)) ||
          (attribute != "id" && attribute != "name")) {
        return Bad(where, "ref must be <record>.id or <record>.name, like \"account.name\"");
      }
    }
    return spec;
  }

  core::Result<SourceSpec> Source(size_t index, const toml::table& table) const {
    std::string where = "source " + std::to_string(index + 1);
    SourceSpec source;
    source.file = table["file"].value_or(std::string());
    source.record = table["record"].value_or(std::string());
    const RecordFields* record = FindRecord(source.record);
    if (record == nullptr) {
      return Bad(where, "record must be team, user, account, contact or opportunity");
    }
    if (const toml::table* normalise = table["normalise"].as_table()) {
      for (const auto& [column, map] : *normalise) {
        const toml::table* pairs = map.as_table();
        if (pairs == nullptr)
          return Bad(where, "normalise." + std::string(column.str()) + " must be a table");
        for (const auto& [from, to] : *pairs) {
          auto text = to.value<std::string>();
          if (!text) return Bad(where, "normalise values must be texts");
          source.normalise[std::string(column.str())][std::string(from.str())] = *text;
        }
      }
    }
    const toml::table* fields = table["fields"].as_table();
    if (fields == nullptr) return Bad(where, "missing [source.fields]");
    for (const auto& [name, node] : *fields) {
      std::string field(name.str());
      if (std::find(record->fields.begin(), record->fields.end(), field) == record->fields.end()) {
        return Bad(where, "a " + source.record + " has no field \"" + field + "\"");
      }
      auto spec = Field(where + ", field " + field, field, node);
      if (!spec) return core::Fail(spec.error());
      source.fields.push_back(std::move(*spec));
    }
    for (auto required : record->required) {
      bool present = std::any_of(source.fields.begin(), source.fields.end(),
                                 [&](const FieldSpec& f) { return f.field == required; });
      if (!present)
        return Bad(where,
                   "a " + source.record + " needs the field \"" + std::string(required) + "\"");
    }
    if (const toml::table* placeholder = table["placeholder"].as_table()) {
      source.placeholder_id = (*placeholder)["id"].value_or(std::string());
      source.placeholder_name = (*placeholder)["name"].value_or(std::string());
      if (source.placeholder_id.empty() || source.placeholder_name.empty()) {
        return Bad(where, "placeholder needs an id and a name");
      }
    }
    for (const auto& field : source.fields) {
      if ((field.if_missing == MissingPolicy::kPlaceholder ||
           field.if_empty == MissingPolicy::kPlaceholder) &&
          (field.ref.empty() || source.placeholder_id.empty())) {
        return Bad(where, "field " + field.field +
                              ": a placeholder policy needs a ref and a [source.placeholder]");
      }
    }
    return source;
  }

 private:
  std::string_view source_name_;
};

}  // namespace

core::Result<CsvMapping> CsvMapping::Parse(std::string_view toml, std::string_view source_name) {
  Parser parser(source_name);
  toml::table root;
  try {
    root = toml::parse(toml, source_name);
  } catch (const toml::parse_error& e) {
    return parser.Bad("line " + std::to_string(e.source().begin.line),
                      std::string(e.description()));
  }
  CsvMapping mapping;
  mapping.name = root["name"].value_or(std::string(source_name));
  std::string order = root["date_order"].value_or(std::string("auto"));
  if (order == "day_first") {
    mapping.date_order = DateOrder::kDayFirst;
  } else if (order == "month_first") {
    mapping.date_order = DateOrder::kMonthFirst;
  } else if (order != "auto") {
    return parser.Bad("date_order", "must be auto, day_first or month_first");
  }
  const toml::array* sources = root["source"].as_array();
  if (sources == nullptr || sources->empty()) return parser.Bad("mapping", "no [[source]] entries");
  for (size_t i = 0; i < sources->size(); ++i) {
    const toml::table* table = (*sources)[i].as_table();
    if (table == nullptr) return parser.Bad("source " + std::to_string(i + 1), "not a table");
    auto source = parser.Source(i, *table);
    if (!source) return core::Fail(source.error());
    mapping.sources.push_back(std::move(*source));
  }
  return mapping;
}

core::Result<CsvMapping> CsvMapping::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Fail(core::Error::NotFound(path.string() + ": cannot open the file"));
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path.filename().string());
}

}  // namespace buyalign::crm
