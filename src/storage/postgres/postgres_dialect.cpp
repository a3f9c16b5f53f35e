#include "storage/postgres/postgres_dialect.hpp"

#include <cctype>

namespace buyalign::storage::postgres {

namespace {

constexpr std::string_view kIdToken = "${ID}";
constexpr std::string_view kText = "TEXT";
constexpr std::string_view kCollatedText = "TEXT COLLATE \"C\"";

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool IsTableDdl(std::string_view sql) {
  return sql.starts_with("CREATE TABLE") || sql.starts_with("ALTER TABLE");
}

// Calls `plain(at)` for every character of `sql` outside '...' and "..." and copies the quoted
// parts through `quoted(c)`. A doubled quote inside a quoted part ('it''s') toggles twice, which
// leaves the state right.
template <class Plain, class Quoted>
void Walk(std::string_view sql, Plain plain, Quoted quoted) {
  char quote = 0;
  for (size_t at = 0; at < sql.size(); ++at) {
    char c = sql[at];
    if (quote != 0) {
      if (c == quote) quote = 0;
      quoted(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      quoted(c);
    } else {
      at = plain(at);
    }
  }
}

}  // namespace

int CountPlaceholders(std::string_view sql) {
  int count = 0;
  Walk(
      sql,
      [&](size_t at) {
        if (sql[at] == '?') ++count;
        return at;
      },
      [](char) {});
  return count;
}

std::string PostgresDialect::Rewrite(std::string_view sql) const {
  std::string out;
  out.reserve(sql.size() + 16);
  int placeholder = 0;
  bool ddl = IsTableDdl(sql);
  Walk(
      sql,
      [&](size_t at) {
        std::string_view rest = sql.substr(at);
        bool word_start = at == 0 || !IsWordChar(sql[at - 1]);
        if (sql[at] == '?') {
          out += '$';
          out += std::to_string(++placeholder);
        } else if (rest.starts_with(kIdToken)) {
          out += IdColumnType();
          return at + kIdToken.size() - 1;
        } else if (ddl && word_start && rest.starts_with(kText) &&
                   (rest.size() == kText.size() || !IsWordChar(rest[kText.size()]))) {
          out += kCollatedText;
          return at + kText.size() - 1;
        } else {
          out += sql[at];
        }
        return at;
      },
      [&](char c) { out += c; });
  return out;
}

}  // namespace buyalign::storage::postgres
