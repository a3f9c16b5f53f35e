#include "forecast/quantile.hpp"

#include <algorithm>
#include <cmath>

namespace buyalign::forecast {

double Quantile(std::span<double> values, double q) {
  if (values.empty()) return 0.0;
  q = std::clamp(q, 0.0, 1.0);
  const double position = q * static_cast<double>(values.size() - 1);
  const auto lower = static_cast<size_t>(std::floor(position));
  const double fraction = position - static_cast<double>(lower);
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lower),
                   values.end());
  const double low = values[lower];
  if (fraction == 0.0 || lower + 1 >= values.size()) return low;
  // After nth_element everything right of `lower` is >= low; the next order statistic is their
  // minimum, found without a second partition.
  const double high =
      *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lower) + 1, values.end());
  return low + fraction * (high - low);
}

}  // namespace buyalign::forecast
