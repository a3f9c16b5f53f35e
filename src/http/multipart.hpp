#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

// multipart/form-data (RFC 7578 over RFC 2046), the body a browser form or `curl -F` sends with
// files. Only what uploads need: the parts' names, file names, content types and bytes; no
// nested multiparts and no transfer encodings (RFC 7578 deprecates them).
namespace buyalign::http {

// One part of a form. `body` points into the request body the part was parsed from.
struct FormPart {
  std::string name;           // the form field's name (Content-Disposition name=...)
  std::string filename;       // the uploaded file's name without any directory; empty for a field
  bool has_filename = false;  // the part is a file (a filename parameter was present)
  std::string content_type;   // as sent, or "" when absent
  std::string_view body;
};

// The boundary parameter of a "multipart/form-data; boundary=..." Content-Type, unquoted. Fails
// with kInvalidArgument (field "Content-Type") for another media type or a missing or invalid
// boundary (1 to 70 characters).
core::Result<std::string> FormDataBoundary(std::string_view content_type);

// Splits `body` into its parts, in order. Delimiters must be CRLF "--" boundary as RFC 2046 says;
// preamble and epilogue are ignored. Fails with kInvalidArgument naming the part (1-based) for a
// missing closing delimiter, a part without headers or without a Content-Disposition of type
// form-data with a name, an unterminated header block, or more than `max_parts` parts.
core::Result<std::vector<FormPart>> ParseFormData(std::string_view body, std::string_view boundary,
                                                  size_t max_parts = 64);

}  // namespace buyalign::http
