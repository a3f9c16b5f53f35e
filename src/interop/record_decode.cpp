// The decoders of interop/record_json.hpp: one per record type, each a straight list of the
// fields of the interchange spec read through a FieldReader.
#include <limits>

#include "interop/field_reader.hpp"
#include "interop/record_json.hpp"

namespace buyalign::interop {
namespace {

using core::Result;
using domain::OpportunityStatus;
using Req = Presence;

constexpr double kNoMax = std::numeric_limits<double>::infinity();

// The checks every decoder starts with; false when `obj` is not an object (error recorded).
core::Result<void> ExpectObject(const rapidjson::Value& obj) {
  if (obj.IsObject()) return {};
  return core::Fail(
      core::Error::Invalid("expected a JSON object, got " + std::string(JsonTypeName(obj)), ""));
}

// Turns the reader's verdict into the decoder's result.
template <class T>
Result<T> Finish(FieldReader& reader, T&& record) {
  if (!reader.ok()) return core::Fail(reader.TakeError());
  return std::forward<T>(record);
}

}  // namespace

Result<domain::Team> DecodeTeam(const rapidjson::Value& obj, DecodeMode mode, domain::Team base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("id", base.id, Req::kRequired);
  r.Text("name", base.name, Req::kRequired);
  return Finish(r, std::move(base));
}

Result<domain::User> DecodeUser(const rapidjson::Value& obj, DecodeMode mode, domain::User base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("id", base.id, Req::kRequired);
  r.Text("name", base.name, Req::kRequired);
  r.Text("email", base.email, Req::kOptional);
  r.Enum("role", domain::kUserRoleNames, base.role, Req::kOptional);
  r.Text("team", base.team, Req::kOptional);
  return Finish(r, std::move(base));
}

Result<domain::Account> DecodeAccount(const rapidjson::Value& obj, DecodeMode mode,
                                      domain::Account base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("id", base.id, Req::kRequired);
  r.Text("name", base.name, Req::kRequired);
  r.Text("industry", base.industry, Req::kOptional);
  r.Integer("employees", base.employees, 0);
  r.Text("country", base.country, Req::kOptional);
  r.Text("segment", base.segment, Req::kOptional);
  return Finish(r, std::move(base));
}

Result<domain::Contact> DecodeContact(const rapidjson::Value& obj, DecodeMode mode,
                                      domain::Contact base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("id", base.id, Req::kRequired);
  r.Text("account_id", base.account_id, Req::kRequired);
  r.Text("name", base.name, Req::kRequired);
  r.Text("title", base.title, Req::kOptional);
  r.Text("email", base.email, Req::kOptional);
  r.Text("persona", base.persona, Req::kOptional);
  return Finish(r, std::move(base));
}

Result<domain::Opportunity> DecodeOpportunity(const rapidjson::Value& obj, DecodeMode mode,
                                              domain::Opportunity base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("id", base.id, Req::kRequired);
  r.Text("account_id", base.account_id, Req::kRequired);
  r.Text("name", base.name, Req::kRequired);
  r.Text("owner", base.owner, Req::kOptional);
  r.Number("amount", base.amount, 0, kNoMax);
  r.Text("currency", base.currency, Req::kOptional);
  r.Day("expected_close", base.expected_close);
  r.Enum("status", domain::kOpportunityStatusNames, base.status, Req::kRequired);
  r.Time("created_at", base.created_at);
  r.Text("crm_stage", base.crm_stage, Req::kOptional);
  return Finish(r, std::move(base));
}

Result<domain::DmuMember> DecodeDmuMember(const rapidjson::Value& obj, DecodeMode mode,
                                          domain::DmuMember base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("opportunity_id", base.opportunity_id, Req::kRequired);
  r.Text("contact_id", base.contact_id, Req::kRequired);
  r.Enum("role", domain::kDmuRoleNames, base.role, Req::kRequired);
  r.Number("influence", base.influence, 0, 1, Req::kOptional);
  r.Enum("stance", domain::kStanceNames, base.stance, Req::kOptional);
  return Finish(r, std::move(base));
}

Result<domain::Signal> DecodeSignal(const rapidjson::Value& obj, DecodeMode mode,
                                    const methodology::Methodology& methodology,
                                    domain::Signal base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("id", base.id, Req::kOptional);
  r.Text("opportunity_id", base.opportunity_id, Req::kRequired);
  r.Text("contact_id", base.contact_id, Req::kRequired);
  r.Id("kind", base.kind, Req::kRequired, methodology.signal_kinds(), "signal kind");
  r.Time("at", base.at, Req::kRequired);
  r.Enum("source", domain::kSignalSourceNames, base.source, Req::kOptional);
  r.Id("stage", base.stage, Req::kOptional, methodology.stages(), "stage");
  r.Text("content_id", base.content_id, Req::kOptional);
  r.Text("note", base.note, Req::kOptional);
  // Checked on the resulting record, so a patch cannot leave a stage assessment without a stage.
  if (r.ok() && base.kind == "stage_assessed" && base.stage.empty()) {
    r.Fail("required when kind is stage_assessed", "stage");
  }
  if (r.ok() && base.kind == "content_engaged" && base.content_id.empty()) {
    r.Fail("required when kind is content_engaged", "content_id");
  }
  return Finish(r, std::move(base));
}

Result<domain::Activity> DecodeActivity(const rapidjson::Value& obj, DecodeMode mode,
                                        const methodology::Methodology& methodology,
                                        domain::Activity base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("id", base.id, Req::kOptional);
  r.Text("opportunity_id", base.opportunity_id, Req::kRequired);
  r.TextList("contact_ids", base.contact_ids);
  r.Id("kind", base.kind, Req::kRequired, methodology.activity_kinds(), "activity kind");
  r.Time("at", base.at, Req::kRequired);
  r.Integer("duration_min", base.duration_min, 0);
  r.Text("owner", base.owner, Req::kOptional);
  r.Text("note", base.note, Req::kOptional);
  return Finish(r, std::move(base));
}

Result<domain::ContentItem> DecodeContent(const rapidjson::Value& obj, DecodeMode mode,
                                          const methodology::Methodology& methodology,
                                          domain::ContentItem base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("id", base.id, Req::kRequired);
  r.Text("title", base.title, Req::kRequired);
  r.Text("url", base.url, Req::kOptional);
  r.TextList("stages", base.stages, &methodology.stages(), "stage");
  r.TextList("personas", base.personas);
  r.TextList("segments", base.segments);
  r.Text("format", base.format, Req::kOptional);
  r.Boolean("retired", base.retired);
  return Finish(r, std::move(base));
}

Result<domain::ContentShare> DecodeContentShare(const rapidjson::Value& obj, DecodeMode mode,
                                                domain::ContentShare base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("content_id", base.content_id, Req::kRequired);
  r.Text("opportunity_id", base.opportunity_id, Req::kRequired);
  r.Text("contact_id", base.contact_id, Req::kRequired);
  r.Time("at", base.at, Req::kRequired);
  r.Boolean("engaged", base.engaged);
  return Finish(r, std::move(base));
}

Result<domain::Outcome> DecodeOutcome(const rapidjson::Value& obj, DecodeMode mode,
                                      domain::Outcome base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("opportunity_id", base.opportunity_id, Req::kRequired);
  r.Enum("status", domain::kOpportunityStatusNames, base.status, Req::kRequired);
  r.Time("at", base.at, Req::kRequired);
  r.Number("amount", base.amount, 0, kNoMax);
  r.Text("reason", base.reason, Req::kOptional);
  if (r.ok() && base.status == OpportunityStatus::kOpen) {
    r.Fail("an outcome is won or lost, got \"open\"", "status");
  }
  return Finish(r, std::move(base));
}

Result<domain::StageChange> DecodeStageChange(const rapidjson::Value& obj, DecodeMode mode,
                                              domain::StageChange base) {
  if (auto s = ExpectObject(obj); !s) return core::Fail(s.error());
  FieldReader r(obj, mode);
  r.Text("opportunity_id", base.opportunity_id, Req::kRequired);
  r.Text("stage", base.stage, Req::kRequired);  // the CRM's own stage name, not a buying stage
  r.Time("at", base.at, Req::kRequired);
  r.Number("amount", base.amount, 0, kNoMax);
  r.Number("probability", base.probability, 0, 1);
  return Finish(r, std::move(base));
}

}  // namespace buyalign::interop
