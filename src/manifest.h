// A document set on disk: a folder with a `manifest` naming the role of each
// file. Format: one `key = value` per line, `#` starts a comment.
//
//   name = whitepaper-2021
//   bilingual = official-bilingual.txt   # or: zh = ... and en = ...
//   mt = mt-news-agency-en.txt           # repeatable: machine translations
//   titles = news-release-part-titles.txt  # repeatable: official headings listed elsewhere
//   glossary = glossary.tsv              # terminology: source, approved, forbidden variants
//
// Paths are relative to the folder and may not leave it. A set may also be
// named file by file on the command line (ManifestOfFiles).
#ifndef BITEXT_SRC_MANIFEST_H_
#define BITEXT_SRC_MANIFEST_H_

#include <string>
#include <vector>

namespace bitext {

struct Manifest {
  std::string folder;               // the document set's folder; empty for files named one by one
  std::string name;                 // defaults to the folder's name
  std::string bilingual;            // interleaved zh+en official text, or empty
  std::string zh;                   // official Chinese, when given as two files
  std::string en;                   // official English, when given as two files
  std::vector<std::string> mt;      // machine translations (English)
  std::vector<std::string> titles;  // documents listing official titles
  std::string glossary;             // terminology TSV, or empty
};

// Reads FOLDER/manifest (or a manifest file given directly). Throws
// InputError naming the manifest line for unknown keys, missing files,
// paths leaving the folder, or a set without official text.
Manifest ReadManifest(const std::string& folder_or_file);

// A set named file by file (bitext audit --zh Z --en E --mt M): `files` with
// the paths as the user gave them, which are the user's own and so are not
// confined to a folder. Sets an empty `name` to the name of the official
// text's folder. Throws InputError without official text, or with both kinds
// of it.
Manifest ManifestOfFiles(Manifest files);

}  // namespace bitext

#endif  // BITEXT_SRC_MANIFEST_H_
