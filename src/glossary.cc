#include "glossary.h"

#include "decode.h"
#include "error.h"
#include "unicode.h"

namespace bitext {

Glossary ReadGlossary(const std::string& path) {
  const DecodedText text = ReadText(path, Utf8Only());
  Glossary glossary{path, {}};
  int number = 0;
  for (std::string_view line : SplitLines(text.text)) {
    ++number;
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cols.emplace_back(Trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (cols.size() < 2 || cols[0].empty() || cols[1].empty()) {
      throw InputError({path, number}, "expected \"source<TAB>approved translation[<TAB>forbidden;...]\"");
    }
    GlossaryEntry entry{cols[0], cols[1], {}, number};
    if (cols.size() > 2) {
      size_t from = 0;
      while (from <= cols[2].size()) {
        const size_t semi = cols[2].find(';', from);
        const std::string variant(
            Trim(std::string_view(cols[2]).substr(from, semi == std::string::npos ? std::string::npos : semi - from)));
        if (!variant.empty()) entry.forbidden.push_back(variant);
        if (semi == std::string::npos) break;
        from = semi + 1;
      }
    }
    glossary.entries.push_back(std::move(entry));
  }
  return glossary;
}

}  // namespace bitext
