#include "actions/playbook_loader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <toml++/toml.h>

#include "actions/config_lists.hpp"
#include "actions/result_macros.hpp"
#include "actions/rule_loader.hpp"
#include "methodology/toml_reader.hpp"

namespace buyalign::actions {
namespace {

using methodology::TableReader;

core::Status ReadRanking(const TableReader& root, RankingParams& p) {
  const toml::table* table = nullptr;
  ACTIONS_ASSIGN(table, root.Table("ranking"));
  const TableReader r(*table, "ranking");
  ACTIONS_CHECK(
      r.OnlyKeys({"max_per_opportunity", "max_content", "influence_floor", "distance_weight",
                  "urgency_weight", "urgency_horizon_days", "staleness_weight", "staleness_days"}));
  int64_t count = 0;
  ACTIONS_ASSIGN(count, r.Integer("max_per_opportunity", p.max_per_opportunity, 1, 100));
  p.max_per_opportunity = static_cast<int>(count);
  ACTIONS_ASSIGN(count, r.Integer("max_content", p.max_content, 0, 10));
  p.max_content = static_cast<int>(count);
  ACTIONS_ASSIGN(p.influence_floor, r.Number("influence_floor", p.influence_floor, 0, 1));
  ACTIONS_ASSIGN(p.distance_weight, r.Number("distance_weight", p.distance_weight, 0, 10));
  ACTIONS_ASSIGN(p.urgency_weight, r.Number("urgency_weight", p.urgency_weight, 0, 10));
  ACTIONS_ASSIGN(p.urgency_horizon_days,
                 r.Number("urgency_horizon_days", p.urgency_horizon_days, 0, 3650, true));
  ACTIONS_ASSIGN(p.staleness_weight, r.Number("staleness_weight", p.staleness_weight, 0, 10));
  ACTIONS_ASSIGN(p.staleness_days, r.Number("staleness_days", p.staleness_days, 0, 3650, true));
  return {};
}

core::Status ReadInfluence(const TableReader& root, InfluenceParams& p) {
  const toml::table* table = nullptr;
  ACTIONS_ASSIGN(table, root.Table("content"));
  const TableReader r(*table, "content");
  ACTIONS_CHECK(r.OnlyKeys({"influence_window_days", "min_sample", "min_z"}));
  int64_t value = 0;
  ACTIONS_ASSIGN(value, r.Integer("influence_window_days", p.window_days, 1, 365));
  p.window_days = static_cast<int>(value);
  ACTIONS_ASSIGN(value, r.Integer("min_sample", p.min_sample, 1, 1000000));
  p.min_sample = static_cast<int>(value);
  ACTIONS_ASSIGN(p.min_z, r.Number("min_z", p.min_z, 0, 10));
  return {};
}

core::Status ReadShowroom(const TableReader& root, const methodology::Methodology& m,
                          ShowroomParams& p) {
  const toml::table* table = nullptr;
  ACTIONS_ASSIGN(table, root.Table("showroom"));
  const TableReader r(*table, "showroom");
  ACTIONS_CHECK(
      r.OnlyKeys({"decision_roles", "quote_min_stage", "min_confidence", "must_be_evidenced",
                  "comparing_stages", "comparing_signals", "comparing_window_days"}));
  if (r.Get("decision_roles") != nullptr) {
    ACTIONS_ASSIGN(p.decision_roles, config::Roles(r, "decision_roles"));
    if (p.decision_roles.empty()) {
      return core::Fail(r.Error("decision_roles", "must name at least one role"));
    }
  }
  if (r.Get("quote_min_stage") != nullptr) {
    ACTIONS_ASSIGN(p.quote_min_stage, config::Stage(r, "quote_min_stage", m));
  }
  p.quote_min_stage = std::min(p.quote_min_stage, m.stage_count() - 1);
  ACTIONS_ASSIGN(p.min_confidence, r.Number("min_confidence", p.min_confidence, 0, 1));
  ACTIONS_ASSIGN(p.must_be_evidenced, config::Stages(r, "must_be_evidenced", m));
  ACTIONS_ASSIGN(p.comparing_stages, config::Stages(r, "comparing_stages", m));
  ACTIONS_ASSIGN(p.comparing_signals, config::Strings(r, "comparing_signals"));
  ACTIONS_CHECK(config::CheckSignals(r, "comparing_signals", p.comparing_signals, m));
  ACTIONS_ASSIGN(p.comparing_window_days,
                 r.Number("comparing_window_days", p.comparing_window_days, 0, 3650, true));
  return {};
}

core::Status ReadRules(const TableReader& root, const methodology::Methodology& m,
                       std::vector<PlaybookRule>& rules) {
  const toml::node* node = root.Get("rules");
  if (node == nullptr) return core::Fail(root.Error("rules", "missing"));
  const toml::array* array = node->as_array();
  if (array == nullptr || array->empty()) {
    return core::Fail(root.Error("rules", "must be a non-empty array of tables ([[rules]])"));
  }
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    if (!item.is_table()) return core::Fail(root.Error("rules", "every entry must be a table"));
    PlaybookRule rule;
    ACTIONS_ASSIGN(rule, ReadRule(*item.as_table(), i, m));
    const bool duplicate = std::any_of(rules.begin(), rules.end(),
                                       [&](const PlaybookRule& r) { return r.id == rule.id; });
    if (duplicate) {
      return core::Fail(methodology::KeyError("rules." + rule.id + ".id",
                                              "duplicate id \"" + rule.id + "\"", &item));
    }
    rules.push_back(std::move(rule));
  }
  return {};
}

}  // namespace

core::Result<Playbook> ParsePlaybook(std::string_view toml_text,
                                     const methodology::Methodology& methodology,
                                     std::string_view source_name) {
  toml::table table;
  try {
    table = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    core::Error error = core::Error::Invalid(std::string(source_name) + " line " +
                                             std::to_string(e.source().begin.line) + ": " +
                                             std::string(e.description()));
    error.line = e.source().begin.line;
    return core::Fail(std::move(error));
  }
  const TableReader root(table, "");
  ACTIONS_CHECK(root.OnlyKeys({"ranking", "content", "showroom", "rules"}));
  Playbook playbook;
  ACTIONS_CHECK(ReadRanking(root, playbook.ranking));
  ACTIONS_CHECK(ReadInfluence(root, playbook.influence));
  ACTIONS_CHECK(ReadShowroom(root, methodology, playbook.showroom));
  ACTIONS_CHECK(ReadRules(root, methodology, playbook.rules));
  return playbook;
}

core::Result<Playbook> LoadPlaybook(const std::string& path,
                                    const methodology::Methodology& methodology) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Fail(core::Error::Invalid("cannot read playbook file " + path));
  std::ostringstream text;
  text << in.rdbuf();
  return ParsePlaybook(text.str(), methodology, path);
}

const Playbook& DefaultPlaybook() {
  static const Playbook kDefault = [] {
    core::Result<Playbook> parsed = ParsePlaybook(
        DefaultPlaybookToml(), methodology::Methodology::Default(), "configs/playbook.toml");
    // The text is compiled in and covered by tests: failing here is a build defect.
    if (!parsed) throw std::runtime_error("built-in playbook: " + parsed.error().message);
    return std::move(*parsed);
  }();
  return kDefault;
}

}  // namespace buyalign::actions
