// A document set may come from someone else (a CI job audits whatever a pull
// request adds), so every path it names must stay inside its folder after
// symbolic links are followed, and must be a regular file: otherwise a link
// to /proc/self/environ would copy the environment into the reports, and a
// FIFO or /dev/zero would hang the audit or exhaust memory.
#ifndef BITEXT_SRC_CONFINE_H_
#define BITEXT_SRC_CONFINE_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "error.h"

namespace bitext {

// Lines of a manifest or config file longer than this are refused: no path
// or option needs them, and messages quote what they name.
inline constexpr size_t kMaxSettingLineBytes = 4096;

// True when `path`, with symbolic links resolved, is `folder` or lies
// inside it.
bool ResolvesInside(const std::filesystem::path& path, const std::filesystem::path& folder);

// "a folder", "a FIFO", "a device", "a socket" or "not a regular file".
std::string DescribeFileType(const std::filesystem::file_status& status);

// `folder`/`value` when `value` is a relative path without "..", resolves
// inside `folder` and names a regular file. Otherwise throws InputError at
// `where` (the manifest or bitext.ini line that names it); `owner` says
// whose folder it is ("the manifest's folder").
std::string ResolveInsideFolder(const std::string& folder, std::string_view value, const FilePosition& where,
                                const std::string& owner);

}  // namespace bitext

#endif  // BITEXT_SRC_CONFINE_H_
