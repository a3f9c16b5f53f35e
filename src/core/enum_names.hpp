#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace buyalign::core {

// Maps an `enum class` whose values are 0..N-1 to and from the stable ids of the spec.
// Each enum declares `constexpr std::array<std::string_view, N> kNames` beside it.
template <class E, size_t N>
constexpr std::string_view EnumName(const std::array<std::string_view, N>& names, E value) {
  return names[static_cast<size_t>(value)];
}

template <class E, size_t N>
constexpr std::optional<E> ParseEnum(const std::array<std::string_view, N>& names,
                                     std::string_view text) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

// "a, b or c": the accepted values, for error messages.
template <size_t N>
std::string JoinNames(const std::array<std::string_view, N>& names) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) out += (i + 1 == N) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace buyalign::core
