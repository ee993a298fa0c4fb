// A lock on an output folder, so that two runs never write into the same
// folder at once: `flock` on ".NAME.lock" beside the folder (not inside it,
// which an audit replaces whole), removed when the lock is released.
#ifndef BITEXT_SRC_FOLDER_LOCK_H_
#define BITEXT_SRC_FOLDER_LOCK_H_

#include <string>

namespace bitext {

class FolderLock {
 public:
  // Locks `folder` (whose parent must exist) without waiting. Throws
  // InputError naming `folder` with `busy` when another run holds the lock.
  FolderLock(const std::string& folder, const std::string& busy);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace bitext

#endif  // BITEXT_SRC_FOLDER_LOCK_H_
