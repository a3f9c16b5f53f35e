#include "forecast/report_json.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace buyalign::forecast {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Key(Writer& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}
void String(Writer& w, std::string_view text) {
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void WriteMetrics(Writer& w, const Metrics& m) {
  Key(w, "auc");
  w.Double(m.auc);
  Key(w, "brier");
  w.Double(m.brier);
  Key(w, "log_loss");
  w.Double(m.log_loss);
  Key(w, "ece");
  w.Double(m.ece);
  Key(w, "n");
  w.Uint64(m.n);
}

}  // namespace

std::string EvaluationJson(const EvaluationReport& report) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartObject();
  Key(w, "method");
  String(w, report.method);
  Key(w, "folds");
  w.Int(report.folds);
  Key(w, "seed");
  w.Uint64(report.seed);
  Key(w, "positive_rate");
  w.Double(report.positive_rate);
  Key(w, "best");
  String(w, ModelKindName(report.best));
  for (const ModelEvaluation& model : report.models) {
    if (model.kind == report.best) WriteMetrics(w, model.metrics);
  }
  Key(w, "train_seconds");
  w.Double(report.train_seconds);
  Key(w, "models");
  w.StartObject();
  for (const ModelEvaluation& model : report.models) {
    Key(w, ModelKindName(model.kind));
    w.StartObject();
    WriteMetrics(w, model.metrics);
    Key(w, "calibration");
    w.StartArray();
    for (const CalibrationBin& bin : model.bins) {
      w.StartArray();
      w.Double(bin.lower);
      w.Double(bin.upper);
      w.Uint64(bin.count);
      w.Double(bin.mean_predicted);
      w.Double(bin.observed_rate);
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string TrainSummaryJson(const WinModel& model) {
  const WinModel::Parts& parts = model.parts();
  const TrainSummary& s = parts.summary;
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartObject();
  Key(w, "rows");
  w.Uint64(s.rows);
  Key(w, "train_rows");
  w.Uint64(s.train_rows);
  Key(w, "holdout_rows");
  w.Uint64(s.holdout_rows);
  Key(w, "features");
  w.Uint64(s.features);
  Key(w, "chosen");
  String(w, ModelKindName(s.chosen));
  Key(w, "seconds");
  w.Double(s.seconds);
  Key(w, "columns");
  w.StartObject();
  for (const ColumnPlan& plan : parts.pipeline.columns()) {
    Key(w, plan.name);
    std::string kind(ColumnKindName(plan.kind));
    if (plan.kind == ColumnKind::kCategory)
      kind += plan.encoder.one_hot() ? "/one_hot" : "/win_rate";
    String(w, kind);
  }
  for (const auto& [name, kind] : parts.pipeline.ignored()) {
    Key(w, name);
    String(w, std::string(ColumnKindName(kind)) + "/ignored");
  }
  w.EndObject();
  Key(w, "candidates");
  w.StartObject();
  for (const CandidateSummary& c : s.candidates) {
    Key(w, ModelKindName(c.kind));
    w.StartObject();
    Key(w, "selection_log_loss");
    w.Double(c.selection_log_loss);
    Key(w, "calibration");
    String(w, CalibrationMethodName(c.calibration));
    if (c.kind == ModelKind::kBoosted) {
      Key(w, "rounds");
      w.Int(c.rounds);
    }
    Key(w, "holdout");
    w.StartObject();
    WriteMetrics(w, c.holdout);
    w.EndObject();
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace buyalign::forecast
