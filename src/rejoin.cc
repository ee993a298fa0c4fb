// Two-column extractions alternate blocks of each language, and a paragraph
// cut at the bottom of a column continues at the top of the next block of the
// same language. A paragraph is rejoined with the next one of its language
// only on evidence that the sentence was cut: it reads as prose, it does not
// end a sentence, the next one does not open a heading or bullet, and (for
// English) the next one starts in lower case or this one stops mid-clause.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "structure.h"
#include "text_features.h"

namespace bitext {
namespace {

bool OpensNewParagraph(const Paragraph& p) {
  return !BulletMarker(p.text).empty() || ParseNumberMarker(p.text).has_value();
}

bool WasCut(const Paragraph& p) {
  return !EndsSentence(p.text) && !IsEnumeration(p.text) && (LooksLikeProse(p.text, p.lang) || EndsMidClause(p.text));
}

// `next` continues `open`, which a block of the other language interrupted.
bool ContinuesAcrossBlock(const Paragraph& open, const Paragraph& next) {
  if (!WasCut(open) || OpensNewParagraph(next)) return false;
  if (open.lang == Lang::kZh) return true;
  return StartsLowercase(next.text) || EndsMidClause(open.text);
}

// Opens with a lower-case word ("and the rest"), not a path or a symbol
// whose first letter happens to be lower case ("/lib/modules", "-v").
bool StartsWithLowercaseWord(std::string_view text) {
  if (text.empty()) return false;
  int32_t i = 0;
  UChar32 first;
  U8_NEXT(text.data(), i, static_cast<int32_t>(std::min<size_t>(text.size(), 4)), first);
  return first >= 0 && u_islower(first);
}

// One token on a line of its own that ends no sentence ("cdrom-detect",
// "netcfg"): a label or term, as in a list of components and their
// descriptions, not the rest of a sentence a page break cut.
bool IsLoneTerm(std::string_view text) {
  return text.find_first_of(" \t") == std::string_view::npos && !EndsSentence(text);
}

// `next` continues `open` after a blank line in the same language (a page or
// column break in a monolingual file): only a lower-case continuation counts.
bool ContinuesAfterBlankLine(const Paragraph& open, const Paragraph& next) {
  return open.lang != Lang::kZh && WasCut(open) && !OpensNewParagraph(next) && StartsWithLowercaseWord(next.text) &&
         !IsLoneTerm(next.text);
}

}  // namespace

std::vector<Paragraph> RejoinBrokenParagraphs(std::vector<Paragraph> pieces, bool bilingual) {
  // Joined in place: each kept piece moves down to the next free slot, so
  // no second list of paragraphs is allocated.
  size_t kept = 0;
  // Per language: index of its latest kept paragraph, and whether a piece
  // of another language came after it.
  struct OpenParagraph {
    int index = -1;
    bool interrupted = false;
  };
  OpenParagraph open[3];
  for (Paragraph& piece : pieces) {
    const int lang = static_cast<int>(piece.lang);
    OpenParagraph& mine = open[lang];
    for (int other = 0; other < 3; ++other) {
      if (other != lang) open[other].interrupted = true;
    }
    if (mine.index >= 0 && piece.lang != Lang::kMixed) {
      Paragraph& target = pieces[static_cast<size_t>(mine.index)];
      bool join =
          mine.interrupted ? bilingual && ContinuesAcrossBlock(target, piece) : ContinuesAfterBlankLine(target, piece);
      if (join) {
        if (piece.lang != Lang::kZh) target.text += ' ';
        target.text += piece.text;
        target.pieces.insert(target.pieces.end(), piece.pieces.begin(), piece.pieces.end());
        mine.interrupted = false;
        continue;
      }
    }
    mine = {static_cast<int>(kept), false};
    if (&pieces[kept] != &piece) pieces[kept] = std::move(piece);
    ++kept;
  }
  pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(kept), pieces.end());
  return pieces;
}

}  // namespace bitext
