#include "folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "error.h"

namespace bitext {
namespace fs = std::filesystem;
namespace {

// The run named in an open lock file, as "bitext batch (process 1234)";
// "another bitext run" when the file names none (its holder has not yet
// written it) or holds anything else: its text is not shown as it is.
std::string Holder(int fd) {
  char buffer[64] = {};
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  const std::string text(buffer, n > 0 ? static_cast<size_t>(n) : 0);
  const size_t space = text.find(' ');
  if (space == std::string::npos || text.empty() || text.back() != '\n') return "another bitext run";
  const std::string command = text.substr(0, space);
  const std::string pid = text.substr(space + 1, text.size() - space - 2);
  const bool known = command == "audit" || command == "batch" || command == "merge";
  const bool number = !pid.empty() && pid.size() <= 10 &&
                      pid.find_first_not_of("0123456789") == std::string::npos;
  if (!known || !number) return "another bitext run";
  return "a running bitext " + command + " (process " + pid + ")";
}

}  // namespace

FolderLock::FolderLock(const std::string& folder, const std::string& command) {
  // "out", "out/" and "./out" are one folder and take one lock.
  fs::path normal = fs::absolute(folder).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  path_ = (normal.parent_path() / ("." + normal.filename().string() + ".lock")).string();
  // The lock file may be unlinked by the run that held it between our open
  // and our lock: then lock the new one.
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw InputError({path_}, std::string("cannot create lock file: ") + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const std::string holder = Holder(fd_);
      ::close(fd_);
      fd_ = -1;
      throw InputError({folder}, holder + " is writing into this folder; wait for it to finish or give another --out");
    }
    struct stat held, named;
    if (::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      // Name this run for one that finds the folder locked; the lock holds
      // without it, so a failed write is let be.
      const std::string name = command + " " + std::to_string(::getpid()) + "\n";
      if (::ftruncate(fd_, 0) == 0) {
        [[maybe_unused]] const ssize_t written = ::pwrite(fd_, name.data(), name.size(), 0);
      }
      return;
    }
    ::close(fd_);
  }
}

FolderLock::~FolderLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // still held: no other run can have locked this file
  ::close(fd_);
}

}  // namespace bitext
