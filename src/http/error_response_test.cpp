#include "http/error_response.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace buyalign::http {
namespace {

using core::ErrorCode;

TEST(HttpStatus, EveryCodeHasItsStatus) {
  const std::pair<ErrorCode, int> table[] = {
      {ErrorCode::kInvalidArgument, 400},      {ErrorCode::kNotFound, 404},
      {ErrorCode::kUnknownReference, 422},     {ErrorCode::kConflict, 409},
      {ErrorCode::kPreconditionRequired, 428}, {ErrorCode::kPayloadTooLarge, 413},
      {ErrorCode::kUnauthenticated, 401},      {ErrorCode::kForbidden, 403},
      {ErrorCode::kUnavailable, 503},          {ErrorCode::kInternal, 500},
  };
  for (const auto& [code, status] : table) {
    EXPECT_EQ(HttpStatus(code), status) << core::CodeName(code);
    EXPECT_EQ(ErrorResponse(MakeError(code, "x")).status, status);
  }
}

rapidjson::Document Parse(const Response& response) {
  rapidjson::Document doc;
  doc.Parse(response.body.c_str());
  EXPECT_FALSE(doc.HasParseError()) << response.body;
  return doc;
}

TEST(ErrorResponse, CarriesFieldLineAndVersionOnlyWhenSet) {
  core::Error error = core::Error::Invalid("must be a number", "amount");
  error.line = 7;
  rapidjson::Document doc = Parse(ErrorResponse(error));
  const auto& body = doc["error"];
  EXPECT_STREQ(body["code"].GetString(), "invalid_argument");
  EXPECT_STREQ(body["message"].GetString(), "must be a number");
  EXPECT_STREQ(body["field"].GetString(), "amount");
  EXPECT_EQ(body["line"].GetInt64(), 7);
  EXPECT_FALSE(body.HasMember("current_version"));

  doc = Parse(ErrorResponse(core::Error::NotFound("no account a1")));
  EXPECT_FALSE(doc["error"].HasMember("field"));
  EXPECT_FALSE(doc["error"].HasMember("line"));
}

TEST(ErrorResponse, ConflictNamesTheCurrentVersion) {
  core::Error error = MakeError(ErrorCode::kConflict, "stale");
  error.current_version = 4;
  const Response response = ErrorResponse(error);
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(Parse(response)["error"]["current_version"].GetInt64(), 4);
}

TEST(ErrorResponse, InternalDetailsDoNotLeak) {
  const Response response =
      ErrorResponse(core::Error::Internal("sqlite: no such table: accounts (SELECT * FROM ...)"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("sqlite"), std::string::npos);
  EXPECT_EQ(response.body.find("SELECT"), std::string::npos);
  EXPECT_STREQ(Parse(response)["error"]["code"].GetString(), "internal");
}

}  // namespace
}  // namespace buyalign::http
