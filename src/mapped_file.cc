#include "mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "confine.h"
#include "error.h"
#include "fnv.h"

namespace bitext {
namespace {

namespace fs = std::filesystem;

// The type of a file fstat described, as DescribeFileType takes it.
fs::file_status TypeOf(mode_t mode) {
  if (S_ISDIR(mode)) return fs::file_status(fs::file_type::directory);
  if (S_ISFIFO(mode)) return fs::file_status(fs::file_type::fifo);
  if (S_ISCHR(mode)) return fs::file_status(fs::file_type::character);
  if (S_ISBLK(mode)) return fs::file_status(fs::file_type::block);
  if (S_ISSOCK(mode)) return fs::file_status(fs::file_type::socket);
  return fs::file_status(fs::file_type::unknown);
}

// An open regular file, closed when it goes out of scope. O_NONBLOCK keeps
// a FIFO named by mistake from blocking the open; reads of a regular file
// ignore it.
class OpenFile {
 public:
  explicit OpenFile(const std::string& path) : path_(path), fd_(open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)) {
    if (fd_ < 0 && errno == ENOENT) throw InputError({path_}, "no such file");
    if (fd_ < 0) Fail("cannot open");
    struct stat status {};
    const bool read = fstat(fd_, &status) == 0;
    const int error = errno;
    if (read && S_ISREG(status.st_mode)) {
      size_ = static_cast<uint64_t>(status.st_size);
      return;
    }
    close(fd_);
    if (read) throw InputError({path_}, "is " + DescribeFileType(TypeOf(status.st_mode)) + ", not a regular file");
    errno = error;
    Fail("cannot read");
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile() {
    if (fd_ >= 0) close(fd_);
  }

  int fd() const { return fd_; }
  uint64_t size() const { return size_; }

  // Reads [offset, offset + size) in chunks, handing each to `take`. Every
  // chunk but the last is whole (a multiple of 8 bytes, for Fnv1aWords).
  template <typename Take>
  void ReadChunks(uint64_t offset, uint64_t size, Take take) const {
    constexpr size_t kChunk = 256 << 10;
    const std::unique_ptr<char[]> buffer = std::make_unique_for_overwrite<char[]>(kChunk);
    while (size > 0) {
      const size_t want = static_cast<size_t>(std::min<uint64_t>(size, kChunk));
      size_t have = 0;
      while (have < want) {
        const ssize_t got = pread(fd_, buffer.get() + have, want - have, static_cast<off_t>(offset + have));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) Fail("cannot read");
        if (got == 0)
          throw InputError({path_, 0, static_cast<int64_t>(offset + have)}, "ended early (was it changed?)");
        have += static_cast<size_t>(got);
      }
      take(std::string_view(buffer.get(), want));
      offset += want;
      size -= want;
    }
  }

  [[noreturn]] void Fail(const char* what) const {
    const std::string reason = std::string(what) + ": " + std::strerror(errno);
    throw InputError({path_}, reason);
  }

 private:
  std::string path_;
  int fd_;
  uint64_t size_ = 0;
};

}  // namespace

MappedFile::~MappedFile() {
  if (mapped_ > 0) munmap(address_, mapped_);
}

std::shared_ptr<const MappedFile> MappedFile::OpenChecksummed(const std::string& path) {
  const OpenFile file(path);
  uint64_t stored = 0;
  if (file.size() < sizeof stored) return nullptr;
  const uint64_t size = file.size() - sizeof stored;
  uint64_t hash = kFnvOffsetBasis;
  file.ReadChunks(0, size, [&](std::string_view chunk) { hash = Fnv1aWords(chunk, hash); });
  std::string tail;
  file.ReadChunks(size, sizeof stored, [&](std::string_view chunk) { tail.append(chunk); });
  std::memcpy(&stored, tail.data(), sizeof stored);
  if (stored != hash) return nullptr;
  if (size == 0) return std::shared_ptr<const MappedFile>(new MappedFile(nullptr, 0, 0));
  void* address = mmap(nullptr, file.size(), PROT_READ, MAP_PRIVATE, file.fd(), 0);
  if (address == MAP_FAILED) file.Fail("cannot map");
  // Lookups touch pages here and there: reading ahead around each would
  // only add pages that are never used.
  madvise(address, file.size(), MADV_RANDOM);
  return std::shared_ptr<const MappedFile>(new MappedFile(address, file.size(), size));
}

FileHash HashFile(const std::string& path) {
  const OpenFile file(path);
  FileHash result{file.size(), kFnvOffsetBasis};
  file.ReadChunks(0, file.size(), [&](std::string_view chunk) { result.hash = Fnv1aWords(chunk, result.hash); });
  return result;
}

}  // namespace bitext
