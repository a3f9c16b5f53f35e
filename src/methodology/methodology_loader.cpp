#include "methodology/methodology_loader.hpp"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>

#include <toml++/toml.h>

#include "core/enum_names.hpp"
#include "methodology/signal_likelihood.hpp"
#include "methodology/toml_reader.hpp"

// Unwraps a Result into `target`, or returns its error from the enclosing function.
#define BUYALIGN_ASSIGN(target, expr)                                          \
  do {                                                                         \
    auto assign_result_ = (expr);                                              \
    if (!assign_result_) return core::Fail(std::move(assign_result_.error())); \
    target = std::move(*assign_result_);                                       \
  } while (0)

#define BUYALIGN_CHECK(expr)                                                 \
  do {                                                                       \
    auto check_status_ = (expr);                                             \
    if (!check_status_) return core::Fail(std::move(check_status_.error())); \
  } while (0)

namespace buyalign::methodology {

// Fills a Methodology section by section; each step validates its part of the document.
class MethodologyBuilder {
 public:
  explicit MethodologyBuilder(const toml::table& root) : root_(root, "") {}

  core::Result<Methodology> Build() {
    BUYALIGN_CHECK(root_.OnlyKeys({"cycle", "stages", "dynamics", "sources", "signal_shape",
                                   "assessment", "signals", "activities", "frictions"}));
    BUYALIGN_CHECK(ReadStages());
    BUYALIGN_CHECK(ReadCycle());
    BUYALIGN_CHECK(ReadDynamics());
    BUYALIGN_CHECK(ReadSources());
    BUYALIGN_CHECK(ReadShapes());
    BUYALIGN_CHECK(ReadSignals());
    BUYALIGN_CHECK(ReadActivities());
    BUYALIGN_CHECK(ReadFrictions());
    DeriveTables();
    return std::move(m_);
  }

 private:
  int n() const { return static_cast<int>(m_.stages_.size()); }

  // The entries of an array of tables, e.g. [[stages]]; an error when absent and `required`.
  core::Result<std::vector<const toml::table*>> TableArray(std::string_view key, bool required) {
    std::vector<const toml::table*> out;
    const toml::node* node = root_.Get(key);
    if (node == nullptr) {
      if (required) return core::Fail(root_.Error(key, "missing"));
      return out;
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) return core::Fail(root_.Error(key, "must be an array of tables"));
    for (const toml::node& item : *array) {
      if (!item.is_table()) {
        return core::Fail(root_.Error(key, "every entry must be a table", &item));
      }
      out.push_back(item.as_table());
    }
    return out;
  }

  // The entry's `id`, unique among `seen`; its reader is keyed "<array>.<id>".
  core::Result<std::string> EntryId(std::string_view array, size_t index, const toml::table& t,
                                    const std::vector<std::string>& seen) {
    TableReader reader(t, std::string(array) + "[" + std::to_string(index) + "]");
    std::string id;
    BUYALIGN_ASSIGN(id, reader.Text("id", std::nullopt));
    if (id.empty()) return core::Fail(reader.Error("id", "must not be empty"));
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
      return core::Fail(reader.Error("id", "duplicate id \"" + id + "\""));
    }
    return id;
  }

  core::Result<int> StageOf(const TableReader& reader, std::string_view key,
                            const toml::node& node) {
    std::optional<std::string> id = node.value<std::string>();
    if (!node.is_string() || !id) {
      return core::Fail(reader.Error(key, "must be a stage id", &node));
    }
    std::optional<int> index = m_.StageIndex(*id);
    if (!index) return core::Fail(reader.Error(key, "unknown stage \"" + *id + "\"", &node));
    return *index;
  }

  // A list of stage ids, sorted and without repeats.
  core::Result<std::vector<int>> StageList(const TableReader& reader, std::string_view key) {
    std::vector<int> out;
    const toml::node* node = reader.Get(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr) return core::Fail(reader.Error(key, "must be a list of stage ids"));
    for (const toml::node& item : *array) {
      int stage = 0;
      BUYALIGN_ASSIGN(stage, StageOf(reader, key, item));
      out.push_back(stage);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  core::Status ReadStages() {
    std::vector<const toml::table*> tables;
    BUYALIGN_ASSIGN(tables, TableArray("stages", true));
    if (tables.size() < 2 || tables.size() > kMaxStages) {
      return core::Fail(root_.Error("stages", "a cycle has 2 to " + std::to_string(kMaxStages) +
                                                  " stages, not " + std::to_string(tables.size())));
    }
    double prior_sum = 0;
    for (size_t i = 0; i < tables.size(); ++i) {
      StageDefinition stage;
      BUYALIGN_ASSIGN(stage.id, EntryId("stages", i, *tables[i], m_.stages_));
      TableReader reader(*tables[i], "stages." + stage.id);
      BUYALIGN_CHECK(reader.OnlyKeys({"id", "phase", "question", "dwell_days", "prior"}));
      BUYALIGN_ASSIGN(stage.phase, reader.Text("phase", ""));
      BUYALIGN_ASSIGN(stage.question, reader.Text("question", ""));
      BUYALIGN_ASSIGN(stage.dwell_days, reader.Number("dwell_days", 21.0, 0, 3650, true));
      BUYALIGN_ASSIGN(stage.prior, reader.Number("prior", 1.0, 0, 1e6));
      prior_sum += stage.prior;
      m_.stages_.push_back(stage.id);
      m_.stage_definitions_.push_back(std::move(stage));
    }
    if (prior_sum <= 0) return core::Fail(root_.Error("stages", "some stage needs a prior > 0"));
    return {};
  }

  core::Status ReadCycle() {
    const toml::table* table = nullptr;
    BUYALIGN_ASSIGN(table, root_.Table("cycle"));
    TableReader cycle(*table, "cycle");
    BUYALIGN_CHECK(cycle.OnlyKeys({"purchase_stage", "restart"}));
    const toml::node* purchase = cycle.Get("purchase_stage");
    if (purchase == nullptr) return core::Fail(cycle.Error("purchase_stage", "missing"));
    BUYALIGN_ASSIGN(m_.purchase_stage_, StageOf(cycle, "purchase_stage", *purchase));

    const toml::table* restart = nullptr;
    BUYALIGN_ASSIGN(restart, cycle.Table("restart"));
    TableReader shares(*restart, "cycle.restart");
    double total = 0;
    for (const auto& [key, node] : *restart) {
      std::optional<int> stage = m_.StageIndex(key.str());
      if (!stage) {
        return core::Fail(
            shares.Error(key.str(), "unknown stage \"" + std::string(key.str()) + "\"", &node));
      }
      double share = 0;
      BUYALIGN_ASSIGN(share, shares.Number(key.str(), std::nullopt, 0, 1e6));
      m_.dynamics_.restart.emplace_back(*stage, share);
      total += share;
    }
    if (m_.dynamics_.restart.empty()) m_.dynamics_.restart.emplace_back(0, total = 1.0);
    if (total <= 0) return core::Fail(cycle.Error("restart", "some share must be > 0"));
    for (auto& [stage, share] : m_.dynamics_.restart) share /= total;
    return {};
  }

  core::Status ReadDynamics() {
    const toml::table* table = nullptr;
    BUYALIGN_ASSIGN(table, root_.Table("dynamics"));
    TableReader reader(*table, "dynamics");
    BUYALIGN_CHECK(reader.OnlyKeys({"backward_every_days", "max_back_stages",
                                    "backward_signal_share", "pace_factors", "horizon_days"}));
    Dynamics& d = m_.dynamics_;
    BUYALIGN_ASSIGN(d.backward_every_days,
                    reader.Number("backward_every_days", d.backward_every_days, 0, 1e6, true));
    int64_t max_back = 0;
    BUYALIGN_ASSIGN(max_back, reader.Integer("max_back_stages", d.max_back_stages, 0, n() - 1));
    d.max_back_stages = static_cast<int>(max_back);
    BUYALIGN_ASSIGN(d.backward_signal_share,
                    reader.Number("backward_signal_share", d.backward_signal_share, 0, 1));
    if (const toml::node* paces = reader.Get("pace_factors")) {
      const toml::array* array = paces->as_array();
      if (array == nullptr || array->empty()) {
        return core::Fail(reader.Error("pace_factors", "must be a non-empty list of numbers"));
      }
      d.pace_factors.clear();
      for (const toml::node& item : *array) {
        std::optional<double> v = item.value<double>();
        if (!item.is_number() || !v || *v <= 0 || *v > 100) {
          return core::Fail(
              reader.Error("pace_factors", "every factor must be a number > 0 and <= 100", &item));
        }
        d.pace_factors.push_back(*v);
      }
    }
    int64_t horizon = 0;
    BUYALIGN_ASSIGN(horizon, reader.Integer("horizon_days", d.horizon_days, 1, 3650));
    d.horizon_days = static_cast<int>(horizon);
    return {};
  }

  core::Status ReadSources() {
    const toml::table* table = nullptr;
    BUYALIGN_ASSIGN(table, root_.Table("sources"));
    TableReader reader(*table, "sources");
    BUYALIGN_CHECK(reader.OnlyKeys({"meeting", "email", "web", "rep_assessment", "content"}));
    constexpr std::array<double, 6> kDefaults{0, 0.85, 0.75, 0.5, 0.6, 0.5};
    for (size_t s = 1; s < domain::kSignalSourceNames.size(); ++s) {
      BUYALIGN_ASSIGN(m_.reliability_[s],
                      reader.Number(domain::kSignalSourceNames[s], kDefaults[s], 0, 1, true));
    }
    return {};
  }

  core::Status ReadShapes() {
    const toml::table* table = nullptr;
    BUYALIGN_ASSIGN(table, root_.Table("signal_shape"));
    TableReader shape(*table, "signal_shape");
    BUYALIGN_CHECK(shape.OnlyKeys({"spread", "floor", "also_weight"}));
    SignalShape& s = m_.signal_shape_;
    BUYALIGN_ASSIGN(s.spread, shape.Number("spread", s.spread, 0, n(), true));
    BUYALIGN_ASSIGN(s.floor, shape.Number("floor", s.floor, 0, 1, true));
    BUYALIGN_ASSIGN(s.also_weight, shape.Number("also_weight", s.also_weight, 0, 1));

    BUYALIGN_ASSIGN(table, root_.Table("assessment"));
    TableReader assessment(*table, "assessment");
    BUYALIGN_CHECK(
        assessment.OnlyKeys({"optimism_stages", "spread_behind", "spread_ahead", "floor"}));
    AssessmentShape& a = m_.assessment_;
    BUYALIGN_ASSIGN(a.optimism_stages,
                    assessment.Number("optimism_stages", a.optimism_stages, -n() / 2.0, n() / 2.0));
    BUYALIGN_ASSIGN(a.spread_behind,
                    assessment.Number("spread_behind", a.spread_behind, 0, n(), true));
    BUYALIGN_ASSIGN(a.spread_ahead,
                    assessment.Number("spread_ahead", a.spread_ahead, 0, n(), true));
    BUYALIGN_ASSIGN(a.floor, assessment.Number("floor", a.floor, 0, 1, true));
    return {};
  }

  core::Status ReadSignals() {
    std::vector<const toml::table*> tables;
    BUYALIGN_ASSIGN(tables, TableArray("signals", true));
    for (size_t i = 0; i < tables.size(); ++i) {
      SignalDefinition signal;
      BUYALIGN_ASSIGN(signal.id, EntryId("signals", i, *tables[i], m_.signal_kinds_));
      TableReader reader(*tables[i], "signals." + signal.id);
      BUYALIGN_CHECK(reader.OnlyKeys(
          {"id", "model", "main_stage", "also_stages", "source", "backward", "spread", "floor"}));
      std::string model;
      BUYALIGN_ASSIGN(model, reader.Text("model", "stage"));
      if (model == "stage") {
        signal.model = SignalModel::kStage;
      } else if (model == "assessment") {
        signal.model = SignalModel::kAssessment;
      } else if (model == "content") {
        signal.model = SignalModel::kContent;
      } else {
        return core::Fail(reader.Error(
            "model", "unknown model \"" + model + "\" (stage, assessment or content)"));
      }
      std::string source;
      BUYALIGN_ASSIGN(source, reader.Text("source", std::nullopt));
      std::optional<domain::SignalSource> parsed =
          core::ParseEnum<domain::SignalSource>(domain::kSignalSourceNames, source);
      if (!parsed || *parsed == domain::SignalSource::kUnspecified) {
        return core::Fail(reader.Error(
            "source",
            "unknown source \"" + source + "\" (meeting, email, web, rep_assessment or content)"));
      }
      signal.source = *parsed;
      BUYALIGN_ASSIGN(signal.backward, reader.Bool("backward", false));
      if (signal.model == SignalModel::kStage) {
        const toml::node* main = reader.Get("main_stage");
        if (main == nullptr) return core::Fail(reader.Error("main_stage", "missing"));
        BUYALIGN_ASSIGN(signal.main_stage, StageOf(reader, "main_stage", *main));
        BUYALIGN_ASSIGN(signal.also_stages, StageList(reader, "also_stages"));
        double spread = 0;
        double floor = 0;
        BUYALIGN_ASSIGN(spread, reader.Number("spread", m_.signal_shape_.spread, 0, n(), true));
        BUYALIGN_ASSIGN(floor, reader.Number("floor", m_.signal_shape_.floor, 0, 1, true));
        signal.likelihood = StageLikelihood(n(), signal.main_stage, signal.also_stages, spread,
                                            floor, m_.signal_shape_.also_weight);
      } else {
        for (std::string_view key : {"main_stage", "also_stages", "spread", "floor"}) {
          if (reader.Get(key) != nullptr) {
            return core::Fail(reader.Error(key, "only for signals of model \"stage\""));
          }
        }
      }
      m_.signal_kinds_.push_back(signal.id);
      m_.signals_.push_back(std::move(signal));
    }
    return {};
  }

  core::Status ReadActivities() {
    std::vector<const toml::table*> tables;
    BUYALIGN_ASSIGN(tables, TableArray("activities", true));
    for (size_t i = 0; i < tables.size(); ++i) {
      ActivityDefinition activity;
      BUYALIGN_ASSIGN(activity.id, EntryId("activities", i, *tables[i], m_.activity_kinds_));
      TableReader reader(*tables[i], "activities." + activity.id);
      BUYALIGN_CHECK(reader.OnlyKeys({"id", "fits", "selling_time"}));
      const toml::node* fits = reader.Get("fits");
      if (fits == nullptr) return core::Fail(reader.Error("fits", "missing"));
      if (fits->is_string()) {
        if (*fits->value<std::string>() != "any") {
          return core::Fail(reader.Error("fits", "must be \"any\" or a list of stage ids"));
        }
        activity.fits_any = true;
      } else {
        BUYALIGN_ASSIGN(activity.fits, StageList(reader, "fits"));
      }
      BUYALIGN_ASSIGN(activity.selling_time, reader.Bool("selling_time", true));
      m_.activity_kinds_.push_back(activity.id);
      m_.activities_.push_back(std::move(activity));
    }
    return {};
  }

  core::Status ReadFrictions() {
    const toml::table* table = nullptr;
    BUYALIGN_ASSIGN(table, root_.Table("frictions"));
    TableReader frictions(*table, "frictions");
    BUYALIGN_CHECK(
        frictions.OnlyKeys({"missing_role", "lagging_member", "high_influence_blocker",
                            "stale_member", "single_threaded", "backward_move", "seller_ahead",
                            "seller_behind", "stalled", "close_date_unrealistic"}));
    for (const auto& [key, node] : *table) {
      if (!node.is_table()) return core::Fail(frictions.Error(key.str(), "must be a table", &node));
    }
    FrictionThresholds& f = m_.frictions_;

    TableReader missing = Section(frictions, "missing_role");
    BUYALIGN_CHECK(missing.OnlyKeys({"required_roles"}));
    if (const toml::node* roles = missing.Get("required_roles")) {
      const toml::array* array = roles->as_array();
      if (array == nullptr) return core::Fail(missing.Error("required_roles", "must be a list"));
      f.required_roles.clear();
      for (const toml::node& item : *array) {
        std::optional<std::string> id = item.value<std::string>();
        std::optional<domain::DmuRole> role =
            id ? core::ParseEnum<domain::DmuRole>(domain::kDmuRoleNames, *id) : std::nullopt;
        if (!item.is_string() || !role) {
          return core::Fail(missing.Error("required_roles",
                                          "unknown role \"" + id.value_or("") + "\" (" +
                                              core::JoinNames(domain::kDmuRoleNames) + ")",
                                          &item));
        }
        f.required_roles.push_back(*role);
      }
    }

    TableReader lagging = Section(frictions, "lagging_member");
    BUYALIGN_CHECK(lagging.OnlyKeys({"min_stages", "min_influence", "min_probability"}));
    BUYALIGN_ASSIGN(f.lagging_min_stages, StageGap(lagging, "min_stages", f.lagging_min_stages));
    BUYALIGN_ASSIGN(f.lagging_min_influence,
                    lagging.Number("min_influence", f.lagging_min_influence, 0, 1));
    BUYALIGN_ASSIGN(f.lagging_min_probability,
                    lagging.Number("min_probability", f.lagging_min_probability, 0, 1, true));

    TableReader blocker = Section(frictions, "high_influence_blocker");
    BUYALIGN_CHECK(blocker.OnlyKeys({"min_influence"}));
    BUYALIGN_ASSIGN(f.blocker_min_influence,
                    blocker.Number("min_influence", f.blocker_min_influence, 0, 1));

    TableReader stale = Section(frictions, "stale_member");
    BUYALIGN_CHECK(stale.OnlyKeys({"after_days", "min_influence"}));
    BUYALIGN_ASSIGN(f.stale_after_days,
                    stale.Number("after_days", f.stale_after_days, 0, 3650, true));
    BUYALIGN_ASSIGN(f.stale_min_influence,
                    stale.Number("min_influence", f.stale_min_influence, 0, 1));

    TableReader single = Section(frictions, "single_threaded");
    BUYALIGN_CHECK(single.OnlyKeys({"window_days"}));
    BUYALIGN_ASSIGN(f.single_threaded_window_days,
                    single.Number("window_days", f.single_threaded_window_days, 0, 3650, true));

    TableReader backward = Section(frictions, "backward_move");
    BUYALIGN_CHECK(backward.OnlyKeys({"min_stages", "window_days"}));
    BUYALIGN_ASSIGN(f.backward_min_stages, StageGap(backward, "min_stages", f.backward_min_stages));
    BUYALIGN_ASSIGN(f.backward_window_days,
                    backward.Number("window_days", f.backward_window_days, 0, 3650, true));

    TableReader ahead = Section(frictions, "seller_ahead");
    BUYALIGN_CHECK(ahead.OnlyKeys({"min_stages", "min_probability", "window_days"}));
    BUYALIGN_ASSIGN(f.seller_ahead_min_stages,
                    StageGap(ahead, "min_stages", f.seller_ahead_min_stages));
    BUYALIGN_ASSIGN(f.seller_ahead_min_probability,
                    ahead.Number("min_probability", f.seller_ahead_min_probability, 0, 1, true));
    BUYALIGN_ASSIGN(f.seller_ahead_window_days,
                    ahead.Number("window_days", f.seller_ahead_window_days, 0, 3650, true));

    TableReader behind = Section(frictions, "seller_behind");
    BUYALIGN_CHECK(behind.OnlyKeys({"min_stages", "min_probability", "window_days"}));
    BUYALIGN_ASSIGN(f.seller_behind_min_stages,
                    StageGap(behind, "min_stages", f.seller_behind_min_stages));
    BUYALIGN_ASSIGN(f.seller_behind_min_probability,
                    behind.Number("min_probability", f.seller_behind_min_probability, 0, 1, true));
    BUYALIGN_ASSIGN(f.seller_behind_window_days,
                    behind.Number("window_days", f.seller_behind_window_days, 0, 3650, true));

    TableReader stalled = Section(frictions, "stalled");
    BUYALIGN_CHECK(stalled.OnlyKeys({"dwell_factor"}));
    BUYALIGN_ASSIGN(f.stalled_dwell_factor,
                    stalled.Number("dwell_factor", f.stalled_dwell_factor, 0, 100, true));

    TableReader close = Section(frictions, "close_date_unrealistic");
    BUYALIGN_CHECK(close.OnlyKeys({"min_ratio"}));
    BUYALIGN_ASSIGN(f.close_date_min_ratio,
                    close.Number("min_ratio", f.close_date_min_ratio, 0, 10, true));
    return {};
  }

  // frictions.<name> (checked to be a table by the caller), or an empty table when absent.
  TableReader Section(const TableReader& parent, std::string_view name) {
    static const toml::table kEmpty;
    const toml::node* node = parent.Get(name);
    const toml::table* table = node != nullptr ? node->as_table() : nullptr;
    return TableReader(table != nullptr ? *table : kEmpty, parent.Key(name));
  }

  core::Result<int> StageGap(const TableReader& reader, std::string_view key, int fallback) {
    int64_t value = 0;
    BUYALIGN_ASSIGN(value, reader.Integer(key, fallback, 1, n() / 2));
    return static_cast<int>(value);
  }

  void DeriveTables() {
    for (int s = 0; s < n(); ++s) {
      m_.assessment_likelihood_.push_back(AssessmentLikelihood(n(), s, m_.assessment_));
      m_.content_kernel_.push_back(
          StageLikelihood(n(), s, {}, m_.signal_shape_.spread, m_.signal_shape_.floor, 0));
    }
  }

  TableReader root_;
  Methodology m_;
};

core::Result<Methodology> ParseMethodology(std::string_view toml_text,
                                           std::string_view source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    core::Error error = core::Error::Invalid(std::string(source_name) + " line " +
                                             std::to_string(e.source().begin.line) + ": " +
                                             std::string(e.description()));
    error.line = e.source().begin.line;
    return core::Fail(std::move(error));
  }
  return MethodologyBuilder(root).Build();
}

core::Result<Methodology> LoadMethodology(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Fail(core::Error::Invalid("cannot read methodology file " + path));
  std::ostringstream text;
  text << in.rdbuf();
  return ParseMethodology(text.str(), path);
}

}  // namespace buyalign::methodology
