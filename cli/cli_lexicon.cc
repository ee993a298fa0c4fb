#include "cli_lexicon.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <system_error>
#include <vector>

#include "atomic_file.h"
#include "cli.h"
#include "decode.h"
#include "error.h"
#include "mapped_file.h"

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

// Where a compiled form of the lexicon at `path` may sit: beside it, with
// the extension .bin (cedict_ts.u8 -> cedict_ts.bin), and for the default
// lexicon also the copy the build tree compiles.
std::vector<fs::path> BinaryCandidates(const std::string& path) {
  std::vector<fs::path> candidates{fs::path(path).replace_extension(".bin")};
  std::error_code error;
  if (fs::equivalent(path, BITEXT_DEFAULT_LEXICON, error)) candidates.emplace_back(BITEXT_DEFAULT_LEXICON_BINARY);
  return candidates;
}

// The first candidate compiled from the text whose TextKey is `key`,
// mapped; a missing, damaged or stale binary is passed over (the text is
// parsed instead).
std::optional<align::Lexicon> MapCompiled(const std::string& path, const std::string& key) {
  for (const fs::path& candidate : BinaryCandidates(path)) {
    std::error_code error;
    if (!fs::is_regular_file(candidate, error)) continue;
    try {
      std::shared_ptr<const MappedFile> mapped = MappedFile::OpenChecksummed(candidate.string());
      if (!mapped) continue;
      if (std::optional<align::Lexicon> lexicon = align::Lexicon::FromTable(mapped->bytes(), key, mapped)) {
        return lexicon;
      }
    } catch (const InputError&) {
    }
  }
  return std::nullopt;
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

std::unique_ptr<align::Lexicon> LoadLexicon(const std::vector<std::string>& explicit_paths, bool disabled, bool quiet) {
  if (disabled) return nullptr;
  if (explicit_paths.size() > 1) {
    // CC-CEDICT lines of every file, read as one: entries of one word add up.
    std::string text;
    for (const std::string& path : explicit_paths) {
      text += ReadText(path, Utf8Only()).text;
      text += '\n';
    }
    return std::make_unique<align::Lexicon>(align::Lexicon::FromCedict(text));
  }
  const std::string path = FindLexicon(explicit_paths.empty() ? std::string() : explicit_paths.front());
  if (path.empty()) {
    if (quiet) return nullptr;
    std::cerr << "bitext: no CC-CEDICT lexicon found (run scripts/setup.sh, or give --lexicon); "
                 "aligning on length, anchors and structure only\n";
    return nullptr;
  }
  // Neither the text nor its compiled form is held whole: the text is
  // hashed in chunks, the compiled form mapped.
  const FileHash hash = HashFile(path);
  if (std::optional<align::Lexicon> compiled = MapCompiled(path, align::Lexicon::TextKey(hash.size, hash.hash))) {
    return std::make_unique<align::Lexicon>(std::move(*compiled));
  }
  DecodedText text = Decode(ReadFileBytes(path), path, Utf8Only());
  return std::make_unique<align::Lexicon>(align::Lexicon::FromCedict(text.text));
}

int RunLexicon(const std::vector<std::string>& args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "usage: bitext lexicon compile IN OUT\n"
                 "Parses the CC-CEDICT text IN and writes its compiled form to OUT (atomically).\n"
                 "A compiled form beside a lexicon (X.bin for X.u8) is loaded instead of parsing X.u8\n"
                 "while it matches X.u8's size and checksum.\n";
    return kExitOk;
  }
  if (args.size() != 3 || args[0] != "compile") throw UsageError("expected: compile IN OUT");
  const std::string bytes = ReadFileBytes(args[1]);
  const align::Lexicon lexicon = align::Lexicon::FromCedict(Decode(bytes, args[1], Utf8Only()).text);
  WriteFileAtomically(args[2], lexicon.ToBinary(align::Lexicon::TextKey(bytes)));
  return kExitOk;
}

}  // namespace bitext::cli
