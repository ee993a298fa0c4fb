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

FolderLock::FolderLock(const std::string& folder, const std::string& busy) {
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
      ::close(fd_);
      fd_ = -1;
      throw InputError({folder}, busy);
    }
    struct stat held, named;
    if (::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
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
