#include "crm/source_error.hpp"

namespace buyalign::crm {

core::Error ErrorAt(std::string_view file, int64_t line, size_t column,
                    std::string_view column_name, std::string_view message, core::ErrorCode code) {
  std::string text(file);
  if (line > 0) text += ": line " + std::to_string(line);
  if (column > 0) text += ", column " + std::to_string(column);
  if (!column_name.empty()) text += " (" + std::string(column_name) + ")";
  text += ": ";
  text += message;
  core::Error error{code, std::move(text), std::string(column_name)};
  error.line = line;
  return error;
}

std::string Quoted(std::string_view text) {
  constexpr size_t kMax = 60;
  if (text.size() <= kMax) return "\"" + std::string(text) + "\"";
  return "\"" + std::string(text.substr(0, kMax)) + "...\"";
}

}  // namespace buyalign::crm
