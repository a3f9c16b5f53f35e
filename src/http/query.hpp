#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/request.hpp"

// URL pieces: percent-decoding and query strings (RFC 3986, with '+' as space in queries as
// browsers send it). Every decoded string is checked to be valid UTF-8, so nothing downstream
// (ids, JSON output) ever sees invalid text.
namespace buyalign::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`). Fails with kInvalidArgument on
// a malformed escape or a result that is not valid UTF-8.
core::Result<std::string> PercentDecode(std::string_view text, bool plus_is_space = false);

// Encodes one path segment: everything but RFC 3986 unreserved characters becomes %XX.
std::string PercentEncodeSegment(std::string_view text);

// Parses "a=1&b=x%20y&flag" into ordered pairs ("flag" has an empty value). Empty pieces
// ("a=1&&b=2") are skipped.
core::Result<std::vector<NameValue>> ParseQuery(std::string_view query);

// Splits a request target ("/api/v1/x?limit=5") into the request's raw path and its decoded
// query. The path is set even when the query fails to parse (kInvalidArgument from ParseQuery).
core::Status ParseTarget(std::string_view target, Request& request);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace buyalign::http
