#pragma once

#include <cstddef>

#include <toml++/toml.h>

#include "actions/playbook.hpp"
#include "core/result.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::actions {

// Reads and validates one [[rules]] entry (the `index`-th); errors are keyed "rules.<id>.<key>"
// ("rules[3].id" while the id itself is unknown). Used by ParsePlaybook.
core::Result<PlaybookRule> ReadRule(const toml::table& table, size_t index,
                                    const methodology::Methodology& m);

}  // namespace buyalign::actions
