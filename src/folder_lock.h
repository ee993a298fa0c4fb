// A lock on an output folder, so that two runs never write into the same
// folder at once: `flock` on ".NAME.lock" beside the folder (not inside it,
// which an audit replaces whole), removed when the lock is released. The
// file names the run that holds it ("batch 1234": the command and its
// process), so that a run turned away can say which one it waits on.
#ifndef BITEXT_SRC_FOLDER_LOCK_H_
#define BITEXT_SRC_FOLDER_LOCK_H_

#include <string>

namespace bitext {

class FolderLock {
 public:
  // Locks `folder` (whose parent must exist) without waiting, for the
  // bitext command `command` ("audit", "batch", "merge"). Throws InputError
  // naming `folder` when another run holds the lock: "a running bitext
  // batch (process 1234) is writing into this folder; wait for it to finish
  // or give another --out".
  FolderLock(const std::string& folder, const std::string& command);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace bitext

#endif  // BITEXT_SRC_FOLDER_LOCK_H_
