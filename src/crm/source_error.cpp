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

SourcePosition PositionOf(const core::Error& error, const std::vector<std::string>& files) {
  SourcePosition position;
  position.line = error.line;
  std::string_view message = error.message;
  for (const auto& file : files) {
    if (message.size() > file.size() + 1 && message.substr(0, file.size()) == file &&
        message.substr(file.size(), 2) == ": ") {
      position.file = file;
      message.remove_prefix(file.size() + 2);
      break;
    }
  }
  if (position.file.empty()) return position;  // not an error of one of the files
  constexpr std::string_view kColumn = ", column ";
  const size_t at = message.find(kColumn);
  if (at != std::string_view::npos && at < message.find(": ")) {
    for (size_t i = at + kColumn.size();
         i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i) {
      position.column = position.column * 10 + (message[i] - '0');
    }
  }
  return position;
}

std::string Quoted(std::string_view text) {
  constexpr size_t kMax = 60;
  if (text.size() <= kMax) return "\"" + std::string(text) + "\"";
  return "\"" + std::string(text.substr(0, kMax)) + "...\"";
}

}  // namespace buyalign::crm
