#include "confine.h"

#include <algorithm>

namespace bitext {
namespace fs = std::filesystem;

bool ResolvesInside(const fs::path& path, const fs::path& folder) {
  std::error_code error;
  const fs::path real_path = fs::weakly_canonical(fs::absolute(path), error);
  if (error) return false;
  const fs::path real_folder = fs::weakly_canonical(fs::absolute(folder), error);
  if (error) return false;
  auto folder_end = real_folder.end();
  if (!real_folder.has_filename()) --folder_end;  // a trailing separator is an empty last part
  return std::mismatch(real_folder.begin(), folder_end, real_path.begin(), real_path.end()).first == folder_end;
}

std::string DescribeFileType(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::directory:
      return "a folder";
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::character:
    case fs::file_type::block:
      return "a device";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

std::string ResolveInsideFolder(const std::string& folder, std::string_view value, const FilePosition& where,
                                const std::string& owner) {
  const std::string quoted = "\"" + std::string(value) + "\"";
  fs::path relative(std::string{value});
  if (relative.is_absolute()) throw InputError(where, "path " + quoted + " must be relative to " + owner);
  for (const fs::path& part : relative) {
    if (part == "..") throw InputError(where, "path " + quoted + " leaves " + owner);
  }
  const fs::path full = fs::path(folder) / relative;
  std::error_code error;
  const fs::file_status link = fs::symlink_status(full, error);
  if (!fs::exists(link)) throw InputError(where, "file \"" + full.string() + "\" does not exist");
  if (!ResolvesInside(full, folder)) {
    throw InputError(where, "path " + quoted + " is a symbolic link that leads out of " + owner);
  }
  const fs::file_status status = fs::status(full, error);
  if (!fs::exists(status)) throw InputError(where, "file \"" + full.string() + "\" does not exist (a broken link)");
  if (!fs::is_regular_file(status)) {
    throw InputError(where, "path " + quoted + " is " + DescribeFileType(status) + ", not a regular file");
  }
  return full.string();
}

}  // namespace bitext
