// An audit's output folder is written whole or not at all. The reports go
// into a fresh folder beside it, which then takes its place in one rename:
// the folder holds exactly one run's reports, a failed run leaves the old
// ones untouched, and a second audit into the same folder at the same time
// fails at once instead of mixing its reports with the first one's.
#ifndef BITEXT_SRC_OUTPUT_FOLDER_H_
#define BITEXT_SRC_OUTPUT_FOLDER_H_

#include <string>
#include <vector>

#include "folder_lock.h"

namespace bitext {

class OutputFolder {
 public:
  // Locks `target` and makes the fresh folder. Throws InputError when
  // another run holds the lock, or when `target` exists and is not a
  // folder, or holds files an audit does not write (it would be replaced
  // whole).
  explicit OutputFolder(const std::string& target);
  // Removes the fresh folder unless committed, and releases the lock.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // Where the reports are written until Commit.
  const std::string& staging() const { return staging_; }

  // Puts the fresh folder in the target's place and removes the old one.
  void Commit();

 private:
  FolderLock lock_;  // first made, last released
  std::string target_, staging_;
  bool committed_ = false;
};

// Throws InputError (exit 2) when the output folder `out` is, or contains,
// the folder `set` (unless empty) or one of `inputs`: inputs are only ever read, and the
// output folder is replaced whole.
void CheckOutputKeepsClearOfInputs(const std::string& out, const std::string& set,
                                   const std::vector<std::string>& inputs);

}  // namespace bitext

#endif  // BITEXT_SRC_OUTPUT_FOLDER_H_
