#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/records.hpp"
#include "storage/audit.hpp"
#include "storage/page.hpp"

namespace buyalign::storage {

// What a sign-in needs to know about a user. The only read that returns a password hash.
struct Credentials {
  domain::User user;
  std::string password_hash;  // an Argon2id string; empty when no password is set
  bool disabled = false;
};

// A signed-in browser session, found by the hash of its token.
struct Session {
  std::string user_id;
  std::string csrf_hash;
  core::Timestamp expires_at{};
};

// An API token as its owner may see it: never the token nor its hash.
struct ApiTokenInfo {
  int64_t id = 0;
  std::string user_id;
  std::string name;
  core::Timestamp created_at{};
  std::optional<core::Timestamp> revoked_at;
};

// The identity half of the Store (issue 3): users and their credentials, team managers,
// opportunity shares, sessions, API tokens and login throttling, all kept in the database so
// several servers share them. Secrets arrive already hashed (auth::HashPassword for passwords,
// auth::HashToken for tokens); the store never sees a password or a token.
//
// Same contract as Store (store.hpp): thread-safe, one transaction per call, errors as values.
// Changes to users, managers and shares are audited with `actor` in the same transaction;
// sessions, token lookups and login failures are not (they are not changes to records).
class IdentityStore {
 public:
  virtual ~IdentityStore() = default;

  // Users. Create/Update follow the Store conventions (kConflict for a taken id or a stale
  // version); `disabled` in the argument is ignored (SetUserDisabled changes it), and neither
  // touches the password.
  virtual Result<domain::User> CreateUser(const domain::User& user,
                                          const Actor& actor = Actor::System()) = 0;
  virtual Result<domain::User> UpdateUser(const domain::User& user, int64_t expected_version,
                                          const Actor& actor = Actor::System()) = 0;
  virtual Result<Page<domain::User>> ListUsers(const PageRequest& page) = 0;

  // Stores `password_hash`, which must be an Argon2id string ("$argon2id$..."; kInvalidArgument
  // otherwise, so a plain password can never be stored by mistake). kNotFound for no such user.
  virtual Status SetPassword(std::string_view user_id, std::string_view password_hash,
                             const Actor& actor = Actor::System()) = 0;
  // Disabling also ends the user's sessions; their API tokens stop resolving while disabled.
  virtual Status SetUserDisabled(std::string_view user_id, bool disabled,
                                 const Actor& actor = Actor::System()) = 0;
  // The user whose id is `login`, else the one whose email is `login` (case-insensitive).
  // kNotFound when none; kConflict when several users share that email.
  virtual Result<Credentials> GetCredentials(std::string_view login) = 0;

  // Managers: a user manages any number of teams (by team id, like User::team). Adding twice or
  // removing an absent pair is a no-op; an unknown user is kNotFound.
  virtual Status AddTeamManager(std::string_view user_id, std::string_view team_id,
                                const Actor& actor = Actor::System()) = 0;
  virtual Status RemoveTeamManager(std::string_view user_id, std::string_view team_id,
                                   const Actor& actor = Actor::System()) = 0;
  // Team ids, sorted.
  virtual Result<std::vector<std::string>> ListManagedTeams(std::string_view user_id) = 0;
  // The users a manager covers: members of the teams they manage, sorted by id.
  virtual Result<std::vector<std::string>> ListManagedUsers(std::string_view manager_id) = 0;

  // Shares give a user sight of an opportunity they do not own. Idempotent; an unknown
  // opportunity or user is kNotFound.
  virtual Status ShareOpportunity(std::string_view opportunity_id, std::string_view user_id,
                                  const Actor& actor = Actor::System()) = 0;
  virtual Status UnshareOpportunity(std::string_view opportunity_id, std::string_view user_id,
                                    const Actor& actor = Actor::System()) = 0;
  // User ids, sorted.
  virtual Result<std::vector<std::string>> ListShares(std::string_view opportunity_id) = 0;

  // Sessions, keyed by the hash of their token. Creating one also purges expired sessions.
  virtual Status CreateSession(std::string_view token_hash, std::string_view csrf_hash,
                               std::string_view user_id, core::Timestamp expires_at) = 0;
  // kNotFound when there is no such session, it has expired (`expires_at` <= now) or its user
  // is disabled.
  virtual Result<Session> GetSession(std::string_view token_hash) = 0;
  // Deleting an absent session is not an error (sign-out twice).
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  virtual Status DeleteSessionsOf(std::string_view user_id) = 0;

  // API tokens, stored as hashes. CreateApiToken returns the token's id (kNotFound for no such
  // user, kConflict for a hash already stored).
  virtual Result<int64_t> CreateApiToken(std::string_view token_hash, std::string_view user_id,
                                         std::string_view name,
                                         const Actor& actor = Actor::System()) = 0;
  // The user's tokens, revoked ones included, oldest first.
  virtual Result<std::vector<ApiTokenInfo>> ListApiTokens(std::string_view user_id) = 0;
  // kNotFound for no such token; revoking twice keeps the first revocation time.
  virtual Status RevokeApiToken(int64_t token_id, const Actor& actor = Actor::System()) = 0;
  // The id of the token's user; kNotFound when the token is unknown, revoked, or its user is
  // disabled.
  virtual Result<std::string> FindApiToken(std::string_view token_hash) = 0;

  // Login throttling. `key` is what the caller throttles on (an email, an address, both).
  // Failures older than a day are forgotten when a new one is recorded.
  virtual Status RecordLoginFailure(std::string_view key, core::Timestamp at) = 0;
  // Failures of `key` at or after `since`.
  virtual Result<int64_t> CountLoginFailures(std::string_view key, core::Timestamp since) = 0;
  virtual Status ClearLoginFailures(std::string_view key) = 0;
};

}  // namespace buyalign::storage
