// Errors that reach the user. Every input problem is reported as an
// InputError carrying the file and, when known, the line and byte offset, so
// that the CLI can print one clear message and exit with kExitInputError.
#ifndef BITEXT_SRC_ERROR_H_
#define BITEXT_SRC_ERROR_H_

#include <cstdint>
#include <stdexcept>
#include <string>

namespace bitext {

// Documented exit codes of the `bitext` command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;    // findings at or above --fail-on
inline constexpr int kExitInputError = 2;  // usage or input error

// Where in an input file a problem is. line is 1-based (0: unknown);
// byte is the 0-based offset into the file as stored on disk (-1: unknown).
struct FilePosition {
  std::string file;
  int line = 0;
  int64_t byte = -1;
};

class InputError : public std::runtime_error {
 public:
  InputError(FilePosition where, const std::string& what);

  const FilePosition& where() const { return where_; }
  // The message without the location prefix.
  const std::string& detail() const { return detail_; }

 private:
  FilePosition where_;
  std::string detail_;
};

// "file:line: byte offset N: " style prefix used by every message.
std::string FormatPosition(const FilePosition& where);

}  // namespace bitext

#endif  // BITEXT_SRC_ERROR_H_
