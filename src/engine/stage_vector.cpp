#include "engine/stage_vector.hpp"

namespace buyalign::engine {

void Normalize(StageVector& p, int n) {
  double sum = 0;
  for (int s = 0; s < n; ++s) sum += p[static_cast<size_t>(s)];
  if (!(sum > 0)) {
    for (int s = 0; s < n; ++s) p[static_cast<size_t>(s)] = 1.0 / n;
    return;
  }
  for (int s = 0; s < n; ++s) p[static_cast<size_t>(s)] /= sum;
}

int MostLikely(const StageVector& p, int n) {
  int best = 0;
  for (int s = 1; s < n; ++s) {
    if (p[static_cast<size_t>(s)] > p[static_cast<size_t>(best)]) best = s;
  }
  return best;
}

double ExpectedPosition(const StageVector& p, int n) {
  double mean = 0;
  for (int s = 0; s < n; ++s) mean += s * p[static_cast<size_t>(s)];
  return mean;
}

StageVector PointMass(int stage) {
  StageVector p{};
  p[static_cast<size_t>(stage)] = 1;
  return p;
}

}  // namespace buyalign::engine
