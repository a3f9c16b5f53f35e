#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/enums.hpp"
#include "methodology/methodology.hpp"
#include "methodology/toml_reader.hpp"

// Typed lists and ids out of a playbook table, each problem an error naming the dotted key.
// Absent keys give an empty list. Pure functions over a borrowed table.
namespace buyalign::actions::config {

core::Result<std::vector<std::string>> Strings(const methodology::TableReader& reader,
                                               std::string_view key);
// A stage id of the methodology, as its index.
core::Result<int> Stage(const methodology::TableReader& reader, std::string_view key,
                        const methodology::Methodology& m);
core::Result<std::vector<int>> Stages(const methodology::TableReader& reader, std::string_view key,
                                      const methodology::Methodology& m);
core::Result<std::vector<domain::DmuRole>> Roles(const methodology::TableReader& reader,
                                                 std::string_view key);
core::Result<std::vector<domain::Stance>> Stances(const methodology::TableReader& reader,
                                                  std::string_view key);
// Every entry must be a signal kind / activity kind of the methodology.
core::Status CheckSignals(const methodology::TableReader& reader, std::string_view key,
                          const std::vector<std::string>& ids, const methodology::Methodology& m);
core::Status CheckActivities(const methodology::TableReader& reader, std::string_view key,
                             const std::vector<std::string>& ids,
                             const methodology::Methodology& m);

}  // namespace buyalign::actions::config
