#pragma once

#include <cmath>
#include <string>
#include <vector>

namespace buyalign::forecast {

// A dense row-major matrix of model inputs, NaN marking a missing value (XGBoost's convention;
// the logistic model imputes it). A plain value.
struct FeatureMatrix {
  size_t rows = 0;
  size_t cols = 0;
  std::vector<float> values;  // rows x cols
  std::vector<std::string> names;

  FeatureMatrix() = default;
  FeatureMatrix(size_t n_rows, std::vector<std::string> feature_names)
      : rows(n_rows),
        cols(feature_names.size()),
        values(n_rows * feature_names.size(), NAN),
        names(std::move(feature_names)) {}

  float& at(size_t row, size_t col) { return values[row * cols + col]; }
  float at(size_t row, size_t col) const { return values[row * cols + col]; }
  const float* row(size_t r) const { return values.data() + r * cols; }
};

}  // namespace buyalign::forecast
