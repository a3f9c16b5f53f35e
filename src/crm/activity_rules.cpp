#include "crm/activity_rules.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "crm/text_util.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::crm {
namespace {

// The kinds that are meetings with the buyer: Salesforce events.
const std::set<std::string, std::less<>>& DefaultEvents() {
  static const std::set<std::string, std::less<>> events{
      "discovery_meeting",   "value_workshop",     "requirements_workshop", "demo",
      "negotiation_meeting", "onboarding_session", "business_review"};
  return events;
}

}  // namespace

const ActivityRules& ActivityRules::Default() {
  static const ActivityRules rules = [] {
    ActivityRules r;
    r.labels_ = {{"intro_call", "Intro call"},
                 {"discovery_meeting", "Discovery meeting"},
                 {"value_workshop", "Value workshop"},
                 {"requirements_workshop", "Requirements workshop"},
                 {"demo", "Demo"},
                 {"reference_call", "Reference call"},
                 {"proposal_sent", "Proposal sent"},
                 {"quote_sent", "Quote sent"},
                 {"negotiation_meeting", "Negotiation meeting"},
                 {"contract_sent", "Contract sent"},
                 {"onboarding_session", "Onboarding session"},
                 {"business_review", "Business review"},
                 {"follow_up", "Follow-up"},
                 {"admin", "Admin"}};
    r.subject_rules_ = {{"intro", "intro_call"},
                        {"discovery", "discovery_meeting"},
                        {"value workshop", "value_workshop"},
                        {"roi", "value_workshop"},
                        {"requirement", "requirements_workshop"},
                        {"demo", "demo"},
                        {"reference", "reference_call"},
                        {"proposal", "proposal_sent"},
                        {"quote", "quote_sent"},
                        {"pricing", "quote_sent"},
                        {"negotiat", "negotiation_meeting"},
                        {"contract", "contract_sent"},
                        {"onboarding", "onboarding_session"},
                        {"kick", "onboarding_session"},
                        {"business review", "business_review"},
                        {"qbr", "business_review"},
                        {"follow", "follow_up"},
                        {"internal", "admin"},
                        {"admin", "admin"}};
    r.type_rules_ = {
        {"demo", "demo"}, {"call", "follow_up"}, {"email", "follow_up"}, {"meeting", "follow_up"}};
    r.events_ = DefaultEvents();
    return r;
  }();
  return rules;
}

core::Result<ActivityRules> ActivityRules::Parse(std::string_view toml,
                                                 std::string_view source_name) {
  auto bad = [&](std::string what) {
    return core::Fail(core::Error::Invalid(std::string(source_name) + ": " + what));
  };
  toml::table root;
  try {
    root = toml::parse(toml, source_name);
  } catch (const toml::parse_error& e) {
    return bad("line " + std::to_string(e.source().begin.line) + ": " +
               std::string(e.description()));
  }
  const auto& methodology = methodology::Methodology::Default();
  ActivityRules rules;
  rules.fallback_ = root["fallback"].value_or(std::string("follow_up"));
  if (!methodology.IsActivityKind(rules.fallback_)) {
    return bad("fallback \"" + rules.fallback_ + "\" is not an activity kind");
  }
  if (const toml::table* labels = root["labels"].as_table()) {
    for (const auto& [kind, label] : *labels) {
      std::string kind_id(kind.str());
      if (!methodology.IsActivityKind(kind_id)) {
        return bad("labels: \"" + kind_id + "\" is not an activity kind");
      }
      auto text = label.value<std::string>();
      if (!text || text->empty()) return bad("labels." + kind_id + ": must be a text");
      rules.labels_[kind_id] = *text;
    }
  }
  rules.events_ = DefaultEvents();
  if (const toml::node* events = root.get("events")) {
    const toml::array* kinds = events->as_array();
    if (kinds == nullptr) return bad("events: must be a list of activity kinds");
    rules.events_.clear();
    for (const auto& entry : *kinds) {
      auto kind = entry.value<std::string>();
      if (!kind || !methodology.IsActivityKind(*kind)) {
        return bad("events: \"" + kind.value_or("?") + "\" is not an activity kind");
      }
      rules.events_.insert(*kind);
    }
  }
  for (auto [key, target] :
       {std::pair{"subject", &rules.subject_rules_}, std::pair{"type", &rules.type_rules_}}) {
    const toml::array* entries = root[key].as_array();
    if (entries == nullptr) continue;
    for (size_t i = 0; i < entries->size(); ++i) {
      std::string where = std::string(key) + " rule " + std::to_string(i + 1);
      const toml::table* entry = (*entries)[i].as_table();
      if (entry == nullptr) return bad(where + ": not a table");
      Rule rule{(*entry)["contains"].value_or(std::string()),
                (*entry)["kind"].value_or(std::string())};
      if (rule.contains.empty()) return bad(where + ": missing \"contains\"");
      if (!methodology.IsActivityKind(rule.kind)) {
        return bad(where + ": \"" + rule.kind + "\" is not an activity kind");
      }
      target->push_back(std::move(rule));
    }
  }
  return rules;
}

core::Result<ActivityRules> ActivityRules::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Fail(core::Error::NotFound(path.string() + ": cannot open the file"));
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path.filename().string());
}

ActivityRules::Match ActivityRules::Classify(std::string_view type,
                                             std::string_view subject) const {
  if (!type.empty()) {
    for (const auto& [kind, label] : labels_) {
      if (EqualsIgnoreCase(type, kind) || EqualsIgnoreCase(type, label)) return {kind, true};
    }
  }
  for (const auto& rule : subject_rules_) {
    if (ContainsIgnoreCase(subject, rule.contains)) return {rule.kind, true};
  }
  for (const auto& rule : type_rules_) {
    if (ContainsIgnoreCase(type, rule.contains)) return {rule.kind, true};
  }
  return {fallback_, false};
}

std::string ActivityRules::Label(std::string_view kind) const {
  auto it = labels_.find(kind);
  return it != labels_.end() ? it->second : std::string(kind);
}

}  // namespace buyalign::crm
