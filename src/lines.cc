// Physical lines to pieces. Each non-blank line starts as its own piece: in
// extracted and web text a line is usually a paragraph. Lines are joined only
// inside a block (no blank line between), in the same language, when the text
// is hard-wrapped (most lines of multi-line blocks stop near one width) or
// when the next line plainly continues the sentence (lower-case start after an
// line that reads as prose and stops mid-sentence).
#include <algorithm>

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

std::vector<Line> NonBlankLines(std::string_view text) {
  std::vector<Line> lines;
  int number = 0, block = 0;
  bool previous_blank = true;
  for (std::string_view raw : SplitLines(text)) {
    ++number;
    const std::string_view line = Trim(raw);
    if (line.empty()) {
      previous_blank = true;
    } else {
      if (previous_blank) ++block;
      previous_blank = false;
      lines.push_back({number, line, block});
    }
  }
  return lines;
}

// Narrower than this, lines are lists or fragments, not wrapped prose.
constexpr size_t kMinWrapWidth = 20;

// Hard-wrapped text: lines that are followed by another line of their block
// mostly end close to the widest line, and no line is very long.
bool IsHardWrapped(const std::vector<Line>& lines) {
  size_t widest = 0;
  for (const Line& l : lines) {
    size_t w = ToCodePoints(l.text).size();
    widest = std::max(widest, w);
  }
  if (widest < kMinWrapWidth || widest > 160) return false;
  int followed = 0, near_width = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i + 1].block != lines[i].block) continue;
    ++followed;
    if (ToCodePoints(lines[i].text).size() * 4 >= widest * 3) ++near_width;
  }
  return followed >= 3 && near_width * 10 >= followed * 7;
}

}  // namespace

std::vector<Paragraph> SplitIntoPieces(std::string_view text) {
  std::vector<Line> lines = NonBlankLines(text);
  const bool wrapped = IsHardWrapped(lines);

  std::vector<Paragraph> pieces;
  std::optional<Lang> previous_lang;
  int previous_block = -1;
  std::string_view previous_line;
  for (const Line& line : lines) {
    std::optional<Lang> lang = LangOfText(line.text);
    if (!pieces.empty() && line.block == previous_block) {
      Paragraph& last = pieces.back();
      bool same_lang = !lang || *lang == last.lang;
      bool starts_new = !BulletMarker(line.text).empty() || ParseNumberMarker(line.text);
      // Judged on the previous line, not the paragraph so far: a block of
      // many lines must not be rescanned at every line.
      auto cut_prose = [&] {
        return !EndsSentence(previous_line) &&
               (LooksLikeProse(previous_line, last.lang) || EndsMidClause(previous_line));
      };
      bool continues = !starts_new && (wrapped || (StartsLowercase(line.text) && cut_prose()));
      previous_line = line.text;
      if (same_lang && continues) {
        if (last.lang != Lang::kZh) last.text += ' ';
        last.text += line.text;
        last.pieces.back().last = line.number;
        continue;
      }
    }
    Paragraph p;
    p.text = std::string(line.text);
    p.pieces.push_back({line.number, line.number});
    // Lines without letters (a bare year, a page number) take the language
    // around them.
    p.lang = lang ? *lang : previous_lang.value_or(Lang::kEn);
    pieces.push_back(std::move(p));
    previous_line = line.text;
    previous_lang = pieces.back().lang;
    previous_block = line.block;
  }
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
