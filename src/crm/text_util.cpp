#include "crm/text_util.hpp"

#include <algorithm>

namespace buyalign::crm {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

bool ContainsIgnoreCase(std::string_view text, std::string_view part) {
  if (part.empty()) return true;
  auto it = std::search(text.begin(), text.end(), part.begin(), part.end(),
                        [](char x, char y) { return Lower(x) == Lower(y); });
  return it != text.end();
}

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string Slug(std::string_view text) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    bool keep =
        u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!keep) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += '-';
    gap = false;
    out += Lower(c);
  }
  return out;
}

}  // namespace buyalign::crm
