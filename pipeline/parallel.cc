#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

namespace bitext::pipeline {

void RunTasks(unsigned jobs, const std::vector<std::function<void()>>& tasks) {
  std::vector<std::exception_ptr> errors(tasks.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k = next++; k < tasks.size(); k = next++) {
      try {
        tasks[k]();
      } catch (...) {
        errors[k] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < std::min<size_t>(std::max(jobs, 1u), tasks.size()); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

RunAll OnThreads(unsigned jobs) {
  return [jobs](const std::vector<std::function<void()>>& tasks) { RunTasks(jobs, tasks); };
}

}  // namespace bitext::pipeline
