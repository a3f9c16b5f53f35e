#pragma once

#include <span>

namespace buyalign::forecast {

// The q-quantile (0 <= q <= 1) of `values` with linear interpolation between order statistics
// (Hyndman and Fan type 7, the default of R and NumPy). Reorders `values` in place with
// nth_element instead of sorting: O(n) on average. Returns 0 for an empty span.
double Quantile(std::span<double> values, double q);

}  // namespace buyalign::forecast
