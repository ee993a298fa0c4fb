#include "output_folder.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "confine.h"
#include "error.h"

namespace bitext {
namespace fs = std::filesystem;

namespace {

// The files and folders an audit writes: a target holding anything else is
// not an earlier audit's output and is never replaced.
bool IsAuditOutputName(const std::string& name) {
  static const char* kNames[] = {"aligned.tmx",   "aligned.tsv",  "aligned.xlf",  "documents",
                                 "findings.json", "findings.txt", "junit.xml",    "report.html",
                                 "report.json",   "report.md",    "report.sarif", "summary.txt"};
  for (const char* known : kNames) {
    if (name == known) return true;
  }
  const bool comparison =
      name.rfind("compare-", 0) == 0 && name.size() > 13 && name.compare(name.size() - 5, 5, ".json") == 0;
  return comparison || name.find(".tmp.") != std::string::npos;  // or a killed run's temporary file
}

// ".NAME.new.PID" or ".NAME.new.PID.old", the folders a run makes beside NAME.
bool IsStagingOf(const std::string& name, const std::string& hidden) {
  const std::string prefix = hidden + ".new.";
  if (name.rfind(prefix, 0) != 0) return false;
  std::string pid = name.substr(prefix.size());
  if (pid.size() > 4 && pid.compare(pid.size() - 4, 4, ".old") == 0) pid.resize(pid.size() - 4);
  return !pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos;
}

fs::path Normal(const std::string& path) {
  fs::path normal = fs::absolute(path).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  return normal;
}

}  // namespace

OutputFolder::OutputFolder(const std::string& target)
    : lock_(target, "audit"), target_(Normal(target).string()) {
  const fs::path target_path(target_);
  const std::string hidden = "." + target_path.filename().string();
  std::error_code error;
  const fs::file_status status = fs::status(target_path, error);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) {
      throw InputError({target}, "is " + DescribeFileType(status) + ", not an output folder");
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(target_path)) {
      const std::string name = entry.path().filename().string();
      if (!IsAuditOutputName(name)) {
        throw InputError({target}, "holds \"" + name +
                                       "\", which an audit does not write; the folder is "
                                       "replaced whole, so give a new or empty folder, or an earlier audit's");
      }
    }
  }
  // Under the lock, a fresh folder left by a killed run is stale.
  for (const fs::directory_entry& entry : fs::directory_iterator(target_path.parent_path())) {
    if (IsStagingOf(entry.path().filename().string(), hidden)) fs::remove_all(entry.path(), error);
  }
  staging_ = (target_path.parent_path() / (hidden + ".new." + std::to_string(::getpid()))).string();
  fs::create_directories(staging_, error);
  if (error) throw InputError({staging_}, "cannot create folder: " + error.message());
}

OutputFolder::~OutputFolder() {
  std::error_code error;
  if (!committed_ && !staging_.empty()) fs::remove_all(staging_, error);
}

void OutputFolder::Commit() {
  std::error_code error;
  // One atomic exchange where the file system has it: no moment without reports.
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
    committed_ = true;
    fs::remove_all(staging_, error);  // now the old folder
    return;
  }
  const std::string old = staging_ + ".old";
  if (fs::exists(fs::symlink_status(target_))) {
    if (std::rename(target_.c_str(), old.c_str()) != 0) {
      throw InputError({target_}, std::string("cannot replace: ") + std::strerror(errno));
    }
  }
  if (std::rename(staging_.c_str(), target_.c_str()) != 0) {
    const int saved = errno;
    std::rename(old.c_str(), target_.c_str());  // put the old reports back
    throw InputError({target_}, std::string("cannot replace: ") + std::strerror(saved));
  }
  committed_ = true;
  fs::remove_all(old, error);
}

void CheckOutputKeepsClearOfInputs(const std::string& out, const std::string& set,
                                   const std::vector<std::string>& inputs) {
  if (!set.empty() && ResolvesInside(set, out)) {
    throw InputError({out}, "the output folder is or contains the document set " + set +
                                "; inputs are only read: give another --out");
  }
  for (const std::string& input : inputs) {
    if (ResolvesInside(input, out)) {
      throw InputError({out}, "the output folder contains the input " + input + "; give another --out");
    }
  }
}

}  // namespace bitext
