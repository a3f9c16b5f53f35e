#include "interop/field_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace buyalign::interop {
namespace {

// Shortest form of a number for a message ("1.5", "85", "-3").
std::string FormatNumber(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  return buf;
}

std::string Quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool IsKnown(std::string_view text, const std::vector<std::string>& known) {
  return std::find(known.begin(), known.end(), text) != known.end();
}

}  // namespace

std::string_view JsonTypeName(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return "a boolean";
    case rapidjson::kObjectType:
      return "an object";
    case rapidjson::kArrayType:
      return "an array";
    case rapidjson::kStringType:
      return "a string";
    case rapidjson::kNumberType:
      return "a number";
  }
  return "a value";
}

std::optional<std::string_view> Suggest(std::string_view text,
                                        const std::vector<std::string_view>& known) {
  // Up to a quarter of the letters wrong (at least one, at most three) still reads as a typo;
  // more than that and the suggestion would be a guess.
  size_t budget = std::clamp<size_t>(text.size() / 4, 1, 3);
  std::optional<std::string_view> best;
  size_t best_distance = budget + 1;
  for (auto candidate : known) {
    size_t d = EditDistance(text, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

void FieldReader::Fail(std::string message, std::string_view field) {
  if (error_) return;
  error_ = core::Error::Invalid(std::move(message), std::string(field));
}

const rapidjson::Value* FieldReader::Find(std::string_view name, Presence presence) {
  if (error_) return nullptr;
  auto it = object_.FindMember(rapidjson::Value(
      rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size()))));
  bool absent = it == object_.MemberEnd() || (mode_ == DecodeMode::kFull && it->value.IsNull());
  if (absent) {
    if (mode_ == DecodeMode::kFull && presence == Presence::kRequired) {
      Fail("required, but missing", name);
    }
    return nullptr;
  }
  if (it->value.IsNull() && presence == Presence::kRequired) {
    Fail("required, so it cannot be null", name);
    return nullptr;
  }
  return &it->value;
}

void FieldReader::WrongType(std::string_view field, std::string_view expected,
                            const rapidjson::Value& got) {
  std::string message = "expected ";
  message += expected;
  message += ", got ";
  message += JsonTypeName(got);
  Fail(std::move(message), field);
}

void FieldReader::UnknownValue(std::string_view field, std::string_view what, std::string_view text,
                               const std::vector<std::string_view>& known) {
  std::string message = "unknown ";
  message += what;
  message += ' ';
  message += Quoted(text);
  if (auto suggestion = Suggest(text, known)) {
    message += " (did you mean " + Quoted(*suggestion) + "?)";
  } else if (known.size() <= 12) {
    message += ": expected ";
    for (size_t i = 0; i < known.size(); ++i) {
      if (i > 0) message += (i + 1 == known.size()) ? " or " : ", ";
      message += known[i];
    }
  }
  Fail(std::move(message), field);
}

void FieldReader::Text(std::string_view name, std::string& out, Presence presence) {
  const rapidjson::Value* v = Find(name, presence);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out.clear();
    return;
  }
  if (!v->IsString()) return WrongType(name, "a string", *v);
  if (presence == Presence::kRequired && v->GetStringLength() == 0) {
    return Fail("must not be empty", name);
  }
  out.assign(v->GetString(), v->GetStringLength());
}

void FieldReader::Integer(std::string_view name, std::optional<int64_t>& out, int64_t min) {
  const rapidjson::Value* v = Find(name, Presence::kOptional);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out.reset();
    return;
  }
  if (!v->IsNumber()) return WrongType(name, "a whole number", *v);
  int64_t value = 0;
  if (v->IsInt64()) {
    value = v->GetInt64();
  } else {
    // 85.0 is a whole number written by a tool that only has doubles; 85.5 is not.
    double d = v->GetDouble();
    if (d != std::floor(d) || std::fabs(d) > 9.0e15) {
      return Fail("expected a whole number, got " + FormatNumber(d), name);
    }
    value = static_cast<int64_t>(d);
  }
  if (value < min) {
    return Fail("must be " + std::to_string(min) + " or more, got " + std::to_string(value), name);
  }
  out = value;
}

void FieldReader::Number(std::string_view name, double& out, double min, double max,
                         Presence presence) {
  const rapidjson::Value* v = Find(name, presence);
  if (v == nullptr) return;
  if (v->IsNull()) return;  // an optional plain double keeps its value: it has no "absent"
  if (!v->IsNumber()) return WrongType(name, "a number", *v);
  double value = v->GetDouble();
  if (value < min || value > max) {
    std::string range = std::isinf(max)
                            ? FormatNumber(min) + " or more"
                            : "between " + FormatNumber(min) + " and " + FormatNumber(max);
    return Fail("must be " + range + ", got " + FormatNumber(value), name);
  }
  out = value;
}

void FieldReader::Number(std::string_view name, std::optional<double>& out, double min,
                         double max) {
  const rapidjson::Value* v = Find(name, Presence::kOptional);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out.reset();
    return;
  }
  double value = out.value_or(0);
  Number(name, value, min, max, Presence::kOptional);
  if (ok()) out = value;
}

void FieldReader::Boolean(std::string_view name, bool& out) {
  const rapidjson::Value* v = Find(name, Presence::kOptional);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out = false;
    return;
  }
  if (!v->IsBool()) return WrongType(name, "true or false", *v);
  out = v->GetBool();
}

void FieldReader::Time(std::string_view name, core::Timestamp& out, Presence presence) {
  const rapidjson::Value* v = Find(name, presence);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out = core::Timestamp{};
    return;
  }
  if (!v->IsString()) return WrongType(name, "an ISO 8601 time as a string", *v);
  auto parsed = core::ParseTimestamp(std::string_view(v->GetString(), v->GetStringLength()));
  if (!parsed) return Fail(std::move(parsed.error().message), name);
  out = *parsed;
}

void FieldReader::Time(std::string_view name, std::optional<core::Timestamp>& out) {
  const rapidjson::Value* v = Find(name, Presence::kOptional);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out.reset();
    return;
  }
  core::Timestamp value{};
  Time(name, value, Presence::kOptional);
  if (ok()) out = value;
}

void FieldReader::Day(std::string_view name, std::optional<core::Date>& out) {
  const rapidjson::Value* v = Find(name, Presence::kOptional);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out.reset();
    return;
  }
  if (!v->IsString()) return WrongType(name, "a date as a string (YYYY-MM-DD)", *v);
  auto parsed = core::ParseDate(std::string_view(v->GetString(), v->GetStringLength()));
  if (!parsed) return Fail(std::move(parsed.error().message), name);
  out = *parsed;
}

void FieldReader::TextList(std::string_view name, std::vector<std::string>& out,
                           const std::vector<std::string>* known, std::string_view what) {
  const rapidjson::Value* v = Find(name, Presence::kOptional);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out.clear();
    return;
  }
  if (!v->IsArray()) return WrongType(name, "an array of strings", *v);
  std::vector<std::string> items;
  items.reserve(v->Size());
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const rapidjson::Value& item = (*v)[i];
    // Built only on the error path: this loop runs for every activity of a bulk ingest.
    auto field = [&] { return std::string(name) + "[" + std::to_string(i) + "]"; };
    if (!item.IsString()) return WrongType(field(), "a string", item);
    std::string_view text(item.GetString(), item.GetStringLength());
    if (text.empty()) return Fail("must not be empty", field());
    if (known != nullptr && !IsKnown(text, *known)) {
      return UnknownValue(field(), what, text, {known->begin(), known->end()});
    }
    items.emplace_back(text);
  }
  out = std::move(items);
}

void FieldReader::Id(std::string_view name, std::string& out, Presence presence,
                     const std::vector<std::string>& known, std::string_view what) {
  const rapidjson::Value* v = Find(name, presence);
  if (v == nullptr) return;
  if (v->IsNull()) {
    out.clear();
    return;
  }
  if (!v->IsString()) return WrongType(name, "a string", *v);
  std::string_view text(v->GetString(), v->GetStringLength());
  // An optional id may be sent as "" to mean "none".
  if (text.empty() && presence == Presence::kOptional) {
    out.clear();
    return;
  }
  if (!IsKnown(text, known)) return UnknownValue(name, what, text, {known.begin(), known.end()});
  out.assign(text);
}

}  // namespace buyalign::interop
