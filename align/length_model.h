// Gale-Church length evidence for Chinese-English pairs. The expected number
// of English characters per Chinese character (the ratio) and the variance
// of the difference are estimated from the document being aligned, never
// fixed: translations of official documents, news and fiction differ widely.
//
//   LengthModel model = LengthModel::FromTotals(zh_chars, en_chars);
//   double cost = model.Cost(120, 410);   // -log probability, lower is better
#ifndef BITEXT_ALIGN_LENGTH_MODEL_H_
#define BITEXT_ALIGN_LENGTH_MODEL_H_

#include <vector>

namespace bitext::align {

class LengthModel {
 public:
  LengthModel(double ratio, double variance);

  // Ratio from the totals of both sides; variance proportional to it (the
  // starting point before pairs are known).
  static LengthModel FromTotals(double source_total, double target_total);

  // Maximum-likelihood ratio and variance from lengths of aligned pairs
  // (sum of target over sum of source; variance of the normalised residual).
  static LengthModel FromPairs(const std::vector<double>& source, const std::vector<double>& target);

  // -log P(lengths match) under the model, two-sided normal tail as in
  // Gale & Church (1993). Zero-length sides are handled by the aligner.
  double Cost(double source_length, double target_length) const;

  double ratio() const { return ratio_; }
  double variance() const { return variance_; }

 private:
  double ratio_;
  double variance_;
};

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_LENGTH_MODEL_H_
