#include "actions/config_lists.hpp"

#include "actions/result_macros.hpp"
#include "core/enum_names.hpp"

namespace buyalign::actions::config {
namespace {

// Parses every entry of a string list into an enum, naming the accepted values on failure.
template <class E, size_t N>
core::Result<std::vector<E>> Enums(const methodology::TableReader& reader, std::string_view key,
                                   const std::array<std::string_view, N>& names,
                                   std::string_view what) {
  std::vector<std::string> texts;
  ACTIONS_ASSIGN(texts, Strings(reader, key));
  std::vector<E> out;
  for (const std::string& text : texts) {
    std::optional<E> value = core::ParseEnum<E>(names, text);
    if (!value) {
      return core::Fail(reader.Error(key, "unknown " + std::string(what) + " \"" + text +
                                              "\"; use " + core::JoinNames(names)));
    }
    out.push_back(*value);
  }
  return out;
}

}  // namespace

core::Result<std::vector<std::string>> Strings(const methodology::TableReader& reader,
                                               std::string_view key) {
  std::vector<std::string> out;
  const toml::node* node = reader.Get(key);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr) return core::Fail(reader.Error(key, "must be a list of strings"));
  for (const toml::node& item : *array) {
    std::optional<std::string> text = item.value<std::string>();
    if (!item.is_string() || !text) {
      return core::Fail(reader.Error(key, "every entry must be a string", &item));
    }
    out.push_back(std::move(*text));
  }
  return out;
}

core::Result<int> Stage(const methodology::TableReader& reader, std::string_view key,
                        const methodology::Methodology& m) {
  std::string id;
  ACTIONS_ASSIGN(id, reader.Text(key, std::nullopt));
  std::optional<int> index = m.StageIndex(id);
  if (!index) return core::Fail(reader.Error(key, "unknown stage \"" + id + "\""));
  return *index;
}

core::Result<std::vector<int>> Stages(const methodology::TableReader& reader, std::string_view key,
                                      const methodology::Methodology& m) {
  std::vector<std::string> ids;
  ACTIONS_ASSIGN(ids, Strings(reader, key));
  std::vector<int> out;
  for (const std::string& id : ids) {
    std::optional<int> index = m.StageIndex(id);
    if (!index) return core::Fail(reader.Error(key, "unknown stage \"" + id + "\""));
    out.push_back(*index);
  }
  return out;
}

core::Result<std::vector<domain::DmuRole>> Roles(const methodology::TableReader& reader,
                                                 std::string_view key) {
  return Enums<domain::DmuRole>(reader, key, domain::kDmuRoleNames, "role");
}

core::Result<std::vector<domain::Stance>> Stances(const methodology::TableReader& reader,
                                                  std::string_view key) {
  return Enums<domain::Stance>(reader, key, domain::kStanceNames, "stance");
}

core::Status CheckSignals(const methodology::TableReader& reader, std::string_view key,
                          const std::vector<std::string>& ids, const methodology::Methodology& m) {
  for (const std::string& id : ids) {
    if (!m.IsSignalKind(id)) {
      return core::Fail(reader.Error(key, "unknown signal kind \"" + id + "\""));
    }
  }
  return {};
}

core::Status CheckActivities(const methodology::TableReader& reader, std::string_view key,
                             const std::vector<std::string>& ids,
                             const methodology::Methodology& m) {
  for (const std::string& id : ids) {
    if (!m.IsActivityKind(id)) {
      return core::Fail(reader.Error(key, "unknown activity \"" + id + "\""));
    }
  }
  return {};
}

}  // namespace buyalign::actions::config
