#include "http/router.hpp"

#include <gtest/gtest.h>

namespace buyalign::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) {
    Response response;
    response.body = name;
    return response;
  };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/v1/accounts", "listAccounts", Access::Public(), Named("list"));
    router_.Add("POST", "/api/v1/accounts", "createAccount", Access::Public(), Named("create"));
    router_.Add("GET", "/api/v1/accounts/{id}", "getAccount", Access::Public(), Named("get"));
    router_.Add("PUT", "/api/v1/accounts/{id}", "replaceAccount", Access::Public(), Named("put"));
    router_.Add("GET", "/api/v1/opportunities/{id}/dmu/{contact_id}", "getDmuMember",
                Access::Public(), Named("dmu"));
  }
  Router router_;
  std::vector<NameValue> params_;
};

TEST_F(RouterTest, LiteralPathMatchesItsMethod) {
  auto match = router_.Match("POST", "/api/v1/accounts", &params_);
  ASSERT_TRUE(match);
  ASSERT_NE(match->route, nullptr);
  EXPECT_EQ(match->route->operation_id, "createAccount");
  EXPECT_EQ(match->route->label, "POST /api/v1/accounts");
}

TEST_F(RouterTest, ParametersAreCapturedAndDecoded) {
  auto match = router_.Match("GET", "/api/v1/opportunities/o%201/dmu/c%2F2", &params_);
  ASSERT_TRUE(match);
  ASSERT_NE(match->route, nullptr);
  EXPECT_EQ(match->route->operation_id, "getDmuMember");
  ASSERT_EQ(params_.size(), 2u);
  EXPECT_EQ(params_[0], NameValue("id", "o 1"));
  EXPECT_EQ(params_[1], NameValue("contact_id", "c/2"));
}

TEST_F(RouterTest, TrailingSlashIsTheSamePath) {
  auto match = router_.Match("GET", "/api/v1/accounts/", &params_);
  ASSERT_TRUE(match);
  ASSERT_NE(match->route, nullptr);
  EXPECT_EQ(match->route->operation_id, "listAccounts");
}

TEST_F(RouterTest, UnknownPathMatchesNothing) {
  auto match = router_.Match("GET", "/api/v1/nope", &params_);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->route, nullptr);
  EXPECT_TRUE(match->allow.empty());
  match = router_.Match("GET", "/api/v1/accounts/a1/extra", &params_);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->route, nullptr);
  EXPECT_TRUE(match->allow.empty());
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnes) {
  auto match = router_.Match("DELETE", "/api/v1/accounts/a1", &params_);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->route, nullptr);
  EXPECT_EQ(match->allow, "GET, PUT");
}

TEST_F(RouterTest, BadEscapeInAParameterIsInvalid) {
  auto match = router_.Match("GET", "/api/v1/accounts/%zz", &params_);
  ASSERT_FALSE(match);
  EXPECT_EQ(match.error().code, core::ErrorCode::kInvalidArgument);
  match = router_.Match("GET", "/api/v1/accounts/%ff", &params_);  // not UTF-8
  ASSERT_FALSE(match);
}

TEST_F(RouterTest, HandlerOfTheMatchRuns) {
  auto match = router_.Match("GET", "/api/v1/accounts/a1", &params_);
  ASSERT_TRUE(match && match->route);
  Request request;
  EXPECT_EQ(match->route->handler(request).body, "get");
}

TEST(SplitPath, SkipsEmptySegments) {
  EXPECT_EQ(SplitPath("//a//b/"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(SplitPath("/").empty());
}

}  // namespace
}  // namespace buyalign::http
