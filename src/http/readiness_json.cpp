#include "http/readiness_json.hpp"

#include <string_view>

#include "core/enum_names.hpp"
#include "core/time.hpp"
#include "domain/enums.hpp"

namespace buyalign::http {
namespace {

void Str(interop::JsonWriter& out, std::string_view s) {
  out.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Field(interop::JsonWriter& out, const char* key, std::string_view value) {
  out.Key(key);
  Str(out, value);
}

void Strings(interop::JsonWriter& out, const char* key, const std::vector<std::string>& list) {
  out.Key(key);
  out.StartArray();
  for (const std::string& s : list) Str(out, s);
  out.EndArray();
}

void Content(interop::JsonWriter& out, const std::vector<actions::ContentRef>& list) {
  out.Key("content");
  out.StartArray();
  for (const actions::ContentRef& c : list) {
    out.StartObject();
    Field(out, "id", c.id);
    Field(out, "title", c.title);
    Field(out, "url", c.url);
    out.EndObject();
  }
  out.EndArray();
}

void Member(const engine::MemberReadiness& m, interop::JsonWriter& out) {
  out.StartObject();
  Field(out, "contact_id", m.contact_id);
  Field(out, "role", core::EnumName(domain::kDmuRoleNames, m.role));
  out.Key("influence");
  out.Double(m.influence);
  Field(out, "stance", core::EnumName(domain::kStanceNames, m.stance));
  Field(out, "stage", m.stage);
  out.Key("confidence");
  out.Double(m.confidence);
  out.Key("distribution");
  out.StartObject();
  for (const engine::StageProbability& p : m.distribution) {
    out.Key(p.stage.c_str());
    out.Double(p.probability);
  }
  out.EndObject();
  out.Key("last_evidence_at");
  if (m.last_evidence_at) {
    Str(out, core::FormatTimestamp(*m.last_evidence_at));
  } else {
    out.Null();
  }
  out.Key("momentum");
  out.Double(m.momentum);
  out.EndObject();
}

template <class T, class WriteFn>
std::string Items(const std::vector<T>& items, WriteFn write) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  out.Key("items");
  out.StartArray();
  for (const T& item : items) write(item, out);
  out.EndArray();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

template <class T, class WriteFn>
std::string One(const T& item, WriteFn write) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  write(item, out);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

void WriteReadiness(const engine::OpportunityReadiness& r, interop::JsonWriter& out) {
  out.StartObject();
  Field(out, "opportunity_id", r.opportunity_id);
  Field(out, "as_of", core::FormatTimestamp(r.as_of));
  out.Key("readiness");
  out.StartObject();
  Field(out, "stage", r.readiness.stage);
  out.Key("confidence");
  out.Double(r.readiness.confidence);
  out.EndObject();
  out.Key("alignment");
  out.StartObject();
  out.Key("score");
  out.Double(r.alignment.score);
  Field(out, "leader", r.alignment.leader);
  Strings(out, "laggards", r.alignment.laggards);
  out.EndObject();
  out.Key("members");
  out.StartArray();
  for (const engine::MemberReadiness& m : r.members) Member(m, out);
  out.EndArray();
  out.Key("frictions");
  out.StartArray();
  for (const engine::Friction& f : r.frictions) {
    out.StartObject();
    Field(out, "kind", engine::kFrictionKindNames[static_cast<size_t>(f.kind)]);
    Field(out, "contact_id", f.contact_id);
    Field(out, "activity_id", f.activity_id);
    out.Key("severity");
    out.Double(f.severity);
    Field(out, "explanation", f.explanation);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

void WriteNextAction(const actions::NextAction& a, interop::JsonWriter& out) {
  out.StartObject();
  Field(out, "opportunity_id", a.opportunity_id);
  Field(out, "contact_id", a.contact_id);
  Field(out, "contact_name", a.contact_name);
  Field(out, "role", a.role);
  Field(out, "activity", a.activity);
  Field(out, "purpose", a.purpose);
  out.Key("reason");
  out.StartObject();
  Field(out, "stage", a.reason.stage);
  Field(out, "friction", a.reason.friction);
  Field(out, "explanation", a.reason.explanation);
  out.EndObject();
  Strings(out, "questions", a.questions);
  Strings(out, "talking_points", a.talking_points);
  Content(out, a.content);
  out.Key("score");
  out.Double(a.score);
  Field(out, "due", core::FormatDate(a.due));
  out.EndObject();
}

std::string ReadinessJson(const engine::OpportunityReadiness& r) { return One(r, WriteReadiness); }

std::string NextActionJson(const actions::NextAction& a) { return One(a, WriteNextAction); }

std::string ReadinessListJson(const std::vector<engine::OpportunityReadiness>& items) {
  return Items(items, WriteReadiness);
}

std::string NextActionListJson(const std::vector<actions::NextAction>& items) {
  return Items(items, WriteNextAction);
}

std::string CoverageJson(const actions::ContentCoverage& c) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  Strings(out, "stages", c.stages);
  Strings(out, "personas", c.personas);
  out.Key("counts");
  out.StartArray();
  for (const std::vector<int>& row : c.counts) {
    out.StartArray();
    for (int n : row) out.Int(n);
    out.EndArray();
  }
  out.EndArray();
  out.Key("gaps");
  out.StartArray();
  for (const actions::CoverageGap& g : c.gaps) {
    out.StartObject();
    Field(out, "stage", g.stage);
    Field(out, "persona", g.persona);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string ShowroomJson(const actions::ShowroomDecision& d) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  out.StartObject();
  Field(out, "decision", d.decision);
  Strings(out, "reasons", d.reasons);
  Strings(out, "prepare", d.prepare);
  Content(out, d.content);
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string InfluenceJson(const actions::ContentInfluence& i) {
  rapidjson::StringBuffer buffer;
  interop::JsonWriter out(buffer);
  auto group = [&](const char* key, const actions::GroupCount& g) {
    out.Key(key);
    out.StartObject();
    out.Key("n");
    out.Int(g.n);
    out.Key("moved_forward");
    out.Int(g.moved_forward);
    out.EndObject();
  };
  auto optional = [&](const char* key, const std::optional<double>& v) {
    out.Key(key);
    if (v) {
      out.Double(*v);
    } else {
      out.Null();
    }
  };
  out.StartObject();
  Field(out, "content_id", i.content_id);
  group("engaged", i.engaged);
  group("comparison", i.comparison);
  optional("rate", i.rate);
  optional("baseline_rate", i.baseline_rate);
  optional("lift", i.lift);
  Field(out, "verdict", actions::kInfluenceVerdictNames[static_cast<size_t>(i.verdict)]);
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace buyalign::http
