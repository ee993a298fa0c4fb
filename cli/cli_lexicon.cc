#include "cli_lexicon.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <system_error>

#include "atomic_file.h"
#include "decode.h"
#include "fnv.h"

namespace bitext::cli {
namespace {

namespace fs = std::filesystem;

// Where the parsed form of the lexicon at `path` is cached: the user's cache
// folder, never beside the lexicon (a folder of inputs is not written to).
// Empty when there is no cache folder.
fs::path CachePath(const std::string& path) {
  fs::path folder;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    folder = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
    folder = fs::path(home) / ".cache";
  } else {
    return {};
  }
  std::error_code error;
  const fs::path absolute = fs::absolute(path, error);
  if (error) return {};
  return folder / "bitext" / ("lexicon-" + Hex64(Fnv1a(absolute.string())) + ".bin");
}

// The text's size and modification time: a cache made from other text is
// not used.
std::optional<std::string> SourceKey(const std::string& path) {
  std::error_code error;
  const uintmax_t size = fs::file_size(path, error);
  if (error) return std::nullopt;
  const fs::file_time_type modified = fs::last_write_time(path, error);
  if (error) return std::nullopt;
  return path + "\n" + std::to_string(size) + "\n" + std::to_string(modified.time_since_epoch().count());
}

std::optional<align::Lexicon> ReadCache(const fs::path& cache, const std::string& key) {
  std::ifstream in(cache, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return align::Lexicon::FromBinary(data, key);
}

}  // namespace

std::unique_ptr<align::Lexicon> LoadLexicon(const std::string& explicit_path, bool disabled) {
  if (disabled) return nullptr;
  std::string path = explicit_path;
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
  const fs::path cache = CachePath(path);
  const std::optional<std::string> key = SourceKey(path);
  if (!cache.empty() && key) {
    if (std::optional<align::Lexicon> cached = ReadCache(cache, *key)) {
      return std::make_unique<align::Lexicon>(std::move(*cached));
    }
  }
  DecodedText text = ReadText(path, DecodeOptions{"UTF-8", false});
  auto lexicon = std::make_unique<align::Lexicon>(align::Lexicon::FromCedict(text.text));
  if (!cache.empty() && key) {
    // A cache that cannot be written costs only time: the next run parses again.
    try {
      WriteFileAtomically(cache.string(), lexicon->ToBinary(*key));
    } catch (const std::exception&) {
    }
  }
  return lexicon;
}

}  // namespace bitext::cli
