#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "forecast/category_encoder.hpp"
#include "forecast/column_kind.hpp"
#include "forecast/feature_matrix.hpp"
#include "forecast/table.hpp"

namespace buyalign::forecast {

struct PipelineOptions {
  std::string target;             // never a feature
  std::string id;                 // never a feature; may be empty
  std::vector<std::string> drop;  // columns the user excludes
  CategoryEncoder::Options categories;
  // Gaps in days are added between every pair of the first this-many date columns.
  size_t max_gap_dates = 6;
};

// One source column as the pipeline uses it.
struct ColumnPlan {
  std::string name;
  ColumnKind kind = ColumnKind::kCategory;
  CategoryEncoder encoder;  // kCategory only
};

// Turns a table's columns into model features, learned once on training rows and then replayed
// unchanged on any later table (prediction files need the same columns, in any order):
//   number  -> its value (NaN when missing or unreadable)
//   boolean -> 0/1
//   date    -> days since 1970-01-01, month (1-12), weekday (0 = Monday)
//   category -> see CategoryEncoder (one-hot, or frequency + out-of-fold win rate)
//   text, identifier -> ignored (listed in ignored())
// plus, for each pair of date columns, the gap in days (later column minus earlier column).
// Immutable after Fit; safe to share between threads.
class FeaturePipeline {
 public:
  // Decides every column's kind from `rows` of `table` and fits the encoders on them with
  // `labels` (0/1 per table row, read only at `rows`). `training` receives the features of
  // `rows`, with out-of-fold win rates. Fails naming the column when a feature column is entirely
  // missing, an excluded column does not exist, or no usable feature remains.
  static core::Result<FeaturePipeline> Fit(const Table& table, std::span<const size_t> rows,
                                           std::span<const float> labels,
                                           const PipelineOptions& options, FeatureMatrix& training);

  // The features of `rows` of `table` (of every row in the second form), encoded with what Fit
  // learned. Fails naming a column the pipeline needs that the table lacks.
  core::Result<FeatureMatrix> Transform(const Table& table, std::span<const size_t> rows) const;
  core::Result<FeatureMatrix> Transform(const Table& table) const;

  const std::vector<ColumnPlan>& columns() const { return columns_; }
  const std::vector<std::string>& feature_names() const { return feature_names_; }
  const std::vector<std::pair<std::string, ColumnKind>>& ignored() const { return ignored_; }
  size_t max_gap_dates() const { return max_gap_dates_; }

  // Rebuilds a fitted pipeline from its parts (the model file).
  static FeaturePipeline FromParts(std::vector<ColumnPlan> columns,
                                   std::vector<std::pair<std::string, ColumnKind>> ignored,
                                   size_t max_gap_dates);

 private:
  void BuildFeatureNames();
  // Writes the features of one table column into `out` starting at feature `first`.
  void EncodeColumn(const ColumnPlan& plan, const std::vector<std::string>& cells,
                    std::span<const size_t> rows, FeatureMatrix& out, size_t first) const;
  void EncodeGaps(const std::vector<const std::vector<std::string>*>& date_cells,
                  std::span<const size_t> rows, FeatureMatrix& out, size_t first) const;

  std::vector<ColumnPlan> columns_;
  std::vector<std::pair<std::string, ColumnKind>> ignored_;
  std::vector<std::string> feature_names_;
  size_t max_gap_dates_ = 6;
};

// All row indices of a table, 0..rows-1.
std::vector<size_t> AllRows(const Table& table);

}  // namespace buyalign::forecast
