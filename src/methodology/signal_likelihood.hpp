#pragma once

#include <vector>

#include "methodology/methodology.hpp"

// The few documented parameters of the signal library turned into likelihoods over the stages.
// Every shape is a bell (Gaussian in the circular distance along the clock) plus a floor, scaled so
// its maximum is 1: only ratios between stages matter to the filter. Pure functions.
namespace buyalign::methodology {

// Signed distance from `from` to `to` going the short way round a clock of `n` stages, in
// [-n/2, n/2). Works for fractional positions.
double CircularOffset(double from, double to, int n);

// A signal pointing mostly at `main`, with secondary peaks of height `also_weight` at `also`.
std::vector<double> StageLikelihood(int n, int main, const std::vector<int>& also, double spread,
                                    double floor, double also_weight);

// A rep's assessment of `assessed`: peaks `optimism_stages` before it and falls off with
// `spread_behind` towards earlier stages and `spread_ahead` towards later ones.
std::vector<double> AssessmentLikelihood(int n, int assessed, const AssessmentShape& shape);

}  // namespace buyalign::methodology
