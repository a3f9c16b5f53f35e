#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crm/flexible_date.hpp"

namespace buyalign::crm {

// What to do when a cell a field reads is empty, or a reference finds nothing.
enum class MissingPolicy {
  kLeave,        // leave the field empty (the default for optional fields)
  kError,        // fail the import naming the cell (the default for required fields and refs)
  kSkip,         // skip the row, reported with the reason
  kPlaceholder,  // refer to the source's placeholder record instead (references only)
};

// How one field of a record gets its value from a row. Exactly one of `column`, `value` and
// `template_text` is set. The steps, in order: read the column (after the source's
// normalisation) or fill the template; if empty use `default_value`, else apply `if_empty`; look
// the text up in `map` (unmapped texts are kept and reported, or fail when `strict_map`); scale
// a number and pick its band; derive a slug; add the prefix; resolve `ref`.
struct FieldSpec {
  struct Band {
    std::optional<double> below;  // the last band has none
    std::string value;
  };

  std::string field;
  std::string column;
  std::optional<std::string> value;
  std::string template_text;  // "{product} deal {opportunity_id}"
  std::optional<std::string> default_value;
  MissingPolicy if_empty = MissingPolicy::kLeave;
  std::map<std::string, std::string> map;
  bool strict_map = false;
  double scale = 1;
  std::vector<Band> bands;
  bool slug = false;
  std::string prefix;
  // "account.name", "account.id", "user.name", "user.id", "team.name", "contact.id", ...:
  // the text is the referenced record's name (or id) among the records of this import.
  std::string ref;
  MissingPolicy if_missing = MissingPolicy::kError;
};

// One input file and the record type its rows become.
struct SourceSpec {
  std::string file;    // relative to the input directory; empty: the input file itself
  std::string record;  // team, user, account, contact or opportunity
  std::map<std::string, std::map<std::string, std::string>> normalise;  // column -> from -> to
  std::vector<FieldSpec> fields;
  // The record referred to instead of a missing one (MissingPolicy::kPlaceholder).
  std::string placeholder_id;
  std::string placeholder_name;
};

// A column mapping file (TOML): how to read any CSV of teams, users, accounts, contacts or
// opportunities. configs/maven-crm.mapping.toml is a complete, commented example. Sources are
// read in file order, so a source may refer by name to the records of the sources above it.
// Immutable once loaded; safe to share.
struct CsvMapping {
  std::string name;
  DateOrder date_order = DateOrder::kAuto;
  std::vector<SourceSpec> sources;

  // Fails with kInvalidArgument naming the mapping file and the entry: an unknown record type
  // or field, a field without a source, a bad policy, bands out of order, a ref to an unknown
  // record type.
  static core::Result<CsvMapping> Parse(std::string_view toml, std::string_view source_name);
  static core::Result<CsvMapping> Load(const std::filesystem::path& path);
};

}  // namespace buyalign::crm
