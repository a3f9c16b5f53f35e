#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "core/enum_names.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "interop/record_json.hpp"

namespace buyalign::interop {

// Whether a field must be there in a whole record (DecodeMode::kFull).
enum class Presence { kRequired, kOptional };

// Reads the fields of one JSON object into a record, validating each one, and keeps the first
// error it meets: after an error every further call is a no-op, so a decoder reads its fields in
// a straight line and checks `ok()` once at the end (the leveldb Status style, without the
// branching after every field).
//
// Field semantics, shared by every record type:
// - absent: an error for a required field in kFull mode; otherwise the target is left alone
//   (in kPatch mode that keeps the base record's value).
// - null: the same as absent in kFull mode; in kPatch mode it clears an optional field (back to its
//   default) and is an error for a required one.
// - present: the type is checked, then the value (non-empty ids, ranges, enum names).
//
// A FieldReader borrows the object; it must not outlive it. Not thread-safe (one per decode).
class FieldReader {
 public:
  FieldReader(const rapidjson::Value& object, DecodeMode mode) : object_(object), mode_(mode) {}

  bool ok() const { return !error_.has_value(); }
  // The first error met; call only when !ok().
  core::Error TakeError() { return std::move(*error_); }
  // Records an error found by the decoder itself (a rule across fields).
  void Fail(std::string message, std::string_view field);

  // A non-empty string for a required field; an optional one may be "".
  void Text(std::string_view name, std::string& out, Presence presence);
  void Integer(std::string_view name, std::optional<int64_t>& out, int64_t min);
  // A number in [min, max]; `out` may be a plain double (kept at its default when absent).
  void Number(std::string_view name, std::optional<double>& out, double min, double max);
  void Number(std::string_view name, double& out, double min, double max, Presence presence);
  void Boolean(std::string_view name, bool& out);
  void Time(std::string_view name, core::Timestamp& out, Presence presence);
  void Time(std::string_view name, std::optional<core::Timestamp>& out);
  void Day(std::string_view name, std::optional<core::Date>& out);
  // An array of non-empty strings. With `known`, each element must be one of them, and one that
  // is not fails with "unknown <what> \"x\"" naming the element ("stages[1]").
  void TextList(std::string_view name, std::vector<std::string>& out,
                const std::vector<std::string>* known = nullptr, std::string_view what = {});
  // A string that must be one of `known` (a methodology id: stage, signal kind, activity kind);
  // an unknown one fails with "unknown <what> \"x\"" and a "did you mean" when close to one.
  void Id(std::string_view name, std::string& out, Presence presence,
          const std::vector<std::string>& known, std::string_view what);

  // A string naming a value of an enum declared with its kNames array (core/enum_names.hpp).
  // Empty names in the array (an "unspecified" value) are not offered in the message.
  template <class E, size_t N>
  void Enum(std::string_view name, const std::array<std::string_view, N>& names, E& out,
            Presence presence) {
    const rapidjson::Value* v = Find(name, presence);
    if (v == nullptr) return;
    if (v->IsNull()) {
      if (mode_ == DecodeMode::kPatch) out = E{};
      return;
    }
    if (!v->IsString()) return WrongType(name, "a string", *v);
    std::string_view text(v->GetString(), v->GetStringLength());
    if (auto parsed = core::ParseEnum<E>(names, text); parsed && !text.empty()) {
      out = *parsed;
      return;
    }
    std::vector<std::string_view> offered;
    for (auto n : names) {
      if (!n.empty()) offered.push_back(n);
    }
    UnknownValue(name, name, text, offered);
  }

 private:
  // The member `name`, or nullptr when there is nothing to read (absent, an earlier error, or a
  // missing required field, which this records). Null is returned as a value; callers handle it.
  const rapidjson::Value* Find(std::string_view name, Presence presence);
  void WrongType(std::string_view field, std::string_view expected, const rapidjson::Value& got);
  void UnknownValue(std::string_view field, std::string_view what, std::string_view text,
                    const std::vector<std::string_view>& known);

  const rapidjson::Value& object_;
  DecodeMode mode_;
  std::optional<core::Error> error_;
};

// "a string", "a number", ...: what a JSON value is, for messages.
std::string_view JsonTypeName(const rapidjson::Value& value);

// The known id closest to `text` by edit distance, when close enough to be a likely typo.
std::optional<std::string_view> Suggest(std::string_view text,
                                        const std::vector<std::string_view>& known);

}  // namespace buyalign::interop
