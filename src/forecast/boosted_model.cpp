#include "forecast/boosted_model.hpp"

#include <xgboost/c_api.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>

namespace buyalign::forecast {
namespace {

using core::Error;
using core::Fail;

core::Error XgbError(std::string_view what) {
  return Error::Internal("XGBoost: " + std::string(what) + ": " + XGBGetLastError());
}

void QuietXgboostOnce() {
  static std::once_flag once;
  std::call_once(once, [] { XGBSetGlobalConfig(R"({"verbosity":0})"); });
}

// An owned DMatrix.
class Matrix {
 public:
  Matrix() = default;
  Matrix(const Matrix&) = delete;
  Matrix& operator=(const Matrix&) = delete;
  ~Matrix() {
    if (handle_ != nullptr) XGDMatrixFree(handle_);
  }
  core::Status Create(const FeatureMatrix& x, std::span<const float> labels) {
    if (XGDMatrixCreateFromMat(x.values.data(), x.rows, x.cols, NAN, &handle_) != 0) {
      return Fail(XgbError("cannot build the data matrix"));
    }
    if (!labels.empty() &&
        XGDMatrixSetFloatInfo(handle_, "label", labels.data(), labels.size()) != 0) {
      return Fail(XgbError("cannot set the labels"));
    }
    return {};
  }
  DMatrixHandle get() const { return handle_; }

 private:
  DMatrixHandle handle_ = nullptr;
};

// The number after "logloss:" in an evaluation line "[12]\tvalid-logloss:0.5321".
double ParseLogLoss(const char* line) {
  const char* at = std::strstr(line, "logloss:");
  return at == nullptr ? std::numeric_limits<double>::quiet_NaN()
                       : std::strtod(at + std::strlen("logloss:"), nullptr);
}

}  // namespace

struct BoostedModel::Handle {
  BoosterHandle booster = nullptr;
  ~Handle() {
    if (booster != nullptr) XGBoosterFree(booster);
  }
};

BoostedModel::BoostedModel(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
BoostedModel::BoostedModel(BoostedModel&&) noexcept = default;
BoostedModel& BoostedModel::operator=(BoostedModel&&) noexcept = default;
BoostedModel::~BoostedModel() = default;

core::Result<BoostedModel> BoostedModel::Fit(const FeatureMatrix& train,
                                             std::span<const float> labels,
                                             const FeatureMatrix& valid,
                                             std::span<const float> valid_labels,
                                             const Options& options) {
  if (train.rows == 0 || valid.rows == 0 || train.cols != valid.cols ||
      labels.size() != train.rows || valid_labels.size() != valid.rows) {
    return Fail(Error::Invalid("boosting needs non-empty training and validation rows"));
  }
  QuietXgboostOnce();
  Matrix dtrain, dvalid;
  if (auto s = dtrain.Create(train, labels); !s) return Fail(s.error());
  if (auto s = dvalid.Create(valid, valid_labels); !s) return Fail(s.error());

  auto handle = std::make_unique<Handle>();
  DMatrixHandle cache[] = {dtrain.get(), dvalid.get()};
  if (XGBoosterCreate(cache, 2, &handle->booster) != 0) return Fail(XgbError("cannot create"));
  const int threads = options.threads > 0 ? options.threads : (train.rows < kParallelRows ? 1 : 0);
  const std::vector<std::pair<std::string, std::string>> params{
      {"objective", "binary:logistic"},
      {"eval_metric", "logloss"},
      {"tree_method", "hist"},
      {"eta", std::to_string(options.learning_rate)},
      {"max_depth", std::to_string(options.max_depth)},
      {"min_child_weight", std::to_string(options.min_child_weight)},
      {"subsample", std::to_string(options.subsample)},
      {"colsample_bytree", std::to_string(options.colsample_bytree)},
      {"lambda", std::to_string(options.l2)},
      {"max_bin", std::to_string(options.max_bin)},
      {"nthread", std::to_string(threads)},
      {"seed", std::to_string(options.seed % 2147483647)},
  };
  for (const auto& [name, value] : params) {
    if (XGBoosterSetParam(handle->booster, name.c_str(), value.c_str()) != 0) {
      return Fail(XgbError("bad parameter " + name));
    }
  }

  DMatrixHandle eval_sets[] = {dvalid.get()};
  const char* eval_names[] = {"valid"};
  double best = std::numeric_limits<double>::infinity();
  int best_round = 0;
  int round = 0;
  for (; round < options.max_rounds; ++round) {
    if (XGBoosterUpdateOneIter(handle->booster, round, dtrain.get()) != 0) {
      return Fail(XgbError("training failed"));
    }
    const char* line = nullptr;
    if (XGBoosterEvalOneIter(handle->booster, round, eval_sets, eval_names, 1, &line) != 0) {
      return Fail(XgbError("evaluation failed"));
    }
    const double loss = ParseLogLoss(line);
    if (loss < best) {
      best = loss;
      best_round = round;
    } else if (round - best_round >= options.early_stopping_rounds) {
      break;
    }
  }
  BoostedModel model(std::move(handle));
  if (best_round + 1 < round) {
    // Keep only the rounds up to the best one, so the saved booster is the early-stopped model.
    auto sliced = std::make_unique<Handle>();
    if (XGBoosterSlice(model.handle_->booster, 0, best_round + 1, 1, &sliced->booster) != 0) {
      return Fail(XgbError("cannot cut the model at its best round"));
    }
    model.handle_ = std::move(sliced);
  }
  model.rounds_ = best_round + 1;
  model.best_valid_log_loss_ = best;
  return model;
}

namespace {

// XGBoost's prediction of `type` (0: probability, 2: contributions) for every row of `x`,
// `width` values per row.
core::Result<std::vector<double>> PredictOfType(BoosterHandle booster, const FeatureMatrix& x,
                                                int type, size_t width) {
  if (x.rows == 0) return std::vector<double>{};
  Matrix dx;
  if (auto s = dx.Create(x, {}); !s) return Fail(s.error());
  const std::string config = R"({"type":)" + std::to_string(type) +
                             R"(,"training":false,"iteration_begin":0,"iteration_end":0,)"
                             R"("strict_shape":false})";
  const bst_ulong* shape = nullptr;
  bst_ulong dim = 0;
  const float* result = nullptr;
  if (XGBoosterPredictFromDMatrix(booster, dx.get(), config.c_str(), &shape, &dim, &result) != 0) {
    return Fail(XgbError("prediction failed"));
  }
  return std::vector<double>(result, result + x.rows * width);
}

}  // namespace

core::Result<std::vector<double>> BoostedModel::Predict(const FeatureMatrix& x) const {
  return PredictOfType(handle_->booster, x, 0, 1);
}

core::Result<std::vector<double>> BoostedModel::Contributions(const FeatureMatrix& x) const {
  return PredictOfType(handle_->booster, x, 2, x.cols + 1);
}

core::Result<std::string> BoostedModel::SaveJson() const {
  bst_ulong length = 0;
  const char* buffer = nullptr;
  if (XGBoosterSaveModelToBuffer(handle_->booster, R"({"format":"json"})", &length, &buffer) != 0) {
    return Fail(XgbError("cannot save the model"));
  }
  return std::string(buffer, length);
}

core::Result<BoostedModel> BoostedModel::LoadJson(std::string_view json) {
  QuietXgboostOnce();
  auto handle = std::make_unique<Handle>();
  if (XGBoosterCreate(nullptr, 0, &handle->booster) != 0) return Fail(XgbError("cannot create"));
  if (XGBoosterLoadModelFromBuffer(handle->booster, json.data(), json.size()) != 0) {
    return Fail(
        Error::Invalid(std::string("the boosted model does not load: ") + XGBGetLastError()));
  }
  BoostedModel model(std::move(handle));
  int rounds = 0;
  if (XGBoosterBoostedRounds(model.handle_->booster, &rounds) == 0) model.rounds_ = rounds;
  return model;
}

core::Result<std::vector<double>> BoostedModel::FeatureGain(size_t features) const {
  bst_ulong n_named = 0, dim = 0;
  const char** names = nullptr;
  const bst_ulong* shape = nullptr;
  const float* scores = nullptr;
  if (XGBoosterFeatureScore(handle_->booster, R"({"importance_type":"total_gain"})", &n_named,
                            &names, &dim, &shape, &scores) != 0) {
    return Fail(XgbError("cannot read feature importance"));
  }
  std::vector<double> gain(features, 0.0);
  for (bst_ulong i = 0; i < n_named; ++i) {
    // Unnamed features are reported as "f<index>".
    const size_t index = std::strtoul(names[i] + 1, nullptr, 10);
    if (index < features) gain[index] = scores[i];
  }
  return gain;
}

}  // namespace buyalign::forecast
