#include "http/error_response.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>

namespace buyalign::http {

core::Error MakeError(core::ErrorCode code, std::string message, std::string field) {
  core::Error error;
  error.code = code;
  error.message = std::move(message);
  error.field = std::move(field);
  return error;
}

int HttpStatus(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kUnknownReference:
      return 422;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPreconditionRequired:
      return 428;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;  // not reached: the switch is exhaustive (-Wswitch warns on a missing code)
}

Response ErrorResponse(const core::Error& error) {
  std::string_view message = error.message;
  if (error.code == core::ErrorCode::kInternal) {
    spdlog::error("internal error: {}", core::Describe(error));
    message = "internal error; the server log has the details";
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
  out.StartObject();
  out.Key("error");
  out.StartObject();
  const std::string_view code = core::CodeName(error.code);
  out.Key("code");
  out.String(code.data(), static_cast<rapidjson::SizeType>(code.size()));
  out.Key("message");
  out.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  if (!error.field.empty()) {
    out.Key("field");
    out.String(error.field.data(), static_cast<rapidjson::SizeType>(error.field.size()));
  }
  if (error.line > 0) {
    out.Key("line");
    out.Int64(error.line);
  }
  if (error.current_version > 0) {
    out.Key("current_version");
    out.Int64(error.current_version);
  }
  out.EndObject();
  out.EndObject();
  Response response;
  response.status = HttpStatus(error.code);
  response.body.assign(buffer.GetString(), buffer.GetSize());
  return response;
}

}  // namespace buyalign::http
