#include "length_model.h"

#include <algorithm>
#include <cmath>

namespace bitext::align {
namespace {

constexpr double kMinVariance = 0.5;
// Gale & Church found the variance of the residual about 6.8 characters per
// character for European pairs, i.e. of the order of the ratio itself; the
// starting guess scales with the ratio and is refined from the pairs.
constexpr double kVariancePerRatio = 2.0;

}  // namespace

LengthModel::LengthModel(double ratio, double variance)
    : ratio_(ratio > 0 ? ratio : 1.0), variance_(std::max(variance, kMinVariance)) {}

LengthModel LengthModel::FromTotals(double source_total, double target_total) {
  double ratio = source_total > 0 && target_total > 0 ? target_total / source_total : 1.0;
  return LengthModel(ratio, kVariancePerRatio * ratio * ratio);
}

LengthModel LengthModel::FromPairs(const std::vector<double>& source, const std::vector<double>& target) {
  double s = 0, t = 0;
  for (size_t i = 0; i < source.size() && i < target.size(); ++i) {
    s += source[i];
    t += target[i];
  }
  if (s <= 0 || t <= 0) return LengthModel(1.0, kVariancePerRatio);
  const double ratio = t / s;
  // delta^2 = (t - c s)^2 / s has expectation variance under the model.
  double sum = 0;
  int n = 0;
  for (size_t i = 0; i < source.size() && i < target.size(); ++i) {
    if (source[i] <= 0) continue;
    double d = target[i] - ratio * source[i];
    sum += d * d / source[i];
    ++n;
  }
  double variance = n > 1 ? sum / (n - 1) : kVariancePerRatio * ratio * ratio;
  return LengthModel(ratio, variance);
}

double LengthModel::Cost(double source_length, double target_length) const {
  const double mean = (source_length + target_length / ratio_) / 2.0;
  const double delta = (target_length - source_length * ratio_) / std::sqrt(std::max(mean, 1.0) * variance_);
  // Two-sided tail probability of a standard normal: erfc(|z| / sqrt 2).
  const double p = std::erfc(std::fabs(delta) / std::sqrt(2.0));
  return -std::log(std::max(p, 1e-300));
}

}  // namespace bitext::align
