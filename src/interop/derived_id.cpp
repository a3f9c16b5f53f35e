// Deterministic ids for signals and activities that arrive without one (interop/record_json.hpp).
// A 64-bit FNV-1a hash of the fields that make the record what it is: stable across runs and
// machines (unlike std::hash), cheap, and with 2^64 values collisions within one customer's data
// are not a practical concern.
#include <cstdint>

#include "interop/record_json.hpp"

namespace buyalign::interop {
namespace {

class Fnv1a {
 public:
  // Adds `text` followed by a separator, so ("ab","c") and ("a","bc") hash differently.
  Fnv1a& Add(std::string_view text) {
    for (unsigned char c : text) Byte(c);
    Byte('|');
    return *this;
  }
  Fnv1a& Add(int64_t number) { return Add(std::string_view(std::to_string(number))); }

  // "<prefix>" + 16 lowercase hex digits.
  std::string Id(std::string_view prefix) const {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(prefix);
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(hash_ >> shift) & 0xf];
    return out;
  }

 private:
  void Byte(unsigned char c) {
    hash_ ^= c;
    hash_ *= 0x100000001b3ULL;
  }
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string DerivedSignalId(const domain::Signal& signal) {
  return Fnv1a()
      .Add(signal.opportunity_id)
      .Add(signal.contact_id)
      .Add(signal.kind)
      .Add(core::ToUnixSeconds(signal.at))
      .Add(signal.stage)
      .Add(signal.content_id)
      .Id("sig-");
}

std::string DerivedActivityId(const domain::Activity& activity) {
  Fnv1a hash;
  hash.Add(activity.opportunity_id).Add(activity.kind).Add(core::ToUnixSeconds(activity.at));
  for (const auto& contact : activity.contact_ids) hash.Add(contact);
  return hash.Id("act-");
}

}  // namespace buyalign::interop
