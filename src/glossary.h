// A terminology glossary: source terms with their approved translation and
// the variants a translation must not use. Read from a TSV file the user
// gives: one entry a line, "source<TAB>approved[<TAB>forbidden;forbidden...]",
// "#" starts a comment.
#ifndef BITEXT_SRC_GLOSSARY_H_
#define BITEXT_SRC_GLOSSARY_H_

#include <string>
#include <vector>

namespace bitext {

struct GlossaryEntry {
  std::string source;                  // e.g. 人类命运共同体
  std::string approved;                // e.g. global community of shared future
  std::vector<std::string> forbidden;  // e.g. community with a shared future for mankind
  int line = 0;                        // where it was defined
};

struct Glossary {
  std::string path;
  std::vector<GlossaryEntry> entries;
};

// Throws InputError naming the file and line of a malformed row (fewer
// than two columns, an empty term).
Glossary ReadGlossary(const std::string& path);

}  // namespace bitext

#endif  // BITEXT_SRC_GLOSSARY_H_
