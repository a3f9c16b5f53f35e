#include "actions/text_template.hpp"

namespace buyalign::actions {

std::string FillTemplate(std::string_view text, const TemplateValues& values) {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    const std::string_view key = text.substr(open + 1, close - open - 1);
    bool replaced = false;
    for (const auto& [name, value] : values) {
      if (name == key) {
        out += value;
        replaced = true;
        break;
      }
    }
    if (!replaced) out.append(text.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace buyalign::actions
