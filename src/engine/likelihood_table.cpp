#include "engine/likelihood_table.hpp"

#include <algorithm>

namespace buyalign::engine {
namespace {

// r L + (1 - r) mean(L), written into `out`.
void Temper(const std::vector<double>& l, double r, int n, double* out) {
  double mean = 0;
  for (int s = 0; s < n; ++s) mean += l[static_cast<size_t>(s)];
  mean /= n;
  for (int s = 0; s < n; ++s) out[s] = r * l[static_cast<size_t>(s)] + (1 - r) * mean;
}

}  // namespace

LikelihoodTable::LikelihoodTable(const methodology::Methodology& m) : n_(m.stage_count()) {
  constexpr size_t kWidth = methodology::kMaxStages;
  const size_t kinds = m.signals().size();
  reliability_.resize(kSources);
  for (size_t src = 0; src < kSources; ++src) {
    reliability_[src] = m.Reliability(static_cast<domain::SignalSource>(src));
  }
  stage_rows_.assign(kinds * kSources * kWidth, 0.0);
  for (size_t k = 0; k < kinds; ++k) {
    const methodology::SignalDefinition& def = m.signals()[k];
    models_.push_back(def.model);
    if (def.model != methodology::SignalModel::kStage) continue;
    for (size_t src = 1; src < kSources; ++src) {
      Temper(def.likelihood, reliability_[src], n_, &stage_rows_[(k * kSources + src) * kWidth]);
    }
  }
  const size_t un = static_cast<size_t>(n_);
  assessment_rows_.assign(un * kSources * kWidth, 0.0);
  content_kernels_.assign(un * kWidth, 0.0);
  for (size_t a = 0; a < un; ++a) {
    for (size_t src = 1; src < kSources; ++src) {
      Temper(m.AssessmentLikelihood(static_cast<int>(a)), reliability_[src], n_,
             &assessment_rows_[(a * kSources + src) * kWidth]);
    }
    const std::vector<double>& kernel = m.ContentKernel(static_cast<int>(a));
    std::copy(kernel.begin(), kernel.end(), &content_kernels_[a * kWidth]);
  }
}

const double* LikelihoodTable::For(const Evidence& e, StageVector& scratch) const {
  constexpr size_t kWidth = methodology::kMaxStages;
  const size_t kind = static_cast<size_t>(e.kind);
  switch (models_[kind]) {
    case methodology::SignalModel::kStage:
      return StageRow(kind, e.source);
    case methodology::SignalModel::kAssessment:
      return &assessment_rows_[(static_cast<size_t>(e.stage) * kSources + e.source) * kWidth];
    case methodology::SignalModel::kContent:
      break;
  }
  scratch.fill(0);
  if (e.stage_tags == 0) {
    std::fill(scratch.begin(), scratch.begin() + n_, 1.0);
    return scratch.data();
  }
  double mean = 0;
  for (int s = 0; s < n_; ++s) {
    double v = 0;
    for (int t = 0; t < n_; ++t) {
      if (e.stage_tags & (1u << t)) {
        v = std::max(v, content_kernels_[static_cast<size_t>(t) * kWidth + static_cast<size_t>(s)]);
      }
    }
    scratch[static_cast<size_t>(s)] = v;
    mean += v;
  }
  mean /= n_;
  const double r = reliability_[e.source];
  for (int s = 0; s < n_; ++s) {
    scratch[static_cast<size_t>(s)] = r * scratch[static_cast<size_t>(s)] + (1 - r) * mean;
  }
  return scratch.data();
}

}  // namespace buyalign::engine
