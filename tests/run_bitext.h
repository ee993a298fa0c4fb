// Runs the built `bitext` executable (BITEXT_BINARY) from a test and
// collects its exit code and output, as a user's shell would see them.
#ifndef BITEXT_TESTS_RUN_BITEXT_H_
#define BITEXT_TESTS_RUN_BITEXT_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace bitext {

struct CommandResult {
  int exit_code = -1;  // -1 when it could not run or died by a signal
  std::string out;     // stdout and stderr together
};

// `args` is shell syntax appended to the executable's path.
inline CommandResult Bitext(const std::string& args) {
  const std::string command = std::string(BITEXT_BINARY) + " " + args + " 2>&1";
  CommandResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace bitext

#endif  // BITEXT_TESTS_RUN_BITEXT_H_
