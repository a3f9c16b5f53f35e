#include "actions/rule_loader.hpp"

#include <algorithm>

#include "actions/config_lists.hpp"
#include "actions/result_macros.hpp"
#include "core/enum_names.hpp"
#include "engine/opportunity_readiness.hpp"
#include "methodology/toml_reader.hpp"

namespace buyalign::actions {
namespace {

using methodology::TableReader;

// "on": a friction kind or one of the other trigger names.
core::Status ReadTrigger(const TableReader& r, const methodology::Methodology& m,
                         PlaybookRule& rule) {
  std::string on;
  ACTIONS_ASSIGN(on, r.Text("on", std::nullopt));
  if (auto friction = core::ParseEnum<engine::FrictionKind>(engine::kFrictionKindNames, on)) {
    rule.trigger = TriggerKind::kFriction;
    rule.friction = static_cast<int>(*friction);
    rule.reason = on;  // the default of `reason`
  } else if (on == "signal") {
    rule.trigger = TriggerKind::kSignal;
    ACTIONS_ASSIGN(rule.signal, r.Text("signal", std::nullopt));
    ACTIONS_CHECK(config::CheckSignals(r, "signal", {rule.signal}, m));
    ACTIONS_ASSIGN(rule.within_days, r.Number("within_days", rule.within_days, 0, 3650, true));
  } else if (on == "hand_offs") {
    rule.trigger = TriggerKind::kHandOffs;
    int64_t value = 0;
    ACTIONS_ASSIGN(value, r.Integer("min_contacts", rule.min_contacts, 2, 100));
    rule.min_contacts = static_cast<int>(value);
    ACTIONS_ASSIGN(value, r.Integer("max_signals_each", rule.max_signals_each, 0, 1000));
    rule.max_signals_each = static_cast<int>(value);
    ACTIONS_ASSIGN(rule.chain_activities, config::Strings(r, "chain_activities"));
    if (rule.chain_activities.empty()) {
      return core::Fail(r.Error("chain_activities", "must name at least one activity"));
    }
    ACTIONS_CHECK(config::CheckActivities(r, "chain_activities", rule.chain_activities, m));
  } else if (on == "stage") {
    rule.trigger = TriggerKind::kStage;
  } else {
    return core::Fail(r.Error("on", "unknown trigger \"" + on + "\"; use a friction kind (" +
                                        core::JoinNames(engine::kFrictionKindNames) +
                                        "), signal, hand_offs or stage"));
  }
  // Trigger parameters on the wrong trigger are a typo waiting to mislead.
  struct Owned {
    std::string_view key;
    TriggerKind trigger;
    std::string_view on;
  };
  for (const Owned& o : {Owned{"signal", TriggerKind::kSignal, "signal"},
                         Owned{"within_days", TriggerKind::kSignal, "signal"},
                         Owned{"min_contacts", TriggerKind::kHandOffs, "hand_offs"},
                         Owned{"max_signals_each", TriggerKind::kHandOffs, "hand_offs"},
                         Owned{"chain_activities", TriggerKind::kHandOffs, "hand_offs"}}) {
    if (rule.trigger != o.trigger && r.Get(o.key) != nullptr) {
      return core::Fail(r.Error(o.key, "only applies to on = \"" + std::string(o.on) + "\""));
    }
  }
  return {};
}

core::Status ReadFilters(const TableReader& r, const methodology::Methodology& m,
                         PlaybookRule& rule) {
  std::vector<int> stages;
  ACTIONS_ASSIGN(stages, config::Stages(r, "stages", m));
  if (r.Get("stages") != nullptr) {
    if (stages.size() != 2 || stages[0] > stages[1]) {
      return core::Fail(r.Error("stages", "must be [from, to], two stage ids in cycle order"));
    }
    rule.stages = std::pair{stages[0], stages[1]};
  }
  ACTIONS_ASSIGN(rule.roles, config::Roles(r, "roles"));
  ACTIONS_ASSIGN(rule.personas, config::Strings(r, "personas"));
  ACTIONS_ASSIGN(rule.stances, config::Stances(r, "stances"));
  ACTIONS_ASSIGN(rule.unless_activity, config::Strings(r, "unless_activity"));
  ACTIONS_CHECK(config::CheckActivities(r, "unless_activity", rule.unless_activity, m));
  ACTIONS_ASSIGN(rule.unless_mention, config::Strings(r, "unless_mention"));
  for (std::string& word : rule.unless_mention) {
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  ACTIONS_ASSIGN(rule.unless_roles, config::Roles(r, "unless_roles"));
  return {};
}

core::Status ReadAction(const TableReader& r, const methodology::Methodology& m,
                        PlaybookRule& rule) {
  std::string reason;
  ACTIONS_ASSIGN(reason, r.Text("reason", rule.reason));
  if (reason.empty() && rule.trigger != TriggerKind::kStage) {
    return core::Fail(r.Error("reason", "missing: name the situation the rule answers"));
  }
  rule.reason = std::move(reason);
  ACTIONS_ASSIGN(rule.severity, r.Number("severity", rule.severity, 0, 1));
  ACTIONS_ASSIGN(rule.explanation, r.Text("explanation", ""));
  if (rule.explanation.empty() && rule.trigger != TriggerKind::kFriction) {
    return core::Fail(r.Error("explanation",
                              "missing: only friction rules may take the "
                              "engine's explanation"));
  }
  std::string target;
  ACTIONS_ASSIGN(target, r.Text("target", "subject"));
  std::optional<TargetKind> kind = core::ParseEnum<TargetKind>(kTargetKindNames, target);
  if (!kind) {
    return core::Fail(r.Error(
        "target", "unknown target \"" + target + "\"; use " + core::JoinNames(kTargetKindNames)));
  }
  rule.target = *kind;
  ACTIONS_ASSIGN(rule.activity, r.Text("activity", std::nullopt));
  if (rule.activity != kFittingActivity) {
    ACTIONS_CHECK(config::CheckActivities(r, "activity", {rule.activity}, m));
  }
  ACTIONS_ASSIGN(rule.purpose, r.Text("purpose", std::nullopt));
  ACTIONS_ASSIGN(rule.questions, config::Strings(r, "questions"));
  if (rule.questions.size() < 2 || rule.questions.size() > 4) {
    return core::Fail(r.Error(
        "questions", "a rule asks 2 to 4 questions, not " + std::to_string(rule.questions.size())));
  }
  for (const std::string& q : rule.questions) {
    // "{question}" is the stage's own buyer question, which is a question by construction.
    if (q != "{question}" && (q.empty() || q.back() != '?')) {
      return core::Fail(r.Error("questions", "\"" + q +
                                                 "\" is not a question: ask, do not pitch "
                                                 "(end with \"?\")"));
    }
  }
  ACTIONS_ASSIGN(rule.talking_points, config::Strings(r, "talking_points"));
  if (r.Get("content_stage") != nullptr) {
    int stage = 0;
    ACTIONS_ASSIGN(stage, config::Stage(r, "content_stage", m));
    rule.content_stage = stage;
  }
  ACTIONS_ASSIGN(rule.content_format, r.Text("content_format", ""));
  int64_t due = 0;
  ACTIONS_ASSIGN(due, r.Integer("due_days", rule.due_days, 0, 365));
  rule.due_days = static_cast<int>(due);
  return {};
}

}  // namespace

core::Result<PlaybookRule> ReadRule(const toml::table& table, size_t index,
                                    const methodology::Methodology& m) {
  PlaybookRule rule;
  TableReader unnamed(table, "rules[" + std::to_string(index) + "]");
  ACTIONS_ASSIGN(rule.id, unnamed.Text("id", std::nullopt));
  if (rule.id.empty()) return core::Fail(unnamed.Error("id", "must not be empty"));
  TableReader r(table, "rules." + rule.id);
  ACTIONS_CHECK(r.OnlyKeys({"id",
                            "on",
                            "signal",
                            "within_days",
                            "min_contacts",
                            "max_signals_each",
                            "chain_activities",
                            "stages",
                            "roles",
                            "personas",
                            "stances",
                            "unless_activity",
                            "unless_mention",
                            "unless_roles",
                            "reason",
                            "severity",
                            "explanation",
                            "target",
                            "activity",
                            "purpose",
                            "questions",
                            "talking_points",
                            "content_stage",
                            "content_format",
                            "due_days"}));
  ACTIONS_CHECK(ReadTrigger(r, m, rule));
  ACTIONS_CHECK(ReadFilters(r, m, rule));
  ACTIONS_CHECK(ReadAction(r, m, rule));
  return rule;
}

}  // namespace buyalign::actions
