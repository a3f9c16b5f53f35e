#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "core/result.hpp"

namespace buyalign::methodology {

// Reads typed values out of one TOML table and turns every problem into an error that names the
// dotted key ("frictions.stalled.dwell_factor: must be > 0") and its line. A view: the table must
// outlive the reader. Not thread-safe to share, cheap to create.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string path) : table_(table), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  const toml::table& table() const { return table_; }
  // The dotted key of `key` in this table.
  std::string Key(std::string_view key) const;
  const toml::node* Get(std::string_view key) const { return table_.get(key); }

  // Fails naming the first key that is not in `known`.
  core::Status OnlyKeys(std::initializer_list<std::string_view> known) const;

  // A number in [min, max] (or (min, max] when `min_exclusive`); `fallback` when absent, or an
  // error "missing" when there is no fallback.
  core::Result<double> Number(std::string_view key, std::optional<double> fallback, double min,
                              double max, bool min_exclusive = false) const;
  core::Result<int64_t> Integer(std::string_view key, std::optional<int64_t> fallback, int64_t min,
                                int64_t max) const;
  core::Result<std::string> Text(std::string_view key, std::optional<std::string> fallback) const;
  core::Result<bool> Bool(std::string_view key, bool fallback) const;
  // A sub-table; an empty one when absent.
  core::Result<const toml::table*> Table(std::string_view key) const;

  // An error about `key` of this table, positioned at `node` when given.
  core::Error Error(std::string_view key, std::string_view problem,
                    const toml::node* node = nullptr) const;

 private:
  const toml::table& table_;
  std::string path_;
};

// An error about a whole dotted key, positioned at `node` when given.
core::Error KeyError(std::string_view dotted_key, std::string_view problem,
                     const toml::node* node = nullptr);

}  // namespace buyalign::methodology
