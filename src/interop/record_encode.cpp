// The encoders of interop/record_json.hpp. Fields come in the order of the interchange spec's
// examples; absent optional fields (empty text, empty optional, empty list) are left out, so an
// encoded record decodes back to itself.
#include <cmath>

#include "interop/record_json.hpp"

namespace buyalign::interop {
namespace {

using rapidjson::SizeType;

// Writes a key from a string literal without measuring it at run time.
template <size_t N>
void Key(JsonWriter& out, const char (&name)[N]) {
  out.Key(name, static_cast<SizeType>(N - 1));
}

template <size_t N>
void Text(JsonWriter& out, const char (&name)[N], std::string_view value) {
  if (value.empty()) return;
  Key(out, name);
  out.String(value.data(), static_cast<SizeType>(value.size()));
}

template <size_t N, class E, size_t M>
void Enum(JsonWriter& out, const char (&name)[N], const std::array<std::string_view, M>& names,
          E value) {
  Text(out, name, core::EnumName(names, value));
}

template <size_t N>
void Number(JsonWriter& out, const char (&name)[N], double value) {
  Key(out, name);
  // A whole amount reads as 48000, not 48000.0, as people write it; 2^53 keeps it exact.
  if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0) {
    out.Int64(static_cast<int64_t>(value));
  } else {
    out.Double(value);
  }
}

template <size_t N>
void Time(JsonWriter& out, const char (&name)[N], core::Timestamp value) {
  Text(out, name, core::FormatTimestamp(value));
}

template <size_t N>
void TextList(JsonWriter& out, const char (&name)[N], const std::vector<std::string>& values) {
  if (values.empty()) return;
  Key(out, name);
  out.StartArray();
  for (const auto& v : values) out.String(v.data(), static_cast<SizeType>(v.size()));
  out.EndArray();
}

// Opens the object with "type" when asked: a JSON Lines reader dispatches on it first.
template <size_t N>
void Begin(JsonWriter& out, const char (&type)[N], EncodeOptions options) {
  out.StartObject();
  if (options.with_type) Text(out, "type", type);
}

void End(JsonWriter& out, int64_t version, EncodeOptions options) {
  if (options.with_version) {
    Key(out, "version");
    out.Int64(version);
  }
  out.EndObject();
}

}  // namespace

void Encode(const domain::Team& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "team", options);
  Text(out, "id", record.id);
  Text(out, "name", record.name);
  End(out, record.version, options);
}

void Encode(const domain::User& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "user", options);
  Text(out, "id", record.id);
  Text(out, "name", record.name);
  Text(out, "email", record.email);
  Enum(out, "role", domain::kUserRoleNames, record.role);
  Text(out, "team", record.team);
  End(out, record.version, options);
}

void Encode(const domain::Account& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "account", options);
  Text(out, "id", record.id);
  Text(out, "name", record.name);
  Text(out, "industry", record.industry);
  if (record.employees) {
    Key(out, "employees");
    out.Int64(*record.employees);
  }
  Text(out, "country", record.country);
  Text(out, "segment", record.segment);
  End(out, record.version, options);
}

void Encode(const domain::Contact& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "contact", options);
  Text(out, "id", record.id);
  Text(out, "account_id", record.account_id);
  Text(out, "name", record.name);
  Text(out, "title", record.title);
  Text(out, "email", record.email);
  Text(out, "persona", record.persona);
  End(out, record.version, options);
}

void Encode(const domain::Opportunity& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "opportunity", options);
  Text(out, "id", record.id);
  Text(out, "account_id", record.account_id);
  Text(out, "name", record.name);
  Text(out, "owner", record.owner);
  if (record.amount) Number(out, "amount", *record.amount);
  Text(out, "currency", record.currency);
  if (record.expected_close) Text(out, "expected_close", core::FormatDate(*record.expected_close));
  Enum(out, "status", domain::kOpportunityStatusNames, record.status);
  if (record.created_at) Time(out, "created_at", *record.created_at);
  Text(out, "crm_stage", record.crm_stage);
  End(out, record.version, options);
}

void Encode(const domain::DmuMember& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "dmu_member", options);
  Text(out, "opportunity_id", record.opportunity_id);
  Text(out, "contact_id", record.contact_id);
  Enum(out, "role", domain::kDmuRoleNames, record.role);
  Number(out, "influence", record.influence);
  Enum(out, "stance", domain::kStanceNames, record.stance);
  End(out, record.version, options);
}

void Encode(const domain::Signal& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "signal", options);
  Text(out, "id", record.id);
  Text(out, "opportunity_id", record.opportunity_id);
  Text(out, "contact_id", record.contact_id);
  Text(out, "kind", record.kind);
  Text(out, "stage", record.stage);
  Text(out, "content_id", record.content_id);
  Time(out, "at", record.at);
  Enum(out, "source", domain::kSignalSourceNames, record.source);  // "" when unspecified
  Text(out, "note", record.note);
  End(out, record.version, options);
}

void Encode(const domain::Activity& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "activity", options);
  Text(out, "id", record.id);
  Text(out, "opportunity_id", record.opportunity_id);
  TextList(out, "contact_ids", record.contact_ids);
  Text(out, "kind", record.kind);
  Time(out, "at", record.at);
  if (record.duration_min) {
    Key(out, "duration_min");
    out.Int64(*record.duration_min);
  }
  Text(out, "owner", record.owner);
  Text(out, "note", record.note);
  End(out, record.version, options);
}

void Encode(const domain::ContentItem& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "content", options);
  Text(out, "id", record.id);
  Text(out, "title", record.title);
  Text(out, "url", record.url);
  TextList(out, "stages", record.stages);
  TextList(out, "personas", record.personas);
  TextList(out, "segments", record.segments);
  Text(out, "format", record.format);
  if (record.retired) {
    Key(out, "retired");
    out.Bool(true);
  }
  End(out, record.version, options);
}

void Encode(const domain::ContentShare& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "content_share", options);
  Text(out, "content_id", record.content_id);
  Text(out, "opportunity_id", record.opportunity_id);
  Text(out, "contact_id", record.contact_id);
  Time(out, "at", record.at);
  Key(out, "engaged");
  out.Bool(record.engaged);
  End(out, record.version, options);
}

void Encode(const domain::Outcome& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "outcome", options);
  Text(out, "opportunity_id", record.opportunity_id);
  Enum(out, "status", domain::kOpportunityStatusNames, record.status);
  Time(out, "at", record.at);
  if (record.amount) Number(out, "amount", *record.amount);
  Text(out, "reason", record.reason);
  End(out, record.version, options);
}

void Encode(const domain::StageChange& record, JsonWriter& out, EncodeOptions options) {
  Begin(out, "stage_change", options);
  Text(out, "opportunity_id", record.opportunity_id);
  Text(out, "stage", record.stage);
  Time(out, "at", record.at);
  if (record.amount) Number(out, "amount", *record.amount);
  if (record.probability) Number(out, "probability", *record.probability);
  End(out, record.version, options);
}

}  // namespace buyalign::interop
