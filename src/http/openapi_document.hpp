#pragma once

#include <string_view>

namespace buyalign::http {

// The OpenAPI 3.1 document of the API (src/http/openapi.json), embedded at build time.
std::string_view OpenApiDocument();

}  // namespace buyalign::http
