// Large read-only data files (the compiled lexicon) mapped into memory
// instead of read: nothing is copied or built on the heap, so mapping takes
// no time whatever the file's size, and the pages a run touches (the kernel
// maps a block around each) are the page cache's, shared by every run.
#ifndef BITEXT_SRC_MAPPED_FILE_H_
#define BITEXT_SRC_MAPPED_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace bitext {

class MappedFile {
 public:
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Maps a checksummed file (AppendChecksum) after checking its checksum in
  // chunks, without mapping or holding it whole. Returns nullptr when the
  // checksum does not match. Throws InputError naming the file when it
  // cannot be opened, read or mapped. The file is replaced atomically when
  // rewritten (WriteFileAtomically), so the mapped one stays as checked.
  static std::shared_ptr<const MappedFile> OpenChecksummed(const std::string& path);

  // The file's bytes before its checksum.
  std::string_view bytes() const { return {static_cast<const char*>(address_), size_}; }

 private:
  MappedFile(void* address, size_t mapped, size_t size) : address_(address), mapped_(mapped), size_(size) {}

  void* address_;
  size_t mapped_;
  size_t size_;
};

// The size and Fnv1aWords hash of a file's bytes, read in chunks so that a
// large file is never held whole. Throws InputError naming the file when it
// cannot be read.
struct FileHash {
  uint64_t size = 0;
  uint64_t hash = 0;
};
FileHash HashFile(const std::string& path);

}  // namespace bitext

#endif  // BITEXT_SRC_MAPPED_FILE_H_
