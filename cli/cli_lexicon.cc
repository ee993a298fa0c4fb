#include "cli_lexicon.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "decode.h"

namespace fs = std::filesystem;

namespace bitext::cli {
namespace {

// BIN/../share/bitext/cedict_ts.u8 for the running executable, or "".
// /proc/self/exe names the file itself, whatever argv[0] or PATH said.
std::string InstalledLexicon() {
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (error) return "";
  const fs::path path = exe.parent_path() / BITEXT_DATA_FROM_BIN / "cedict_ts.u8";
  return fs::is_regular_file(path, error) ? path.lexically_normal().string() : "";
}

}  // namespace

std::string FindLexicon(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("BITEXT_LEXICON"); env != nullptr && *env != '\0') return env;
  if (std::string installed = InstalledLexicon(); !installed.empty()) return installed;
  std::error_code error;
  if (fs::is_regular_file(BITEXT_DEFAULT_LEXICON, error)) return BITEXT_DEFAULT_LEXICON;
  return "";
}

std::unique_ptr<align::Lexicon> LoadLexicon(const std::string& explicit_path, bool disabled, bool quiet) {
  if (disabled) return nullptr;
  const std::string path = FindLexicon(explicit_path);
  if (path.empty()) {
    if (quiet) return nullptr;
    std::cerr << "bitext: no CC-CEDICT lexicon found (run scripts/setup.sh, or give --lexicon); "
                 "aligning on length, anchors and structure only\n";
    return nullptr;
  }
  DecodedText text = ReadText(path, DecodeOptions{"UTF-8", false});
  return std::make_unique<align::Lexicon>(align::Lexicon::FromCedict(text.text));
}

}  // namespace bitext::cli
