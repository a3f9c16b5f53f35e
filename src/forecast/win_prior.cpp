#include "forecast/win_prior.hpp"

#include <algorithm>
#include <cmath>

namespace buyalign::forecast {

WinPrior::Score WinPrior::Of(const DealFeatures& features, int purchase_stage) {
  const double stage = features[Feature::kReadinessStage];
  const double alignment = features[Feature::kAlignment];
  const double progress =
      std::isnan(stage) || purchase_stage <= 0 ? 0.0 : std::clamp(stage / purchase_stage, 0.0, 1.0);
  const double aligned = std::isnan(alignment) ? 0.6 : alignment;
  Score score;
  score.terms = {{Feature::kReadinessStage, kReadiness * (progress - 0.5)},
                 {Feature::kAlignment, kAlignment * (aligned - 0.6)}};
  double log_odds = kBase;
  for (const auto& [feature, term] : score.terms) log_odds += term;
  score.probability = 1.0 / (1.0 + std::exp(-log_odds));
  return score;
}

}  // namespace buyalign::forecast
