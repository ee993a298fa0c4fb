// Physical lines to pieces. Each non-blank line starts as its own piece: in
// extracted and web text a line is usually a paragraph. Lines are joined only
// inside a block (no blank line between), in the same language, when the text
// is hard-wrapped (most lines of multi-line blocks stop near one width) or
// when the next line plainly continues the sentence (lower-case start after an
// line that reads as prose and stops mid-sentence).
#include <algorithm>
#include <optional>

#include "structure.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

struct Line {
  int number;
  std::string_view text;  // trimmed
  int block;
};

// Calls visit(line) for each non-blank line of `text`, in order. The lines
// are visited, not gathered: a text of a million short lines needs no list
// of a million lines.
template <typename Visit>
void ForEachNonBlankLine(std::string_view text, Visit visit) {
  int number = 0, block = 0;
  bool previous_blank = true;
  for (size_t pos = 0; pos < text.size();) {  // as SplitLines splits
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++number;
    if (line.empty()) {
      previous_blank = true;
    } else {
      if (previous_blank) ++block;
      previous_blank = false;
      visit(Line{number, line, block});
    }
  }
}

// Narrower than this, lines are lists or fragments, not wrapped prose.
constexpr size_t kMinWrapWidth = 20;

// Hard-wrapped text: lines that are followed by another line of their block
// mostly end close to the widest line, and no line is very long.
bool IsHardWrapped(std::string_view text) {
  size_t widest = 0;
  ForEachNonBlankLine(text, [&](const Line& l) { widest = std::max(widest, CodePointCount(l.text)); });
  if (widest < kMinWrapWidth || widest > 160) return false;
  int followed = 0, near_width = 0;
  std::optional<Line> previous;
  ForEachNonBlankLine(text, [&](const Line& l) {
    if (previous && previous->block == l.block) {
      ++followed;
      if (CodePointCount(previous->text) * 4 >= widest * 3) ++near_width;
    }
    previous = l;
  });
  return followed >= 3 && near_width * 10 >= followed * 7;
}

// The line that starts a piece, and the piece's language.
struct PieceStart {
  int line;
  Lang lang;
};

// The lines that start pieces; every other non-blank line continues the
// piece before it.
std::vector<PieceStart> PieceStarts(std::string_view text, bool wrapped) {
  std::vector<PieceStart> starts;
  int piece_block = -1;
  std::string_view previous_line;
  ForEachNonBlankLine(text, [&](const Line& line) {
    std::optional<Lang> lang = LangOfText(line.text);
    if (!starts.empty() && line.block == piece_block) {
      const Lang piece_lang = starts.back().lang;
      bool same_lang = !lang || *lang == piece_lang;
      bool starts_new = !BulletMarker(line.text).empty() || ParseNumberMarker(line.text);
      // Judged on the previous line, not the piece so far: a block of many
      // lines must not be rescanned at every line.
      auto cut_prose = [&] {
        return !EndsSentence(previous_line) &&
               (LooksLikeProse(previous_line, piece_lang) || EndsMidClause(previous_line));
      };
      bool continues = !starts_new && (wrapped || (StartsLowercase(line.text) && cut_prose()));
      previous_line = line.text;
      if (same_lang && continues) return;
    }
    // Lines without letters (a bare year, a page number) take the language
    // around them.
    starts.push_back({line.number, lang ? *lang : starts.empty() ? Lang::kEn : starts.back().lang});
    previous_line = line.text;
    piece_block = line.block;
  });
  return starts;
}

}  // namespace

std::vector<Paragraph> SplitIntoPieces(std::string_view text) {
  // Where the pieces start is decided first, so that the pieces are
  // allocated once: a growing vector of paragraphs would hold up to three
  // times their size at its last growth.
  const std::vector<PieceStart> starts = PieceStarts(text, IsHardWrapped(text));
  std::vector<Paragraph> pieces;
  pieces.reserve(starts.size());
  size_t next = 0;
  ForEachNonBlankLine(text, [&](const Line& line) {
    if (next < starts.size() && starts[next].line == line.number) {
      Paragraph& p = pieces.emplace_back();
      p.text = std::string(line.text);
      p.pieces.push_back({line.number, line.number});
      p.lang = starts[next++].lang;
      return;
    }
    Paragraph& last = pieces.back();
    if (last.lang != Lang::kZh) last.text += ' ';
    last.text += line.text;
    last.pieces.back().last = line.number;
  });
  return pieces;
}

bool IsBilingual(const std::vector<Paragraph>& pieces) {
  int zh = 0, en = 0;
  for (const Paragraph& p : pieces) {
    zh += p.lang == Lang::kZh;
    en += p.lang == Lang::kEn;
  }
  const int n = static_cast<int>(pieces.size());
  return zh >= 3 && en >= 3 && zh * 5 >= n && en * 5 >= n;
}

}  // namespace bitext
