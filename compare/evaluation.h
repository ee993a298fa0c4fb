// Alignment quality as vecalign's scorer defines it, so figures compare with
// published ones: precision over every test bead (insertions and deletions
// included), recall over gold beads with both sides non-empty; a strict match
// is an identical bead, a lax match shares units with a gold bead on both
// sides. Counts are pooled over documents before the ratios are taken.
#ifndef BITEXT_COMPARE_EVALUATION_H_
#define BITEXT_COMPARE_EVALUATION_H_

#include <string>
#include <string_view>
#include <vector>

namespace bitext::align {

// A bead as unit indices, Chinese (source) side first.
struct IndexBead {
  std::vector<int> zh;
  std::vector<int> en;
  bool operator==(const IndexBead& other) const = default;
};

// Parses "[0,1]:[2]" lines (vecalign/Bertalign format; ":score" after is
// ignored). Returns false and sets `error` to "line N: ..." on bad input.
bool ParseBeads(std::string_view text, std::vector<IndexBead>* beads, std::string* error);
std::string FormatBead(const IndexBead& bead);

struct Scores {
  double precision_strict = 0, recall_strict = 0, f1_strict = 0;
  double precision_lax = 0, recall_lax = 0, f1_lax = 0;
};

// Accumulates documents, then scores them pooled.
class AlignmentScorer {
 public:
  void Add(const std::vector<IndexBead>& gold, const std::vector<IndexBead>& test);
  Scores Result() const;

 private:
  // [strict true positives, strict false positives, lax tp, lax fp]
  long precision_[4] = {0, 0, 0, 0};
  long recall_[4] = {0, 0, 0, 0};
};

}  // namespace bitext::align

#endif  // BITEXT_COMPARE_EVALUATION_H_
