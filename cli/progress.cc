#include "progress.h"

#include <unistd.h>

#include <utility>

#include "display.h"

namespace bitext::cli {
namespace {

constexpr int kBarWidth = 30;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);  // terminal
constexpr auto kLineEvery = std::chrono::seconds(10);          // log

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  }
  return buffer;
}

}  // namespace

Progress::Progress(size_t total, std::FILE* out, bool quiet, ProgressStyle style)
    : total_(total), out_(out), style_(std::move(style)), quiet_(quiet), terminal_(isatty(fileno(out)) != 0) {}

std::string Progress::Status(bool bar) const {
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
  std::string eta = "-:--";
  if (done_ == total_) {
    eta = Duration(0);
  } else if (rate > 0) {
    eta = Duration(static_cast<double>(total_ - done_) / rate);
  }
  std::string line;
  if (bar) {
    const int filled = total_ == 0 ? kBarWidth : static_cast<int>(kBarWidth * done_ / total_);
    line = "[" + std::string(static_cast<size_t>(filled), '=') + (filled < kBarWidth ? ">" : "") +
           std::string(static_cast<size_t>(kBarWidth - filled - (filled < kBarWidth)), ' ') + "] ";
  } else {
    line = style_.label + ": ";
  }
  char figures[160];
  if (style_.rate) {
    std::snprintf(figures, sizeof figures, "%zu/%zu %s  %.1f/s  ETA %s  errors %zu", done_, total_, style_.unit.c_str(),
                  rate, eta.c_str(), errors_);
  } else {
    std::snprintf(figures, sizeof figures, "%zu/%zu %s  %s", done_, total_, style_.unit.c_str(),
                  Duration(elapsed).c_str());
  }
  return line + figures + (detail_.empty() ? "" : "  " + EscapeControls(detail_));
}

void Progress::Draw() {
  if (terminal_) {
    std::fprintf(out_, "\r%s\033[K", Status(true).c_str());
  } else {
    std::fprintf(out_, "%s\n", Status(false).c_str());
  }
  std::fflush(out_);
  last_draw_ = Clock::now();
}

void Progress::Step(bool failed, const std::string& detail) {
  if (quiet_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  errors_ += failed;
  detail_ = detail;
  const size_t tenth = total_ == 0 ? 10 : done_ * 10 / total_;
  const auto since = Clock::now() - last_draw_;
  const bool line_due = style_.every_step || tenth > last_tenth_ || since >= kLineEvery;
  if (terminal_ ? (since >= kRedrawEvery || done_ == total_) : line_due) {
    last_tenth_ = tenth;
    Draw();
  }
}

void Progress::Note(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  const bool bar = terminal_ && !quiet_;
  std::fprintf(out_, bar ? "\r%s\033[K\n" : "%s\n", EscapeControls(line).c_str());
  if (bar) Draw();
}

void Progress::Finish() {
  if (quiet_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (terminal_) {
    Draw();
    std::fprintf(out_, "\n");
  } else if (last_tenth_ < 10) {
    Draw();  // an empty batch, or the last line was not printed yet
  }
}

}  // namespace bitext::cli
