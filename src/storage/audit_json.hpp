#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/sql_connection.hpp"

// The JSON the audit log keeps of a record: built from a row of the record's mapping SelectSql,
// whose columns are named after the record's fields, so no per-type code can drift from the
// schema. References appear as external ids, times as ISO 8601, booleans as true/false.
namespace buyalign::storage {

// The current row of `st` as a JSON object: column 1 as "version", columns 2.. by name (column 0,
// the internal id, is left out). `lists` adds array fields read separately (an activity's
// contact_ids).
std::string RowJson(
    SqlStatement& st,
    const std::vector<std::pair<std::string_view, std::vector<std::string>>>& lists = {});

// A flat JSON object of text fields, for changes that are not rows ({"team": "benelux"}).
std::string FieldsJson(std::initializer_list<std::pair<std::string_view, std::string_view>> fields);

}  // namespace buyalign::storage
