#include "forecast/feature_pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>

#include "forecast/cell_parse.hpp"

namespace buyalign::forecast {
namespace {

using core::Error;
using core::Fail;

size_t Width(const ColumnPlan& plan) {
  switch (plan.kind) {
    case ColumnKind::kNumber:
    case ColumnKind::kBoolean:
      return 1;
    case ColumnKind::kDate:
      return 3;
    case ColumnKind::kCategory:
      return plan.encoder.Width();
    case ColumnKind::kText:
    case ColumnKind::kIdentifier:
    case ColumnKind::kEmpty:
      return 0;
  }
  return 0;
}

// A category's level: the trimmed cell, or "" for a missing one.
std::string Level(std::string_view cell) {
  return IsMissingCell(cell) ? std::string() : std::string(TrimCell(cell));
}

float DateDays(std::string_view cell) {
  const auto days = ParseDateCell(cell);
  return days ? static_cast<float>(*days) : NAN;
}

bool Excluded(const std::string& name, const PipelineOptions& options) {
  return name == options.target || (!options.id.empty() && name == options.id) ||
         std::find(options.drop.begin(), options.drop.end(), name) != options.drop.end();
}

}  // namespace

std::vector<size_t> AllRows(const Table& table) {
  std::vector<size_t> rows(table.rows());
  std::iota(rows.begin(), rows.end(), size_t{0});
  return rows;
}

core::Result<FeaturePipeline> FeaturePipeline::Fit(const Table& table, std::span<const size_t> rows,
                                                   std::span<const float> labels,
                                                   const PipelineOptions& options,
                                                   FeatureMatrix& training) {
  for (const std::string& name : options.drop) {
    if (!table.Find(name)) {
      return Fail(Error::Invalid(
          "column \"" + name + "\" given to --drop is not in " + table.source, name));
    }
  }
  FeaturePipeline pipeline;
  pipeline.max_gap_dates_ = options.max_gap_dates;
  std::vector<float> row_labels(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) row_labels[i] = labels[rows[i]];
  std::vector<std::vector<float>> category_features;  // per plan, the encoder's training output

  std::vector<std::string> cells(rows.size());
  for (size_t c = 0; c < table.names.size(); ++c) {
    const std::string& name = table.names[c];
    if (Excluded(name, options)) continue;
    for (size_t i = 0; i < rows.size(); ++i) cells[i] = table.columns[c][rows[i]];
    ColumnPlan plan{name, DetectColumnKind(cells), {}};
    if (plan.kind == ColumnKind::kEmpty) {
      return Fail(Error::Invalid("column \"" + name + "\" is empty in every row of " +
                                     table.source + "; exclude it with --drop \"" + name + "\"",
                                 name));
    }
    if (plan.kind == ColumnKind::kText || plan.kind == ColumnKind::kIdentifier) {
      pipeline.ignored_.emplace_back(name, plan.kind);
      continue;
    }
    category_features.emplace_back();
    if (plan.kind == ColumnKind::kCategory) {
      for (std::string& cell : cells) cell = Level(cell);
      plan.encoder =
          CategoryEncoder::Fit(cells, row_labels, options.categories, category_features.back());
    }
    pipeline.columns_.push_back(std::move(plan));
  }
  if (pipeline.columns_.empty()) {
    return Fail(Error::Invalid(table.source + " has no usable feature column (only the target, " +
                               "excluded, text or identifier columns)"));
  }
  pipeline.BuildFeatureNames();

  training = FeatureMatrix(rows.size(), pipeline.feature_names_);
  std::vector<const std::vector<std::string>*> date_cells;
  size_t first = 0;
  for (size_t p = 0; p < pipeline.columns_.size(); ++p) {
    const ColumnPlan& plan = pipeline.columns_[p];
    const auto& column = table.columns[*table.Find(plan.name)];
    const size_t width = Width(plan);
    if (plan.kind == ColumnKind::kCategory) {
      const std::vector<float>& encoded = category_features[p];
      for (size_t i = 0; i < rows.size(); ++i) {
        std::copy_n(
            encoded.begin() + static_cast<std::ptrdiff_t>(i * width), width,
            training.values.begin() + static_cast<std::ptrdiff_t>(i * training.cols + first));
      }
    } else {
      pipeline.EncodeColumn(plan, column, rows, training, first);
    }
    if (plan.kind == ColumnKind::kDate && date_cells.size() < pipeline.max_gap_dates_) {
      date_cells.push_back(&column);
    }
    first += width;
  }
  pipeline.EncodeGaps(date_cells, rows, training, first);
  return pipeline;
}

core::Result<FeatureMatrix> FeaturePipeline::Transform(const Table& table,
                                                       std::span<const size_t> rows) const {
  FeatureMatrix out(rows.size(), feature_names_);
  std::vector<const std::vector<std::string>*> date_cells;
  size_t first = 0;
  for (const ColumnPlan& plan : columns_) {
    const auto index = table.Find(plan.name);
    if (!index) {
      return Fail(Error::Invalid(
          "column \"" + plan.name + "\" used by the model is not in " + table.source, plan.name));
    }
    const auto& column = table.columns[*index];
    EncodeColumn(plan, column, rows, out, first);
    if (plan.kind == ColumnKind::kDate && date_cells.size() < max_gap_dates_) {
      date_cells.push_back(&column);
    }
    first += Width(plan);
  }
  EncodeGaps(date_cells, rows, out, first);
  return out;
}

core::Result<FeatureMatrix> FeaturePipeline::Transform(const Table& table) const {
  return Transform(table, AllRows(table));
}

void FeaturePipeline::EncodeColumn(const ColumnPlan& plan, const std::vector<std::string>& cells,
                                   std::span<const size_t> rows, FeatureMatrix& out,
                                   size_t first) const {
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string& cell = cells[rows[i]];
    float* row = out.values.data() + i * out.cols + first;
    switch (plan.kind) {
      case ColumnKind::kNumber: {
        const auto value = ParseNumberCell(cell);
        row[0] = value ? static_cast<float>(*value) : NAN;
        break;
      }
      case ColumnKind::kBoolean: {
        const auto value = ParseBooleanCell(cell);
        row[0] = value ? (*value ? 1.0f : 0.0f) : NAN;
        break;
      }
      case ColumnKind::kDate: {
        const auto days = ParseDateCell(cell);
        if (!days) break;  // the matrix starts as NaN
        const std::chrono::sys_days date{std::chrono::days{*days}};
        const std::chrono::year_month_day ymd{date};
        row[0] = static_cast<float>(*days);
        row[1] = static_cast<float>(static_cast<unsigned>(ymd.month()));
        row[2] = static_cast<float>(std::chrono::weekday{date}.iso_encoding() - 1);
        break;
      }
      case ColumnKind::kCategory:
        plan.encoder.Encode(Level(cell), row);
        break;
      case ColumnKind::kText:
      case ColumnKind::kIdentifier:
      case ColumnKind::kEmpty:
        break;
    }
  }
}

void FeaturePipeline::EncodeGaps(const std::vector<const std::vector<std::string>*>& date_cells,
                                 std::span<const size_t> rows, FeatureMatrix& out,
                                 size_t first) const {
  size_t feature = first;
  for (size_t a = 0; a < date_cells.size(); ++a) {
    for (size_t b = a + 1; b < date_cells.size(); ++b, ++feature) {
      for (size_t i = 0; i < rows.size(); ++i) {
        // NaN propagates: a gap with one date missing is missing.
        out.at(i, feature) =
            DateDays((*date_cells[b])[rows[i]]) - DateDays((*date_cells[a])[rows[i]]);
      }
    }
  }
}

void FeaturePipeline::BuildFeatureNames() {
  feature_names_.clear();
  std::vector<std::string> dates;
  for (const ColumnPlan& plan : columns_) {
    switch (plan.kind) {
      case ColumnKind::kNumber:
      case ColumnKind::kBoolean:
        feature_names_.push_back(plan.name);
        break;
      case ColumnKind::kDate:
        feature_names_.push_back(plan.name + ":days");
        feature_names_.push_back(plan.name + ":month");
        feature_names_.push_back(plan.name + ":weekday");
        if (dates.size() < max_gap_dates_) dates.push_back(plan.name);
        break;
      case ColumnKind::kCategory: {
        auto names = plan.encoder.FeatureNames(plan.name);
        feature_names_.insert(feature_names_.end(), names.begin(), names.end());
        break;
      }
      case ColumnKind::kText:
      case ColumnKind::kIdentifier:
      case ColumnKind::kEmpty:
        break;
    }
  }
  for (size_t a = 0; a < dates.size(); ++a) {
    for (size_t b = a + 1; b < dates.size(); ++b) {
      feature_names_.push_back(dates[b] + "-" + dates[a] + ":days");
    }
  }
}

FeaturePipeline FeaturePipeline::FromParts(std::vector<ColumnPlan> columns,
                                           std::vector<std::pair<std::string, ColumnKind>> ignored,
                                           size_t max_gap_dates) {
  FeaturePipeline pipeline;
  pipeline.columns_ = std::move(columns);
  pipeline.ignored_ = std::move(ignored);
  pipeline.max_gap_dates_ = max_gap_dates;
  pipeline.BuildFeatureNames();
  return pipeline;
}

}  // namespace buyalign::forecast
