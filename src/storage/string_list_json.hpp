#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace buyalign::storage {

// A list of strings as a JSON array text ("[\"a\",\"b\"]"), the column form of a content item's
// stages, personas and segments: one column instead of a join table per list, readable from SQL
// in SQLite and PostgreSQL alike.
std::string EncodeStringList(const std::vector<std::string>& items);
// Reads what EncodeStringList wrote; anything that is not an array of strings reads as empty
// (only the store writes these columns).
std::vector<std::string> DecodeStringList(std::string_view json);

}  // namespace buyalign::storage
