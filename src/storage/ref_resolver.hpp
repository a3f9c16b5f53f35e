#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "storage/sql_connection.hpp"

namespace buyalign::storage {

// The record types other records refer to.
enum class RefKind { kUser, kAccount, kContact, kContent, kOpportunity };
inline constexpr size_t kRefKindCount = 5;

// Turns external ids into internal ids within one transaction. Ids created by the transaction
// are remembered (Remember), and ids found in the database are cached, so an import resolves each
// distinct reference with at most one query.
//
// Not thread-safe; lives as long as the transaction it serves.
class RefResolver {
 public:
  explicit RefResolver(SqlConnection& connection) : connection_(connection) {}

  // The internal id of the `kind` record `ext_id`. Fails with kUnknownReference naming `field`
  // ("no account with id \"a9\"") when there is none.
  core::Result<int64_t> Resolve(RefKind kind, std::string_view ext_id, std::string_view field);
  // Like Resolve, but an empty `ext_id` (an absent optional reference) is NULL.
  core::Result<SqlValue> ResolveOptional(RefKind kind, std::string_view ext_id,
                                         std::string_view field);
  // Like Resolve, but a missing record is nullopt instead of an error.
  core::Result<std::optional<int64_t>> Find(RefKind kind, std::string_view ext_id);

  void Remember(RefKind kind, std::string_view ext_id, int64_t id);

 private:
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  using IdMap = std::unordered_map<std::string, int64_t, TextHash, std::equal_to<>>;

  SqlConnection& connection_;
  std::array<IdMap, kRefKindCount> known_;
};

}  // namespace buyalign::storage
