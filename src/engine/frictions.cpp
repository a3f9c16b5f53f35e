#include "engine/frictions.hpp"

#include <algorithm>

namespace buyalign::engine {

double FrictionContext::Progress() const {
  const int purchase = methodology.purchase_stage();
  if (purchase <= 0) return 1;
  return std::clamp(dmu.position / purchase, 0.0, 1.0);
}

std::vector<Friction> DetectFrictions(const FrictionContext& c) {
  std::vector<Friction> out;
  DetectMissingRoles(c, out);
  DetectLaggingMembers(c, out);
  DetectHighInfluenceBlockers(c, out);
  DetectStaleMembers(c, out);
  DetectSingleThreaded(c, out);
  DetectBackwardMoves(c, out);
  DetectSellerMismatch(c, out);
  DetectStalled(c, out);
  DetectCloseDateUnrealistic(c, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Friction& a, const Friction& b) { return a.severity > b.severity; });
  return out;
}

}  // namespace buyalign::engine
