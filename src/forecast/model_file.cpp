#include "forecast/model_file.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <sstream>

namespace buyalign::forecast {
namespace {

using core::Error;
using core::Fail;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
using Json = rapidjson::Value;

constexpr std::string_view kFormat = "buyalign-win-model";
constexpr int kVersion = 1;

void Key(Writer& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}
void String(Writer& w, std::string_view text) {
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}
void Doubles(Writer& w, const std::vector<double>& values) {
  w.StartArray();
  for (double v : values) w.Double(v);
  w.EndArray();
}

void WriteCalibrator(Writer& w, const Calibrator& c) {
  w.StartObject();
  Key(w, "method");
  String(w, CalibrationMethodName(c.method()));
  if (c.method() == CalibrationMethod::kPlatt) {
    Key(w, "a");
    w.Double(c.platt_a());
    Key(w, "b");
    w.Double(c.platt_b());
  } else if (c.method() == CalibrationMethod::kIsotonic) {
    Key(w, "x");
    Doubles(w, c.isotonic_x());
    Key(w, "y");
    Doubles(w, c.isotonic_y());
  }
  w.EndObject();
}

void WriteColumn(Writer& w, const ColumnPlan& plan) {
  w.StartObject();
  Key(w, "name");
  String(w, plan.name);
  Key(w, "kind");
  String(w, ColumnKindName(plan.kind));
  if (plan.kind == ColumnKind::kCategory) {
    const CategoryEncoder& e = plan.encoder;
    Key(w, "encoding");
    String(w, e.one_hot() ? "one_hot" : "win_rate");
    Key(w, "levels");
    w.StartArray();
    if (e.one_hot()) {
      for (const std::string& level : e.one_hot_levels()) String(w, level);
    } else {
      // Sorted so the same model always writes the same bytes.
      std::vector<std::pair<std::string, CategoryEncoder::LevelStats>> levels(e.stats().begin(),
                                                                              e.stats().end());
      std::sort(levels.begin(), levels.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [level, stats] : levels) {
        w.StartArray();
        String(w, level);
        w.Double(stats.count);
        w.Double(stats.positives);
        w.EndArray();
      }
    }
    w.EndArray();
    if (!e.one_hot()) {
      Key(w, "rows");
      w.Double(e.rows());
      Key(w, "prior");
      w.Double(e.prior());
      Key(w, "smoothing");
      w.Double(e.smoothing());
    }
  }
  w.EndObject();
}

void WriteSummary(Writer& w, const TrainSummary& s) {
  w.StartObject();
  Key(w, "rows");
  w.Uint64(s.rows);
  Key(w, "train_rows");
  w.Uint64(s.train_rows);
  Key(w, "holdout_rows");
  w.Uint64(s.holdout_rows);
  Key(w, "features");
  w.Uint64(s.features);
  Key(w, "seconds");
  w.Double(s.seconds);
  w.EndObject();
}

// Field access with errors that name the path.
class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  Error Bad(std::string_view path, std::string_view what) const {
    return Error::Invalid("model file " + std::string(source_) + ": " + std::string(path) + ": " +
                          std::string(what));
  }
  core::Result<const Json*> Member(const Json& object, const char* name, std::string_view path) {
    if (!object.IsObject() || !object.HasMember(name)) return Fail(Bad(path, "missing"));
    return &object[name];
  }
  core::Result<std::string> Text(const Json& object, const char* name, std::string_view path) {
    auto v = Member(object, name, path);
    if (!v) return Fail(v.error());
    if (!(*v)->IsString()) return Fail(Bad(path, "must be a string"));
    return std::string((*v)->GetString(), (*v)->GetStringLength());
  }
  core::Result<double> Number(const Json& object, const char* name, std::string_view path) {
    auto v = Member(object, name, path);
    if (!v) return Fail(v.error());
    if (!(*v)->IsNumber()) return Fail(Bad(path, "must be a number"));
    return (*v)->GetDouble();
  }
  core::Result<std::vector<double>> Numbers(const Json& object, const char* name,
                                            std::string_view path) {
    auto v = Member(object, name, path);
    if (!v) return Fail(v.error());
    if (!(*v)->IsArray()) return Fail(Bad(path, "must be an array"));
    std::vector<double> out;
    for (const Json& item : (*v)->GetArray()) {
      if (!item.IsNumber()) return Fail(Bad(path, "must hold numbers"));
      out.push_back(item.GetDouble());
    }
    return out;
  }

  core::Result<Calibrator> ReadCalibrator(const Json& object, std::string path) {
    auto method = Text(object, "method", path + ".method");
    if (!method) return Fail(method.error());
    if (*method == "identity") return Calibrator{};
    if (*method == "platt") {
      auto a = Number(object, "a", path + ".a");
      auto b = Number(object, "b", path + ".b");
      if (!a || !b) return Fail(a ? b.error() : a.error());
      return Calibrator::FromPlatt(*a, *b);
    }
    if (*method == "isotonic") {
      auto x = Numbers(object, "x", path + ".x");
      auto y = Numbers(object, "y", path + ".y");
      if (!x || !y) return Fail(x ? y.error() : x.error());
      if (x->empty() || x->size() != y->size()) return Fail(Bad(path, "x and y must match"));
      return Calibrator::FromIsotonic(std::move(*x), std::move(*y));
    }
    return Fail(Bad(path + ".method", "unknown method \"" + *method + "\""));
  }

  core::Result<ColumnPlan> ReadColumn(const Json& object, const std::string& path) {
    ColumnPlan plan;
    auto name = Text(object, "name", path + ".name");
    auto kind = Text(object, "kind", path + ".kind");
    if (!name || !kind) return Fail(name ? kind.error() : name.error());
    plan.name = *name;
    if (!ParseColumnKind(*kind, plan.kind)) {
      return Fail(Bad(path + ".kind", "unknown kind \"" + *kind + "\""));
    }
    if (plan.kind != ColumnKind::kCategory) return plan;
    auto encoding = Text(object, "encoding", path + ".encoding");
    auto levels = Member(object, "levels", path + ".levels");
    if (!encoding || !levels) return Fail(encoding ? levels.error() : encoding.error());
    if (!(*levels)->IsArray()) return Fail(Bad(path + ".levels", "must be an array"));
    if (*encoding == "one_hot") {
      std::vector<std::string> values;
      for (const Json& level : (*levels)->GetArray()) {
        if (!level.IsString()) return Fail(Bad(path + ".levels", "must hold strings"));
        values.emplace_back(level.GetString(), level.GetStringLength());
      }
      plan.encoder = CategoryEncoder::FromOneHot(std::move(values));
      return plan;
    }
    if (*encoding != "win_rate") {
      return Fail(Bad(path + ".encoding", "unknown encoding \"" + *encoding + "\""));
    }
    std::unordered_map<std::string, CategoryEncoder::LevelStats> stats;
    for (const Json& level : (*levels)->GetArray()) {
      if (!level.IsArray() || level.Size() != 3 || !level[0].IsString() || !level[1].IsNumber() ||
          !level[2].IsNumber()) {
        return Fail(Bad(path + ".levels", "must hold [level, count, positives] triples"));
      }
      stats[std::string(level[0].GetString(), level[0].GetStringLength())] = {level[1].GetDouble(),
                                                                              level[2].GetDouble()};
    }
    auto rows = Number(object, "rows", path + ".rows");
    auto prior = Number(object, "prior", path + ".prior");
    auto smoothing = Number(object, "smoothing", path + ".smoothing");
    if (!rows) return Fail(rows.error());
    if (!prior) return Fail(prior.error());
    if (!smoothing) return Fail(smoothing.error());
    plan.encoder = CategoryEncoder::FromStats(std::move(stats), *rows, *prior, *smoothing);
    return plan;
  }

  core::Result<FeaturePipeline> ReadPipeline(const Json& object) {
    auto columns = Member(object, "columns", "pipeline.columns");
    if (!columns) return Fail(columns.error());
    if (!(*columns)->IsArray()) return Fail(Bad("pipeline.columns", "must be an array"));
    std::vector<ColumnPlan> plans;
    for (rapidjson::SizeType i = 0; i < (*columns)->Size(); ++i) {
      auto plan = ReadColumn((**columns)[i], "pipeline.columns[" + std::to_string(i) + "]");
      if (!plan) return Fail(plan.error());
      plans.push_back(std::move(*plan));
    }
    std::vector<std::pair<std::string, ColumnKind>> ignored;
    if (object.HasMember("ignored") && object["ignored"].IsArray()) {
      for (const Json& item : object["ignored"].GetArray()) {
        ColumnKind kind = ColumnKind::kText;
        if (item.IsObject() && item.HasMember("name") && item["name"].IsString() &&
            item.HasMember("kind") && item["kind"].IsString() &&
            ParseColumnKind(item["kind"].GetString(), kind)) {
          ignored.emplace_back(item["name"].GetString(), kind);
        }
      }
    }
    auto gaps = Number(object, "max_gap_dates", "pipeline.max_gap_dates");
    if (!gaps) return Fail(gaps.error());
    return FeaturePipeline::FromParts(std::move(plans), std::move(ignored),
                                      static_cast<size_t>(*gaps));
  }

  core::Result<LogisticModel> ReadLogistic(const Json& object) {
    LogisticModel::State state;
    auto means = Numbers(object, "means", "logistic.means");
    auto scales = Numbers(object, "scales", "logistic.scales");
    auto indicators = Numbers(object, "missing_indicator", "logistic.missing_indicator");
    auto weights = Numbers(object, "weights", "logistic.weights");
    auto intercept = Number(object, "intercept", "logistic.intercept");
    for (const auto* failed : {&means, &scales, &indicators, &weights}) {
      if (!*failed) return Fail(failed->error());
    }
    if (!intercept) return Fail(intercept.error());
    size_t extra = 0;
    for (double flag : *indicators) {
      state.missing_indicator.push_back(flag != 0.0 ? 1 : 0);
      extra += flag != 0.0 ? 1 : 0;
    }
    if (scales->size() != means->size() || indicators->size() != means->size() ||
        weights->size() != means->size() + extra) {
      return Fail(Bad("logistic", "means, scales, missing_indicator and weights disagree"));
    }
    state.means = std::move(*means);
    state.scales = std::move(*scales);
    state.weights = std::move(*weights);
    state.intercept = *intercept;
    return LogisticModel::FromState(std::move(state));
  }

 private:
  std::string_view source_;
};

}  // namespace

core::Result<std::string> WriteModelJson(const WinModel& model) {
  const WinModel::Parts& parts = model.parts();
  if (!parts.boosted) return Fail(Error::Internal("the model has no boosted trees to save"));
  auto booster = parts.boosted->SaveJson();
  if (!booster) return Fail(booster.error());

  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  Key(w, "format");
  String(w, kFormat);
  Key(w, "version");
  w.Int(kVersion);
  Key(w, "target");
  String(w, parts.target);
  Key(w, "positive");
  String(w, parts.positive);
  Key(w, "id");
  String(w, parts.id);
  Key(w, "chosen");
  String(w, ModelKindName(parts.chosen));

  Key(w, "pipeline");
  w.StartObject();
  Key(w, "max_gap_dates");
  w.Uint64(parts.pipeline.max_gap_dates());
  Key(w, "columns");
  w.StartArray();
  for (const ColumnPlan& plan : parts.pipeline.columns()) WriteColumn(w, plan);
  w.EndArray();
  Key(w, "ignored");
  w.StartArray();
  for (const auto& [name, kind] : parts.pipeline.ignored()) {
    w.StartObject();
    Key(w, "name");
    String(w, name);
    Key(w, "kind");
    String(w, ColumnKindName(kind));
    w.EndObject();
  }
  w.EndArray();
  Key(w, "features");  // informational: the model's inputs in order
  w.StartArray();
  for (const std::string& name : parts.pipeline.feature_names()) String(w, name);
  w.EndArray();
  w.EndObject();

  const LogisticModel::State& logistic = parts.logistic.state();
  Key(w, "logistic");
  w.StartObject();
  Key(w, "intercept");
  w.Double(logistic.intercept);
  Key(w, "means");
  Doubles(w, logistic.means);
  Key(w, "scales");
  Doubles(w, logistic.scales);
  Key(w, "missing_indicator");
  w.StartArray();
  for (char flag : logistic.missing_indicator) w.Int(flag ? 1 : 0);
  w.EndArray();
  Key(w, "weights");
  Doubles(w, logistic.weights);
  Key(w, "calibration");
  WriteCalibrator(w, parts.logistic_calibration);
  w.EndObject();

  Key(w, "gradient_boosting");
  w.StartObject();
  Key(w, "rounds");
  w.Int(parts.boosted->rounds());
  Key(w, "calibration");
  WriteCalibrator(w, parts.boosted_calibration);
  Key(w, "booster");
  String(w, *booster);
  w.EndObject();

  Key(w, "training");
  WriteSummary(w, parts.summary);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

core::Result<WinModel> ReadModelJson(std::string_view json, std::string_view source) {
  Reader r(source);
  rapidjson::Document doc;
  // Full precision: the default fast path can be one ulp off, and a round trip must be exact.
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) return Fail(r.Bad("(document)", "not a JSON object"));
  auto format = r.Text(doc, "format", "format");
  if (!format || *format != kFormat) {
    return Fail(r.Bad("format", "not a buyalign win model"));
  }
  auto version = r.Number(doc, "version", "version");
  if (!version || *version != kVersion) {
    return Fail(r.Bad("version", "unsupported (this build reads version 1)"));
  }
  WinModel::Parts parts;
  auto target = r.Text(doc, "target", "target");
  auto positive = r.Text(doc, "positive", "positive");
  auto id = r.Text(doc, "id", "id");
  auto chosen = r.Text(doc, "chosen", "chosen");
  for (const auto* field : {&target, &positive, &id, &chosen}) {
    if (!*field) return Fail(field->error());
  }
  parts.target = *target;
  parts.positive = *positive;
  parts.id = *id;
  if (!ParseModelKind(*chosen, parts.chosen)) return Fail(r.Bad("chosen", "unknown model"));

  auto pipeline_json = r.Member(doc, "pipeline", "pipeline");
  if (!pipeline_json) return Fail(pipeline_json.error());
  auto pipeline = r.ReadPipeline(**pipeline_json);
  if (!pipeline) return Fail(pipeline.error());
  parts.pipeline = std::move(*pipeline);

  auto logistic_json = r.Member(doc, "logistic", "logistic");
  if (!logistic_json) return Fail(logistic_json.error());
  auto logistic = r.ReadLogistic(**logistic_json);
  if (!logistic) return Fail(logistic.error());
  if (logistic->state().means.size() != parts.pipeline.feature_names().size()) {
    return Fail(r.Bad("logistic.means", "does not match the pipeline's features"));
  }
  parts.logistic = std::move(*logistic);
  auto logistic_calibration = r.Member(**logistic_json, "calibration", "logistic.calibration");
  if (!logistic_calibration) return Fail(logistic_calibration.error());
  auto lc = r.ReadCalibrator(**logistic_calibration, "logistic.calibration");
  if (!lc) return Fail(lc.error());
  parts.logistic_calibration = std::move(*lc);

  auto boosting_json = r.Member(doc, "gradient_boosting", "gradient_boosting");
  if (!boosting_json) return Fail(boosting_json.error());
  auto booster_text = r.Text(**boosting_json, "booster", "gradient_boosting.booster");
  if (!booster_text) return Fail(booster_text.error());
  auto booster = BoostedModel::LoadJson(*booster_text);
  if (!booster) return Fail(r.Bad("gradient_boosting.booster", booster.error().message));
  parts.boosted = std::move(*booster);
  auto boosting_calibration =
      r.Member(**boosting_json, "calibration", "gradient_boosting.calibration");
  if (!boosting_calibration) return Fail(boosting_calibration.error());
  auto bc = r.ReadCalibrator(**boosting_calibration, "gradient_boosting.calibration");
  if (!bc) return Fail(bc.error());
  parts.boosted_calibration = std::move(*bc);

  auto training = r.Member(doc, "training", "training");
  if (!training) return Fail(training.error());
  TrainSummary& summary = parts.summary;
  summary.chosen = parts.chosen;
  size_t* counts[] = {&summary.rows, &summary.train_rows, &summary.holdout_rows, &summary.features};
  const char* names[] = {"rows", "train_rows", "holdout_rows", "features"};
  for (size_t i = 0; i < 4; ++i) {
    auto value = r.Number(**training, names[i], std::string("training.") + names[i]);
    if (!value) return Fail(value.error());
    *counts[i] = static_cast<size_t>(*value);
  }
  auto seconds = r.Number(**training, "seconds", "training.seconds");
  if (!seconds) return Fail(seconds.error());
  summary.seconds = *seconds;
  return WinModel::FromParts(std::move(parts));
}

core::Status SaveModel(const WinModel& model, const std::filesystem::path& path) {
  auto json = WriteModelJson(model);
  if (!json) return Fail(json.error());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << *json;
  out.close();
  if (!out) return Fail(Error::Internal("cannot write " + path.string()));
  return {};
}

core::Result<WinModel> LoadModel(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Error::NotFound("cannot open model file " + path.string()));
  std::stringstream text;
  text << in.rdbuf();
  return ReadModelJson(text.str(), path.filename().string());
}

}  // namespace buyalign::forecast
