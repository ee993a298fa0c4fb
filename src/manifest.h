// A document set on disk: a folder with a `manifest` naming the role of each
// file. Format: one `key = value` per line, `#` starts a comment.
//
//   name = whitepaper-2021
//   bilingual = official-bilingual.txt   # or: zh = ... and en = ...
//   mt = mt-news-agency-en.txt           # repeatable: machine translations
//   titles = news-release-part-titles.txt  # repeatable: official headings listed elsewhere
//   glossary = glossary.tsv              # terminology: source, approved, forbidden variants
//
// Paths are relative to the folder and may not leave it.
#ifndef BITEXT_SRC_MANIFEST_H_
#define BITEXT_SRC_MANIFEST_H_

#include <string>
#include <vector>

namespace bitext {

struct Manifest {
  std::string folder;     // the document set's folder
  std::string name;       // defaults to the folder's name
  std::string bilingual;  // interleaved zh+en official text, or empty
  std::string zh;         // official Chinese, when given as two files
  std::string en;         // official English, when given as two files
  std::vector<std::string> mt;      // machine translations (English)
  std::vector<std::string> titles;  // documents listing official titles
  std::string glossary;             // terminology TSV, or empty
};

// Reads FOLDER/manifest (or a manifest file given directly). Throws
// InputError naming the manifest line for unknown keys, missing files,
// paths leaving the folder, or a set without official text.
Manifest ReadManifest(const std::string& folder_or_file);

}  // namespace bitext

#endif  // BITEXT_SRC_MANIFEST_H_
