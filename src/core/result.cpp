#include "core/result.hpp"

namespace buyalign::core {

std::string_view CodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kUnknownReference:
      return "unknown_reference";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kPreconditionRequired:
      return "precondition_required";
    case ErrorCode::kPayloadTooLarge:
      return "payload_too_large";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Describe(const Error& error) {
  std::string out;
  if (error.line > 0) out += "line " + std::to_string(error.line) + ", ";
  if (!error.field.empty()) out += "field " + error.field + ": ";
  out += error.message;
  return out;
}

}  // namespace buyalign::core
