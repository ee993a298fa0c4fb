#include "manifest.h"

#include <filesystem>

#include "confine.h"
#include "decode.h"
#include "error.h"
#include "unicode.h"

namespace bitext {
namespace fs = std::filesystem;

namespace {

std::string ResolveInside(const fs::path& folder, std::string_view value, const FilePosition& where) {
  return ResolveInsideFolder(folder.string(), value, where, "the manifest's folder");
}

// Reports are UTF-8 throughout (JSON, SARIF, XML), and name the set's files.
bool IsUtf8(std::string_view text) {
  std::string back;
  for (char32_t c : ToCodePoints(text)) back += ToUtf8(c);
  return back == text;
}

// The complaints about a set's official text, or "" when it is sound.
std::string OfficialTextProblem(const Manifest& m) {
  const bool pair = !m.zh.empty() && !m.en.empty();
  if (m.bilingual.empty() && !pair)
    return "names no official text: give \"bilingual = FILE\" or both \"zh = FILE\" and \"en = FILE\"";
  if (!m.bilingual.empty() && (!m.zh.empty() || !m.en.empty()))
    return "give either \"bilingual\" or \"zh\" and \"en\", not both";
  return "";
}

}  // namespace

Manifest ReadManifest(const std::string& folder_or_file) {
  fs::path manifest_path(folder_or_file);
  if (fs::is_directory(manifest_path)) {
    // A set's manifest may not be a link to a file elsewhere.
    if (fs::exists(fs::symlink_status(manifest_path / "manifest")) &&
        !ResolvesInside(manifest_path / "manifest", manifest_path)) {
      throw InputError({(manifest_path / "manifest").string()},
                       "is a symbolic link that leads out of the set's folder");
    }
    manifest_path /= "manifest";
  }
  const std::string path = manifest_path.string();
  if (!IsUtf8(fs::absolute(manifest_path).string())) {
    throw InputError({path}, "the set's path is not valid UTF-8; rename its folder (reports are UTF-8 and name it)");
  }
  DecodedText text = ReadText(path, Utf8Only());

  Manifest m;
  m.folder = manifest_path.parent_path().string();
  if (m.folder.empty()) m.folder = ".";
  fs::path absolute_folder = fs::absolute(m.folder).lexically_normal();
  if (!absolute_folder.has_filename()) absolute_folder = absolute_folder.parent_path();
  m.name = absolute_folder.filename().string();

  int line_number = 0;
  for (std::string_view line : SplitLines(text.text)) {
    ++line_number;
    if (line.size() > kMaxSettingLineBytes) {
      throw InputError({path, line_number}, "line longer than " + std::to_string(kMaxSettingLineBytes) + " bytes");
    }
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    FilePosition where{path, line_number};
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) throw InputError(where, "expected \"key = value\"");
    std::string key(Trim(line.substr(0, eq)));
    std::string_view value = Trim(line.substr(eq + 1));
    if (value.empty()) throw InputError(where, "\"" + key + "\" has no value");
    if (key == "name") {
      m.name = std::string(value);
    } else if (key == "bilingual") {
      m.bilingual = ResolveInside(m.folder, value, where);
    } else if (key == "zh") {
      m.zh = ResolveInside(m.folder, value, where);
    } else if (key == "en") {
      m.en = ResolveInside(m.folder, value, where);
    } else if (key == "mt") {
      m.mt.push_back(ResolveInside(m.folder, value, where));
    } else if (key == "titles") {
      m.titles.push_back(ResolveInside(m.folder, value, where));
    } else if (key == "glossary") {
      m.glossary = ResolveInside(m.folder, value, where);
    } else {
      throw InputError(where, "unknown key \"" + key + "\" (known: name, bilingual, zh, en, mt, titles, glossary)");
    }
  }
  if (const std::string problem = OfficialTextProblem(m); !problem.empty()) throw InputError({path}, problem);
  return m;
}

Manifest ManifestOfFiles(Manifest m) {
  if (const std::string problem = OfficialTextProblem(m); !problem.empty()) {
    throw InputError({"the command line"}, problem);
  }
  m.folder.clear();
  if (m.name.empty()) {
    const std::string& official = m.bilingual.empty() ? m.zh : m.bilingual;  // "-": the current folder's
    m.name = fs::absolute(official).lexically_normal().parent_path().filename().string();
  }
  if (m.name.empty()) m.name = "bitext";  // a file at the root
  return m;
}

}  // namespace bitext
