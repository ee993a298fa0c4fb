#include "cli_lexicon.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "decode.h"

namespace bitext::cli {

std::unique_ptr<align::Lexicon> LoadLexicon(const std::vector<std::string>& explicit_paths, bool disabled) {
  if (disabled) return nullptr;
  if (explicit_paths.size() > 1) {
    // CC-CEDICT lines of every file, read as one: entries of one word add up.
    std::string text;
    for (const std::string& path : explicit_paths) {
      text += ReadText(path, DecodeOptions{"UTF-8", false}).text;
      text += '\n';
    }
    return std::make_unique<align::Lexicon>(align::Lexicon::FromCedict(text));
  }
  std::string path = explicit_paths.empty() ? std::string() : explicit_paths.front();
  if (path.empty()) {
    if (const char* env = std::getenv("BITEXT_LEXICON"); env != nullptr && *env != '\0') path = env;
  }
  if (path.empty() && std::filesystem::is_regular_file(BITEXT_DEFAULT_LEXICON)) {
    path = BITEXT_DEFAULT_LEXICON;
  }
  if (path.empty()) {
    std::cerr << "bitext: no CC-CEDICT lexicon found (run scripts/setup.sh, or give --lexicon); "
                 "aligning on length, anchors and structure only\n";
    return nullptr;
  }
  DecodedText text = ReadText(path, DecodeOptions{"UTF-8", false});
  return std::make_unique<align::Lexicon>(align::Lexicon::FromCedict(text.text));
}

}  // namespace bitext::cli
