// The MT beside the aligned official pairs: for each pair, the MT text of
// the comparison row that holds the pair's official paragraph, so that the
// translation-memory TSV shows what the MT made of each official sentence.
#ifndef BITEXT_PIPELINE_ALIGNED_MT_H_
#define BITEXT_PIPELINE_ALIGNED_MT_H_

#include <string>
#include <vector>

#include "comparison.h"
#include "tmx_report.h"

namespace bitext::pipeline {

// One text per pair, in order: the MT paragraphs of the row holding the
// pair's Chinese paragraph (its English one for a bead without Chinese),
// joined; "" where no row holds it or the row has no MT.
std::vector<std::string> MtTextOfPairs(const std::vector<AlignedPair>& pairs, const align::Comparison& comparison);

}  // namespace bitext::pipeline

#endif  // BITEXT_PIPELINE_ALIGNED_MT_H_
