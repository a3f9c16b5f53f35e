#include "http/query.hpp"

#include <gtest/gtest.h>

namespace buyalign::http {
namespace {

TEST(ParseQuery, DecodesPairsInOrder) {
  auto query = ParseQuery("owner=u%201&status=open&flag&&name=a+b");
  ASSERT_TRUE(query);
  ASSERT_EQ(query->size(), 4u);
  EXPECT_EQ((*query)[0], NameValue("owner", "u 1"));
  EXPECT_EQ((*query)[1], NameValue("status", "open"));
  EXPECT_EQ((*query)[2], NameValue("flag", ""));
  EXPECT_EQ((*query)[3], NameValue("name", "a b"));
}

TEST(ParseQuery, EmptyValueAndEmptyQuery) {
  auto query = ParseQuery("cursor=&limit=2");
  ASSERT_TRUE(query);
  EXPECT_EQ((*query)[0], NameValue("cursor", ""));
  auto empty = ParseQuery("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(ParseQuery, MalformedEscapeIsInvalid) {
  for (const char* bad : {"a=%", "a=%4", "a=%g1", "%=1"}) {
    auto query = ParseQuery(bad);
    ASSERT_FALSE(query) << bad;
    EXPECT_EQ(query.error().code, core::ErrorCode::kInvalidArgument);
  }
}

TEST(ParseTarget, SplitsThePathFromTheDecodedQuery) {
  Request request;
  ASSERT_TRUE(ParseTarget("/api/v1/accounts/a%201?limit=5&q=x+y", request));
  EXPECT_EQ(request.path, "/api/v1/accounts/a%201");  // the router decodes path segments
  ASSERT_EQ(request.query.size(), 2u);
  EXPECT_EQ(request.query[1], NameValue("q", "x y"));
  ASSERT_TRUE(ParseTarget("/healthz", request));
  EXPECT_EQ(request.path, "/healthz");
  EXPECT_TRUE(request.query.empty());
}

TEST(ParseTarget, ABadQueryKeepsThePath) {
  Request request;
  EXPECT_FALSE(ParseTarget("/api/v1/accounts?limit=%zz", request));
  EXPECT_EQ(request.path, "/api/v1/accounts");
}

TEST(PercentDecode, PlusStaysInPaths) {
  EXPECT_EQ(PercentDecode("a+b").value(), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true).value(), "a b");
  EXPECT_EQ(PercentDecode("caf%C3%A9").value(), "caf\xC3\xA9");
}

TEST(PercentDecode, InvalidUtf8IsRefused) { EXPECT_FALSE(PercentDecode("%C3%28")); }

TEST(PercentEncodeSegment, RoundTripsThroughDecode) {
  const std::string id = "a/b c?d%e\xC3\xA9";
  const std::string encoded = PercentEncodeSegment(id);
  EXPECT_EQ(encoded.find('/'), std::string::npos);
  EXPECT_EQ(encoded.find(' '), std::string::npos);
  EXPECT_EQ(PercentDecode(encoded).value(), id);
  EXPECT_EQ(PercentEncodeSegment("acc-0F_x.~"), "acc-0F_x.~");
}

struct Utf8Case {
  const char* text;
  bool valid;
};

TEST(IsValidUtf8, Table) {
  const Utf8Case cases[] = {
      {"plain", true},
      {"\xC3\xA9", true},           // é
      {"\xE2\x82\xAC", true},       // €
      {"\xF0\x9F\x98\x80", true},   // emoji
      {"\xC3", false},              // truncated
      {"\xC0\xAF", false},          // overlong '/'
      {"\xED\xA0\x80", false},      // surrogate
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xFF", false},
      {"\xE2\x82", false},
  };
  for (const Utf8Case& c : cases) EXPECT_EQ(IsValidUtf8(c.text), c.valid) << c.text;
}

}  // namespace
}  // namespace buyalign::http
