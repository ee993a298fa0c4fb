// Finding and loading the CC-CEDICT lexicon for the commands that align.
// Order: --lexicon PATH (repeatable), then $BITEXT_LEXICON, then the installed copy beside
// the executable (BIN/../share/bitext/cedict_ts.u8, so that an installed or
// relocated tree finds its own), then the copy scripts/setup.sh fetches into
// the source tree's third_party/cedict/ (for the build tree). Without one the
// aligner still runs, on length, anchors and structure, and says so once on
// stderr.
#ifndef BITEXT_CLI_CLI_LEXICON_H_
#define BITEXT_CLI_CLI_LEXICON_H_

#include <memory>
#include <string>
#include <vector>

#include "lexicon.h"

namespace bitext::cli {

// The lexicon file the order above picks ("" when none is found). Only
// looks at the file system; reads nothing.
std::string FindLexicon(const std::string& explicit_path);

// Returns nullptr when no lexicon is found or `disabled`; says so on stderr
// unless `quiet`. Several paths given explicitly are read into one lexicon
// (a word's glosses are the union of its entries: CC-CEDICT and a lexicon
// saved by `align --write-lexicon`). A path given explicitly that cannot be
// read is an InputError.
std::unique_ptr<align::Lexicon> LoadLexicon(const std::vector<std::string>& explicit_paths, bool disabled,
                                            bool quiet = false);

}  // namespace bitext::cli

#endif  // BITEXT_CLI_CLI_LEXICON_H_
