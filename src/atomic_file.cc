#include "atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "error.h"

namespace bitext {

void WriteFileAtomically(const std::string& path, std::string_view content) {
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
  size_t written = std::fwrite(content.data(), 1, content.size(), out);
  bool ok = written == content.size() && std::fflush(out) == 0 && ::fsync(fileno(out)) == 0;
  int saved_errno = errno;
  ok = std::fclose(out) == 0 && ok;
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    if (ok) saved_errno = errno;
    std::remove(temporary.c_str());
    throw InputError({path}, std::string("cannot write: ") + std::strerror(saved_errno));
  }
}

}  // namespace bitext
