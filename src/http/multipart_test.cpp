#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace buyalign::http {
namespace {

TEST(FormDataBoundary, ReadsPlainAndQuotedBoundaries) {
  EXPECT_EQ(*FormDataBoundary("multipart/form-data; boundary=----abc123"), "----abc123");
  EXPECT_EQ(*FormDataBoundary("Multipart/Form-Data;charset=utf-8; BOUNDARY=\"a b:c\""), "a b:c");
}

TEST(FormDataBoundary, RefusesOtherTypesAndBadBoundaries) {
  for (const char* bad : {"application/json", "multipart/form-data", "multipart/mixed; boundary=x",
                          "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=\"x",
                          "multipart/form-data; boundary=a<b>"}) {
    auto result = FormDataBoundary(bad);
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().field, "Content-Type") << bad;
  }
  EXPECT_FALSE(FormDataBoundary("multipart/form-data; boundary=" + std::string(71, 'x')));
}

// What curl -F kind=salesforce -F files=@Account.csv sends, with a preamble and an epilogue.
const std::string kBody =
    "ignored preamble\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"kind\"\r\n"
    "\r\n"
    "salesforce\r\n"
    "--XyZ\r\n"
    "content-disposition: form-data; name=\"files\"; filename=\"C:\\\\exports\\\\Account.csv\"\r\n"
    "Content-Type: text/csv\r\n"
    "\r\n"
    "Id,Name\r\n001,\"Line\r\n--XyZnot a boundary\"\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
    "\r\n"
    "\r\n"
    "--XyZ--\r\n"
    "epilogue";

TEST(ParseFormData, SplitsFieldsAndFiles) {
  auto parts = ParseFormData(kBody, "XyZ");
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "kind");
  EXPECT_FALSE((*parts)[0].has_filename);
  EXPECT_EQ((*parts)[0].body, "salesforce");
  EXPECT_EQ((*parts)[1].name, "files");
  EXPECT_TRUE((*parts)[1].has_filename);
  EXPECT_EQ((*parts)[1].filename, "Account.csv");  // the client's folder is dropped
  EXPECT_EQ((*parts)[1].content_type, "text/csv");
  EXPECT_EQ((*parts)[1].body, "Id,Name\r\n001,\"Line\r\n--XyZnot a boundary\"");
  EXPECT_TRUE((*parts)[2].has_filename);
  EXPECT_EQ((*parts)[2].filename, "");
  EXPECT_EQ((*parts)[2].body, "");
}

TEST(ParseFormData, BodyMayStartWithTheBoundary) {
  auto parts =
      ParseFormData("--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b--", "b");
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "a");
  EXPECT_EQ((*parts)[0].body, "1");
}

struct BadForm {
  const char* what;
  std::string body;
  const char* message;  // a part of the expected message
};

TEST(ParseFormData, BrokenBodiesNameThePart) {
  const std::string disposition = "Content-Disposition: form-data; name=\"a\"\r\n\r\n";
  const BadForm cases[] = {
      {"no boundary", "just text", "without its boundary"},
      {"cut off", "--b\r\n" + disposition + "half a fi", "part 1: no boundary after it"},
      {"no disposition", "--b\r\nContent-Type: text/csv\r\n\r\nx\r\n--b--",
       "part 1: no Content-Disposition"},
      {"no headers", "--b\r\n\r\nx\r\n--b--", "part 1: no Content-Disposition"},
      {"not form-data", "--b\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--b--",
       "must be form-data"},
      {"no name", "--b\r\nContent-Disposition: form-data; filename=x\r\n\r\nx\r\n--b--",
       "has no name"},
      {"open quote",
       "--b\r\n" + disposition +
           "1\r\n--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--b--",
       "part 2: parameter name: unterminated"},
      {"endless headers", "--b\r\nContent-Disposition: form-data; name=a\r\nx", "do not end"},
      {"junk after boundary", "--b junk\r\n" + disposition + "x\r\n--b--", "does not end after"},
      {"base64",
       "--b\r\nContent-Disposition: form-data; name=a\r\nContent-Transfer-Encoding: "
       "base64\r\n\r\nx\r\n--b--",
       "base64 is not supported"},
  };
  for (const BadForm& c : cases) {
    auto parts = ParseFormData(c.body, "b");
    ASSERT_FALSE(parts) << c.what;
    EXPECT_EQ(parts.error().code, core::ErrorCode::kInvalidArgument) << c.what;
    EXPECT_NE(parts.error().message.find(c.message), std::string::npos)
        << c.what << ": " << parts.error().message;
  }
}

TEST(ParseFormData, RefusesTooManyParts) {
  std::string body;
  for (int i = 0; i < 4; ++i) body += "--b\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n";
  body += "--b--";
  EXPECT_TRUE(ParseFormData(body, "b", 4));
  auto refused = ParseFormData(body, "b", 3);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("more than 3 parts"), std::string::npos);
}

}  // namespace
}  // namespace buyalign::http
