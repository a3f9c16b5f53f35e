#include <gtest/gtest.h>

#include "auth/password.hpp"
#include "auth/policy.hpp"
#include "auth/token.hpp"

namespace buyalign::auth {
namespace {

using domain::UserRole;

TEST(Password, HashVerifiesOnlyTheSamePassword) {
  auto hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.has_value());
  EXPECT_NE(*hash, "correct horse battery");
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword("correct horse battery", *hash));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", *hash));
  EXPECT_FALSE(VerifyPassword("correct horse battery", "not a hash"));
  EXPECT_FALSE(NeedsRehash(*hash));
}

TEST(Password, SamePasswordGetsDifferentSalts) {
  auto a = HashPassword("correct horse battery");
  auto b = HashPassword("correct horse battery");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
}

TEST(Password, ShortPasswordIsRefusedNamingTheField) {
  auto hash = HashPassword("short");
  ASSERT_FALSE(hash.has_value());
  EXPECT_EQ(hash.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(hash.error().field, "password");
}

TEST(Token, TokensAreUniquePrefixedAndHashStably) {
  auto a = NewToken("bya_");
  auto b = NewToken("bya_");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.rfind("bya_", 0), 0u);
  EXPECT_EQ(a.size(), 4u + 43u);
  EXPECT_EQ(HashToken(a), HashToken(a));
  EXPECT_NE(HashToken(a), HashToken(b));
  EXPECT_EQ(HashToken(a).size(), 64u);
  EXPECT_TRUE(ConstantTimeEquals(a, a));
  EXPECT_FALSE(ConstantTimeEquals(a, b));
  EXPECT_FALSE(ConstantTimeEquals(a, a.substr(1)));
}

TEST(Policy, RepsSeeOnlyTheirOwnDealsAndManagersTheirTeams) {
  EXPECT_EQ(Allowed(UserRole::kRep, Resource::kOpportunity, Action::kRead), Scope::kOwn);
  EXPECT_EQ(Allowed(UserRole::kManager, Resource::kOpportunity, Action::kRead), Scope::kTeam);
  EXPECT_EQ(Allowed(UserRole::kAdmin, Resource::kOpportunity, Action::kDelete), Scope::kAll);
  EXPECT_EQ(Allowed(UserRole::kRep, Resource::kOpportunity, Action::kDelete), Scope::kNone);
}

TEST(Policy, MarketingManagesContentAndSeesNoDealDetails) {
  EXPECT_EQ(Allowed(UserRole::kMarketing, Resource::kContent, Action::kCreate), Scope::kAll);
  EXPECT_EQ(Allowed(UserRole::kMarketing, Resource::kAnalytics, Action::kRead), Scope::kAggregate);
  for (auto resource : {Resource::kOpportunity, Resource::kReadiness, Resource::kContact,
                        Resource::kForecast, Resource::kExport}) {
    EXPECT_EQ(Allowed(UserRole::kMarketing, resource, Action::kRead), Scope::kNone)
        << kResourceNames[static_cast<size_t>(resource)];
  }
}

TEST(Policy, OnlyAdminsReadTheAuditAndManageUsers) {
  for (auto role : {UserRole::kManager, UserRole::kRep, UserRole::kMarketing}) {
    EXPECT_EQ(Allowed(role, Resource::kAudit, Action::kRead), Scope::kNone);
    EXPECT_EQ(Allowed(role, Resource::kUser, Action::kCreate), Scope::kNone);
  }
  EXPECT_EQ(Allowed(UserRole::kAdmin, Resource::kAudit, Action::kRead), Scope::kAll);
}

TEST(Policy, MissingEntryDenies) {
  EXPECT_FALSE(HasPolicyEntry(Resource::kAudit, Action::kDelete));
  EXPECT_EQ(Allowed(UserRole::kAdmin, Resource::kAudit, Action::kDelete), Scope::kNone);
}

}  // namespace
}  // namespace buyalign::auth
