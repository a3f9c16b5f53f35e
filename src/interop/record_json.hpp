#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/result.hpp"
#include "domain/records.hpp"
#include "methodology/methodology.hpp"

// The JSON form of every record, shared by the JSON Lines interchange format and the HTTP API, so
// both speak exactly the same fields (../shared/spec/interchange.md).
namespace buyalign::interop {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// kFull: a whole record; missing required fields are errors. kPatch: only the fields present
// change the `base` record (an HTTP PATCH); present fields are validated the same way.
enum class DecodeMode { kFull, kPatch };

// Decoders read one JSON object. Errors are kInvalidArgument with `field` set to the offending
// field ("amount", "contact_ids[2]") and a message saying what was expected. Unknown fields are
// ignored. Enum values and methodology ids (stages, signal and activity kinds) are checked.
// `version` in the object, when present, is ignored: versions travel in If-Match, not in bodies.
core::Result<domain::Team> DecodeTeam(const rapidjson::Value& obj, DecodeMode mode,
                                      domain::Team base = {});
core::Result<domain::User> DecodeUser(const rapidjson::Value& obj, DecodeMode mode,
                                      domain::User base = {});
core::Result<domain::Account> DecodeAccount(const rapidjson::Value& obj, DecodeMode mode,
                                            domain::Account base = {});
core::Result<domain::Contact> DecodeContact(const rapidjson::Value& obj, DecodeMode mode,
                                            domain::Contact base = {});
core::Result<domain::Opportunity> DecodeOpportunity(const rapidjson::Value& obj, DecodeMode mode,
                                                    domain::Opportunity base = {});
core::Result<domain::DmuMember> DecodeDmuMember(const rapidjson::Value& obj, DecodeMode mode,
                                                domain::DmuMember base = {});
core::Result<domain::Signal> DecodeSignal(const rapidjson::Value& obj, DecodeMode mode,
                                          const methodology::Methodology& methodology,
                                          domain::Signal base = {});
core::Result<domain::Activity> DecodeActivity(const rapidjson::Value& obj, DecodeMode mode,
                                              const methodology::Methodology& methodology,
                                              domain::Activity base = {});
core::Result<domain::ContentItem> DecodeContent(const rapidjson::Value& obj, DecodeMode mode,
                                                const methodology::Methodology& methodology,
                                                domain::ContentItem base = {});
core::Result<domain::ContentShare> DecodeContentShare(const rapidjson::Value& obj,
                                                      DecodeMode mode,
                                                      domain::ContentShare base = {});
core::Result<domain::Outcome> DecodeOutcome(const rapidjson::Value& obj, DecodeMode mode,
                                            domain::Outcome base = {});
// A CRM's stage history entry (type "stage_change"; not in the interchange spec's example, but
// exported so that CRM-imported data survives an export -> ingest round trip).
core::Result<domain::StageChange> DecodeStageChange(const rapidjson::Value& obj, DecodeMode mode,
                                                    domain::StageChange base = {});

// Encoders write one JSON object. With `with_type` the object starts with the interchange "type"
// (JSON Lines); with `with_version` it carries "version" (HTTP API). Absent optional fields are
// omitted, so encode -> decode -> encode is stable.
struct EncodeOptions {
  bool with_type = false;
  bool with_version = false;
};
void Encode(const domain::Team& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::User& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::Account& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::Contact& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::Opportunity& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::DmuMember& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::Signal& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::Activity& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::ContentItem& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::ContentShare& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::Outcome& record, JsonWriter& out, EncodeOptions options);
void Encode(const domain::StageChange& record, JsonWriter& out, EncodeOptions options);

// A deterministic id for a signal or activity that arrived without one, derived from its
// content, so importing the same file twice updates instead of duplicating.
std::string DerivedSignalId(const domain::Signal& signal);
std::string DerivedActivityId(const domain::Activity& activity);

}  // namespace buyalign::interop
