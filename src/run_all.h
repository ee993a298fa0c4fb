// How a stage hands independent tasks to whoever runs them: a RunAll runs
// each task once and returns when all are done, side by side or one after
// the other. Each task writes only its own result, so what the tasks make
// is the same either way. The pipeline's runner uses threads; the
// libraries below it start none of their own.
#ifndef BITEXT_RUN_ALL_H_
#define BITEXT_RUN_ALL_H_

#include <functional>
#include <vector>

namespace bitext {

using RunAll = std::function<void(const std::vector<std::function<void()>>&)>;

// Runs the tasks with `run_all`, or one after the other in order when it
// is empty.
inline void RunEach(const RunAll& run_all, const std::vector<std::function<void()>>& tasks) {
  if (run_all) {
    run_all(tasks);
    return;
  }
  for (const std::function<void()>& task : tasks) task();
}

}  // namespace bitext

#endif  // BITEXT_RUN_ALL_H_
