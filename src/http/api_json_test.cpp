#include "http/api_json.hpp"

#include <gtest/gtest.h>

namespace buyalign::http {
namespace {

Request WithHeader(std::string name, std::string value) {
  Request request;
  request.headers.emplace_back(std::move(name), std::move(value));
  return request;
}

TEST(RequiredVersion, AcceptsQuotedBareAndWeak) {
  EXPECT_EQ(RequiredVersion(WithHeader("if-match", "\"3\"")).value(), 3);
  EXPECT_EQ(RequiredVersion(WithHeader("if-match", "12")).value(), 12);
  EXPECT_EQ(RequiredVersion(WithHeader("if-match", "W/\"5\"")).value(), 5);
}

TEST(RequiredVersion, MissingIsPreconditionRequired) {
  auto version = RequiredVersion(Request{});
  ASSERT_FALSE(version);
  EXPECT_EQ(version.error().code, core::ErrorCode::kPreconditionRequired);
}

TEST(RequiredVersion, GarbageIsInvalid) {
  for (const char* bad : {"*", "\"abc\"", "0", "-1", "3x", "\"3"}) {
    auto version = RequiredVersion(WithHeader("if-match", bad));
    ASSERT_FALSE(version) << bad;
    EXPECT_EQ(version.error().code, core::ErrorCode::kInvalidArgument) << bad;
  }
}

TEST(PageFromQuery, DefaultsAndBounds) {
  Request request;
  EXPECT_EQ(PageFromQuery(request).value().limit, 50);
  request.query = {{"limit", "2"}, {"cursor", "abc"}};
  auto page = PageFromQuery(request);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->limit, 2);
  EXPECT_EQ(page->cursor, "abc");
  for (const char* bad : {"0", "1001", "x", "5 "}) {
    request.query = {{"limit", bad}};
    auto refused = PageFromQuery(request);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().field, "limit");
  }
}

TEST(ParseJsonObject, RefusesNonObjectsMalformedAndInvalidUtf8) {
  EXPECT_TRUE(ParseJsonObject(R"({"a":1})"));
  EXPECT_FALSE(ParseJsonObject("[1,2]"));
  EXPECT_FALSE(ParseJsonObject(R"({"a":)"));
  EXPECT_FALSE(ParseJsonObject(R"({"a":1} junk)"));
  EXPECT_FALSE(ParseJsonObject("{\"a\":\"\xC3\x28\"}"));
  EXPECT_FALSE(ParseJsonObject(""));
}

TEST(ParseJsonObject, NestingUpToTheLimitIsAccepted) {
  const int inner = kMaxJsonDepth - 1;  // the body's own object is the first level
  const std::string deepest = "{\"a\":" + std::string(inner, '[') + std::string(inner, ']') + "}";
  EXPECT_TRUE(ParseJsonObject(deepest));
}

TEST(ParseJsonObject, DeeperNestingIsRefusedNamingTheLimit) {
  const int inner = kMaxJsonDepth;
  const std::string one_too_deep =
      "{\"a\":" + std::string(inner, '[') + std::string(inner, ']') + "}";
  auto refused = ParseJsonObject(one_too_deep);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("deeper than " + std::to_string(kMaxJsonDepth)),
            std::string::npos)
      << refused.error().message;
  // Far deeper input stops at the limit instead of building (and recursively freeing) the DOM.
  const std::string hostile = "{\"a\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  EXPECT_FALSE(ParseJsonObject(hostile));
}

TEST(BindKey, AddsMissingAndRefusesDifferent) {
  auto doc = ParseJsonObject(R"({"name":"x"})");
  ASSERT_TRUE(doc);
  ASSERT_TRUE(BindKey(*doc, "id", "a1"));
  EXPECT_STREQ((*doc)["id"].GetString(), "a1");
  EXPECT_TRUE(BindKey(*doc, "id", "a1"));  // same value: fine
  auto mismatch = BindKey(*doc, "id", "a2");
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().field, "id");
}

TEST(GenerateId, PrefixAndTwelveHexDigits) {
  const std::string a = GenerateId("acc-");
  const std::string b = GenerateId("acc-");
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a.substr(0, 4), "acc-");
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef", 4), std::string::npos);
  EXPECT_NE(a, b);
}

TEST(RecordResponse, CarriesVersionAndETag) {
  domain::Account account{.id = "a1", .name = "Transport Janssens", .version = 3};
  const Response response = RecordResponse(200, account);
  EXPECT_NE(response.body.find("\"version\":3"), std::string::npos);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0], NameValue("ETag", "\"3\""));
}

TEST(PageResponse, NullCursorOnTheLastPage) {
  storage::Page<domain::Account> page;
  page.items.push_back({.id = "a1", .name = "A", .version = 1});
  EXPECT_NE(PageResponse(page).body.find("\"next_cursor\":null"), std::string::npos);
  page.next_cursor = "c2";
  EXPECT_NE(PageResponse(page).body.find("\"next_cursor\":\"c2\""), std::string::npos);
}

}  // namespace
}  // namespace buyalign::http
