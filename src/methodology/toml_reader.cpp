#include "methodology/toml_reader.hpp"

#include <algorithm>

namespace buyalign::methodology {
namespace {

std::string Format(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

core::Error KeyError(std::string_view dotted_key, std::string_view problem,
                     const toml::node* node) {
  core::Error error = core::Error::Invalid(std::string(dotted_key) + ": " + std::string(problem),
                                           std::string(dotted_key));
  if (node != nullptr) error.line = node->source().begin.line;
  return error;
}

std::string TableReader::Key(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

core::Error TableReader::Error(std::string_view key, std::string_view problem,
                               const toml::node* node) const {
  return KeyError(Key(key), problem, node != nullptr ? node : Get(key));
}

core::Status TableReader::OnlyKeys(std::initializer_list<std::string_view> known) const {
  for (const auto& [key, node] : table_) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      return core::Fail(Error(key.str(), "unknown key", &node));
    }
  }
  return {};
}

core::Result<double> TableReader::Number(std::string_view key, std::optional<double> fallback,
                                         double min, double max, bool min_exclusive) const {
  const toml::node* node = Get(key);
  if (node == nullptr) {
    if (fallback) return *fallback;
    return core::Fail(Error(key, "missing"));
  }
  std::optional<double> value = node->value<double>();
  if (!node->is_number() || !value) return core::Fail(Error(key, "must be a number"));
  const bool below = min_exclusive ? *value <= min : *value < min;
  if (below || *value > max) {
    return core::Fail(Error(key, "must be " + std::string(min_exclusive ? "> " : ">= ") +
                                     Format(min) + " and <= " + Format(max) + ", not " +
                                     Format(*value)));
  }
  return *value;
}

core::Result<int64_t> TableReader::Integer(std::string_view key, std::optional<int64_t> fallback,
                                           int64_t min, int64_t max) const {
  const toml::node* node = Get(key);
  if (node == nullptr) {
    if (fallback) return *fallback;
    return core::Fail(Error(key, "missing"));
  }
  if (!node->is_integer()) return core::Fail(Error(key, "must be a whole number"));
  const int64_t value = *node->value<int64_t>();
  if (value < min || value > max) {
    return core::Fail(Error(key, "must be between " + std::to_string(min) + " and " +
                                     std::to_string(max) + ", not " + std::to_string(value)));
  }
  return value;
}

core::Result<std::string> TableReader::Text(std::string_view key,
                                            std::optional<std::string> fallback) const {
  const toml::node* node = Get(key);
  if (node == nullptr) {
    if (fallback) return *fallback;
    return core::Fail(Error(key, "missing"));
  }
  if (!node->is_string()) return core::Fail(Error(key, "must be a string"));
  return *node->value<std::string>();
}

core::Result<bool> TableReader::Bool(std::string_view key, bool fallback) const {
  const toml::node* node = Get(key);
  if (node == nullptr) return fallback;
  if (!node->is_boolean()) return core::Fail(Error(key, "must be true or false"));
  return *node->value<bool>();
}

core::Result<const toml::table*> TableReader::Table(std::string_view key) const {
  static const toml::table kEmpty;
  const toml::node* node = Get(key);
  if (node == nullptr) return &kEmpty;
  if (!node->is_table()) return core::Fail(Error(key, "must be a table"));
  return node->as_table();
}

}  // namespace buyalign::methodology
