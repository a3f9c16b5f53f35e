#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace buyalign::actions {

// Values for the {placeholders} of playbook texts, e.g. {"name", "Marie"}.
using TemplateValues = std::vector<std::pair<std::string_view, std::string>>;

// `text` with every "{key}" of `values` replaced; unknown placeholders stay as written, so a typo
// shows up in the output instead of vanishing. Pure.
std::string FillTemplate(std::string_view text, const TemplateValues& values);

}  // namespace buyalign::actions
