#include "engine/matrix_exponential.hpp"

#include <algorithm>
#include <cmath>

namespace buyalign::engine {

std::vector<double> MatrixProduct(const std::vector<double>& a, const std::vector<double>& b,
                                  int n) {
  const size_t un = static_cast<size_t>(n);
  std::vector<double> c(un * un, 0.0);
  for (size_t i = 0; i < un; ++i) {
    for (size_t k = 0; k < un; ++k) {
      const double aik = a[i * un + k];
      if (aik == 0) continue;
      for (size_t j = 0; j < un; ++j) c[i * un + j] += aik * b[k * un + j];
    }
  }
  return c;
}

std::vector<double> MatrixExponential(const std::vector<double>& a, int n) {
  const size_t un = static_cast<size_t>(n);
  // Scale so the norm is below 1/2, where 20 Taylor terms are exact to rounding.
  double norm = 0;
  for (size_t i = 0; i < un; ++i) {
    double row = 0;
    for (size_t j = 0; j < un; ++j) row += std::abs(a[i * un + j]);
    norm = std::max(norm, row);
  }
  int squarings = 0;
  while (norm > 0.5) {
    norm /= 2;
    ++squarings;
  }
  const double scale = std::ldexp(1.0, -squarings);
  std::vector<double> scaled(a);
  for (double& v : scaled) v *= scale;

  std::vector<double> result(un * un, 0.0);
  std::vector<double> term(un * un, 0.0);
  for (size_t i = 0; i < un; ++i) result[i * un + i] = term[i * un + i] = 1;
  for (int k = 1; k <= 20; ++k) {
    term = MatrixProduct(term, scaled, n);
    for (double& v : term) v /= k;
    for (size_t i = 0; i < un * un; ++i) result[i] += term[i];
  }
  for (int s = 0; s < squarings; ++s) result = MatrixProduct(result, result, n);
  return result;
}

}  // namespace buyalign::engine
