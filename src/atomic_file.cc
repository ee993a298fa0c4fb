#include "atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <streambuf>

#include "error.h"

namespace bitext {

namespace {

// Writes a stream to a C file, which can then be synced before the rename.
// Characters gather in a put area of its own: without one, each character
// written (JSON is written a character at a time) is a locked fputc. Every
// few megabytes the file's new bytes are sent on to the disk without
// waiting, so that the sync before the rename has little left to wait for
// and a large report's disk writes overlap its formatting.
class FileBuffer : public std::streambuf {
 public:
  explicit FileBuffer(std::FILE* file) : file_(file), area_(std::make_unique<char[]>(kAreaBytes)) {
    setp(area_.get(), area_.get() + kAreaBytes);
  }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
  }
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    if (size <= epptr() - pptr()) {
      std::memcpy(pptr(), data, static_cast<size_t>(size));
      pbump(static_cast<int>(size));
      return size;
    }
    if (!Drain()) return 0;
    const size_t written = std::fwrite(data, 1, static_cast<size_t>(size), file_);
    return Written(written) ? static_cast<std::streamsize>(written) : 0;
  }
  int sync() override { return Drain() && std::fflush(file_) == 0 ? 0 : -1; }

 private:
  static constexpr std::ptrdiff_t kAreaBytes = 1 << 16;
  static constexpr off_t kWritebackBytes = 8 << 20;

  // Hands the put area to the file and empties it.
  bool Drain() {
    const size_t size = static_cast<size_t>(pptr() - pbase());
    const bool ok = size == 0 || std::fwrite(pbase(), 1, size, file_) == size;
    setp(area_.get(), area_.get() + kAreaBytes);
    return ok && Written(size);
  }

  // Starts the disk writes of what was written since the last start, once
  // it is a few megabytes; false when the bytes could not be handed to the
  // file. The start itself is only a hint: its errors are the sync's to
  // report.
  bool Written(size_t bytes) {
    written_ += static_cast<off_t>(bytes);
    if (written_ - sent_ < kWritebackBytes) return true;
    if (std::fflush(file_) != 0) return false;
    ::sync_file_range(fileno(file_), sent_, written_ - sent_, SYNC_FILE_RANGE_WRITE);
    sent_ = written_;
    return true;
  }

  std::FILE* file_;
  std::unique_ptr<char[]> area_;
  off_t written_ = 0;
  off_t sent_ = 0;
};

}  // namespace

void WriteFileAtomically(const std::string& path, std::string_view content) {
  WriteFileAtomically(
      path, [&](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

void WriteFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) throw InputError({target.parent_path().string()}, "cannot create folder: " + ec.message());
  }
  std::string temporary = path + ".tmp." + std::to_string(::getpid());
  std::FILE* out = std::fopen(temporary.c_str(), "wb");
  if (out == nullptr) {
    throw InputError({path}, std::string("cannot write: ") + std::strerror(errno));
  }
  FileBuffer buffer(out);
  std::ostream stream(&buffer);
  try {
    write(stream);
  } catch (...) {
    std::fclose(out);
    std::remove(temporary.c_str());
    throw;
  }
  stream.flush();
  bool ok = stream.good() && std::fflush(out) == 0 && !std::ferror(out) && ::fsync(fileno(out)) == 0;
  int saved_errno = errno;
  ok = std::fclose(out) == 0 && ok;
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    if (ok) saved_errno = errno;
    std::remove(temporary.c_str());
    throw InputError({path}, std::string("cannot write: ") + std::strerror(saved_errno));
  }
}

}  // namespace bitext
