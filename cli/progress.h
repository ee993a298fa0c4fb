// Progress of long work on stderr. On a terminal: one line redrawn in
// place, "[=====>    ] 312/1000 sets  12.3/s  ETA 0:58  errors 1". Otherwise
// (a CI log, a file): a plain line at each tenth of the work and at least
// every ten seconds, never one per item, so a log of 100k sets stays short;
// or, when asked, one line per item. The stages of one audit show as
// "[======>   ] 2/5 stages  0:03  align: 25 paragraph beads".
// Safe to call from several threads.
#ifndef BITEXT_CLI_PROGRESS_H_
#define BITEXT_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace bitext::cli {

// What is counted and how it is shown.
struct ProgressStyle {
  std::string label = "bitext batch";  // starts the plain lines
  std::string unit = "sets";
  bool rate = true;         // items per second, ETA and errors; else the time elapsed
  bool every_step = false;  // off a terminal, a line per item
};

class Progress {
 public:
  // `quiet` prints nothing at all; `out` is usually stderr.
  Progress(size_t total, std::FILE* out, bool quiet, ProgressStyle style = {});

  // One more item finished; `failed` counts it among the errors. `detail`
  // (what the item was) ends the line until the next step.
  void Step(bool failed, const std::string& detail = "");

  // A line printed above the bar (on a terminal the bar is redrawn below
  // it); printed even when quiet, for errors.
  void Note(const std::string& line);

  // The final state, and a line break after the bar.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::string Status(bool bar) const;
  void Draw();

  const size_t total_;
  std::FILE* const out_;
  const ProgressStyle style_;
  const bool quiet_;
  const bool terminal_;
  const Clock::time_point start_ = Clock::now();
  std::mutex mutex_;
  size_t done_ = 0, errors_ = 0;
  std::string detail_;
  size_t last_tenth_ = 0;
  Clock::time_point last_draw_ = start_;
};

}  // namespace bitext::cli

#endif  // BITEXT_CLI_PROGRESS_H_
