#include "batch_sets.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>
#include <tuple>

#include "decode.h"
#include "error.h"
#include "fnv.h"
#include "unicode.h"

namespace fs = std::filesystem;

namespace bitext::pipeline {
namespace {

// Files the batch writes at the top of its output folder.
const std::set<std::string> kReservedNames = {"index.html", "summary.json", "summary.md", "report.sarif", "junit.xml"};

std::string FolderName(const fs::path& folder) {
  fs::path normal = fs::absolute(folder).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  return normal.filename().string();
}

void AddSet(const fs::path& folder, std::vector<BatchSet>* sets) {
  sets->push_back({folder.string(), FolderName(folder), "", 0});
}

void AddFolder(const fs::path& folder, std::vector<BatchSet>* sets) {
  // Any `manifest` makes a set; one that is not a regular file fails as a bad set.
  if (fs::exists(fs::symlink_status(folder / "manifest"))) return AddSet(folder, sets);
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.is_directory() && entry.path().filename().string().front() != '.') AddSet(entry.path(), sets);
  }
}

void AddList(const fs::path& list, std::vector<BatchSet>* sets) {
  const DecodedText text = ReadText(list.string(), Utf8Only());
  for (std::string_view line : SplitLines(text.text)) {
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (!line.empty()) AddSet(list.parent_path() / std::string(line), sets);
  }
}

// Letters, digits, '.', '_' and '-' are kept, anything else becomes '_', so
// the name is a safe folder name and a plain URL path segment.
std::string SafeName(const std::string& key) {
  std::string out;
  for (char c : key.substr(0, 100)) {
    const bool keep =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    out += keep ? c : '_';
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

}  // namespace

std::vector<BatchSet> FindDocumentSets(const std::vector<std::string>& arguments) {
  std::vector<BatchSet> sets;
  for (const std::string& argument : arguments) {
    const fs::path path(argument);
    if (fs::is_directory(path)) {
      AddFolder(path, &sets);
    } else if (fs::is_regular_file(path) && path.filename() == "manifest") {
      AddSet(path.parent_path().empty() ? fs::path(".") : path.parent_path(), &sets);
    } else if (fs::is_regular_file(path)) {
      AddList(path, &sets);
    } else {
      throw InputError({argument}, "no such folder or set list");
    }
  }
  std::sort(sets.begin(), sets.end(),
            [](const BatchSet& a, const BatchSet& b) { return std::tie(a.key, a.path) < std::tie(b.key, b.path); });
  std::set<fs::path> seen;
  std::erase_if(sets, [&](const BatchSet& s) { return !seen.insert(fs::weakly_canonical(s.path)).second; });
  std::set<std::string> taken = kReservedNames;
  for (size_t i = 0; i < sets.size(); ++i) {
    const std::string base = SafeName(sets[i].key);
    std::string dir = base;
    for (int n = 2; !taken.insert(dir).second; ++n) dir = base + "-" + std::to_string(n);
    sets[i].dir = dir;
    sets[i].index = i;
  }
  return sets;
}

bool InShard(const BatchSet& set, const Shard& shard) {
  return Fnv1a(set.key) % static_cast<uint64_t>(shard.n) == static_cast<uint64_t>(shard.k - 1);
}

}  // namespace bitext::pipeline
