// Independent pieces of one set's audit run side by side (the official and
// the MT alignments, the parts of a long MT alignment, each comparison's
// steps, each document's and each comparison's checks, the report files):
// each task writes only its own result, so the outputs are the same
// whatever the number of threads.
#ifndef BITEXT_PIPELINE_PARALLEL_H_
#define BITEXT_PIPELINE_PARALLEL_H_

#include <functional>
#include <vector>

#include "run_all.h"

namespace bitext::pipeline {

// Runs every task once on up to `jobs` threads, the calling one included,
// taking them in order; returns when all have finished. When tasks throw,
// the exception of the first of them (in task order) is rethrown.
void RunTasks(unsigned jobs, const std::vector<std::function<void()>>& tasks);

// A runner that hands its tasks to RunTasks on up to `jobs` threads.
RunAll OnThreads(unsigned jobs);

}  // namespace bitext::pipeline

#endif  // BITEXT_PIPELINE_PARALLEL_H_
