#pragma once

#include <vector>

// exp(A) for a small dense square matrix, by scaling and squaring with a Taylor series. Accurate
// to rounding for the generator matrices of the readiness model (norm well below 10). Pure.
namespace buyalign::engine {

// `a` is n x n, row-major; returns exp(a), row-major.
std::vector<double> MatrixExponential(const std::vector<double>& a, int n);

// c = a * b for n x n row-major matrices.
std::vector<double> MatrixProduct(const std::vector<double>& a, const std::vector<double>& b,
                                  int n);

}  // namespace buyalign::engine
