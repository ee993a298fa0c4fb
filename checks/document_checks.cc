// Rules that read one document: its structure (headings, numbering, lists,
// truncation) and its text (doubled tokens, loops, encoding, punctuation).
// Every rule works on any document; none knows a line or a phrase of the
// bundled corpus.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "checks.h"
#include "lexicon.h"
#include "locate.h"
#include "loops.h"
#include "mojibake.h"
#include "structure.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

std::string Quote(std::string_view text, size_t width = 50) { return "\"" + ClipText(text, width) + "\""; }

// Byte offsets of a paragraph's code points.
class ByteOffsets {
 public:
  explicit ByteOffsets(const std::vector<char32_t>& cps) : cps_(cps) {}
  // Byte offset of cps[i] (i <= cps.size()), as each is re-encoded in UTF-8.
  // Counted on from the last one asked for: findings come in order along a
  // paragraph, and a list of every offset would cost eight bytes a character.
  size_t operator[](size_t i) {
    if (i < index_) index_ = 0, offset_ = 0;
    for (; index_ < i; ++index_) offset_ += ToUtf8(cps_[index_]).size();
    return offset_;
  }

 private:
  const std::vector<char32_t>& cps_;
  size_t index_ = 0;   // the code point last counted to
  size_t offset_ = 0;  // and its byte offset
};

void GarbledHeadings(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.heading && p.heading->number && !p.heading->number->garbled.empty()) {
      std::string what;
      for (const std::string& g : p.heading->number->garbled) what += (what.empty() ? "" : "; ") + g;
      out.push_back(MakeFinding(kGarbledHeading, "heading " + Quote(p.text) + ": " + what, at.Of(p),
                                {{"key", p.text}, {"garbled", p.heading->number->garbled}}));
    }
    // A space between two Han characters of a heading is a layout leftover.
    if (p.kind == Kind::kHeading && p.lang == Lang::kZh && !IsListItem(p)) {
      // The space that sets a title off its marker ("第一章 总则") is not stray.
      const std::vector<char32_t> cps = ToCodePoints(p.title());
      for (size_t i = 1; i + 1 < cps.size(); ++i) {
        if (cps[i] == ' ' && IsHan(cps[i - 1]) && IsHan(cps[i + 1])) {
          out.push_back(MakeFinding(kGarbledHeading, "stray space inside the heading " + Quote(p.text), at.Of(p),
                                    {{"key", p.text}}));
          break;
        }
      }
    }
    // A lone "0" before running text is a numbering leftover ("0 Since ...").
    if (p.text.size() > 3 && p.text[0] == '0' && p.text[1] == ' ' &&
        std::isupper(static_cast<unsigned char>(p.text[2]))) {
      out.push_back(MakeFinding(kGarbledHeading, "stray \"0\" before " + Quote(p.text.substr(2), 30), at.At(p, 0),
                                {{"key", p.text}}));
    }
  }
}

void Truncated(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (!p.truncated) continue;
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    const size_t last = cps.empty() ? 0 : ByteOffsets(cps)[cps.size() - 1];
    std::string tail;
    for (size_t i = cps.size() > 30 ? cps.size() - 30 : 0; i < cps.size(); ++i) tail += ToUtf8(cps[i]);
    out.push_back(MakeFinding(kTruncatedParagraph, "paragraph stops mid-sentence: \"…" + tail + "\"", at.At(p, last),
                              {{"key", p.text}, {"ending", tail}}));
  }
}

// Numbered headings of one stream (a language, body or contents), in order.
std::vector<std::vector<const Paragraph*>> NumberedStreams(const Document& doc) {
  std::map<std::pair<int, bool>, std::vector<const Paragraph*>> streams;
  const Lang main_language = MainLanguage(doc.paragraphs);
  for (const Paragraph& p : doc.paragraphs) {
    if (!p.heading || !p.heading->number) continue;
    streams[{static_cast<int>(OutlineLang(p, main_language)), p.kind == Kind::kToc}].push_back(&p);
  }
  std::vector<std::vector<const Paragraph*>> out;
  for (auto& [key, stream] : streams) out.push_back(std::move(stream));
  return out;
}

// A heading numbered as one more item of its list, right before that list
// restarts at 1 while the level above skips exactly one value around it,
// is the lost parent: "5." ... "(VIII) Support ..." "(I) ..." "7." reads
// as a mis-numbered "6.". Returns the next heading of the level above
// (the "7."), or nullptr.
const Paragraph* LostParentFollower(const std::vector<const Paragraph*>& stream, size_t i,
                                    const std::map<int, const Paragraph*>& last) {
  const Paragraph* p = stream[i];
  const int level = p->heading->level;
  if (i + 1 >= stream.size() || p->heading->number->value == 1) return nullptr;
  const Paragraph* next = stream[i + 1];
  if (next->heading->level != level || next->heading->number->value != 1 || next->heading->number->value_damaged) {
    return nullptr;
  }
  auto above = last.lower_bound(level);
  if (above == last.begin()) return nullptr;
  const auto& [parent_level, parent] = *std::prev(above);
  for (size_t j = i + 2; j < stream.size(); ++j) {
    const Heading& h = *stream[j]->heading;
    if (h.level > parent_level) continue;
    const bool skips_one =
        h.level == parent_level && !h.number->value_damaged && h.number->value == parent->heading->number->value + 2;
    return skips_one ? stream[j] : nullptr;
  }
  return nullptr;
}

bool SameScheme(const Paragraph& a, const Paragraph& b) {
  return a.heading->number->style == b.heading->number->style &&
         a.heading->number->counter == b.heading->number->counter;
}

// A heading against the one before it in its list: the same number, a step
// back or a gap is reported.
void ReportStep(const Paragraph& p, const Paragraph& before, int previous, int level, const Locator& at,
                std::vector<Finding>& out) {
  const int value = p.heading->number->value;
  // "2.1" after "1.2" opens another parent's list: decimal parents are
  // checked by ReportDecimalParent.
  const std::vector<int>& path = p.heading->number->path;
  const std::vector<int>& before_path = before.heading->number->path;
  if (!path.empty() && !before_path.empty() &&
      !std::equal(path.begin(), path.end() - 1, before_path.begin(), before_path.end() - 1)) {
    return;
  }
  std::string problem;
  if (value == previous)
    problem = "repeats";
  else if (value < previous)
    problem = "steps back from";
  else if (value > previous + 1)
    problem = "skips after";
  if (problem.empty()) return;
  out.push_back(MakeFinding(kNumberingSequence,
                            "heading number " + p.heading->number->raw + " " + problem + " " +
                                before.heading->number->raw + " (line " + std::to_string(before.lines().first) + ")",
                            at.Of(p), {{"key", p.text}, {"value", value}, {"previous", previous}, {"level", level}}));
  out.back().locations.push_back(at.Of(before));
}

// "3.2.1" under "3.1": a decimal number names its parent, which must be the
// heading it stands under.
void ReportDecimalParent(const Paragraph& p, const std::map<int, const Paragraph*>& last, int level, const Locator& at,
                         std::vector<Finding>& out) {
  const NumberMarker& number = *p.heading->number;
  if (number.path.size() < 2) return;
  auto parent = last.find(level - 1);
  if (parent == last.end()) return;
  const NumberMarker& above = *parent->second->heading->number;
  std::vector<int> prefix(number.path.begin(), number.path.end() - 1);
  // The parent's own number: its path, or its value for "3." above "3.1".
  const std::vector<int> expected = above.path.empty() ? std::vector<int>{above.value} : above.path;
  const bool decimal_outline =
      above.style == NumberStyle::kDecimal || (above.style == NumberStyle::kArabicDot && prefix.size() == 1);
  if (!decimal_outline || above.value_damaged || prefix == expected) return;
  // Reported once, at the first heading whose prefix changed.
  if (auto sibling = last.find(level);
      sibling != last.end() && sibling->second->heading->number->path.size() == number.path.size()) {
    const std::vector<int>& previous = sibling->second->heading->number->path;
    if (std::equal(previous.begin(), previous.end() - 1, prefix.begin(), prefix.end())) return;
  }
  out.push_back(MakeFinding(kNumberingSequence,
                            "heading number " + number.raw + " does not belong under " + above.raw + " (line " +
                                std::to_string(parent->second->lines().first) + ")",
                            at.Of(p), {{"key", p.text}, {"level", level}}));
  out.back().locations.push_back(at.Of(*parent->second));
}

void NumberingSequence(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const auto& stream : NumberedStreams(doc)) {
    std::map<int, const Paragraph*> last;            // level -> previous heading at that level
    std::map<int, const Paragraph*> ended;           // level -> last heading of a list a parent closed
    std::map<const Paragraph*, int> inferred_value;  // lost parents, renumbered
    auto value_of = [&](const Paragraph* p) {
      auto it = inferred_value.find(p);
      return it != inferred_value.end() ? it->second : p->heading->number->value;
    };
    for (size_t i = 0; i < stream.size(); ++i) {
      const Paragraph* p = stream[i];
      // A damaged number is reported as garbled; after it the outline is
      // uncertain, so expectations start afresh.
      if (p->heading->number->value_damaged) {
        last.clear();
        ended.clear();
        continue;
      }
      int level = p->heading->level;
      const int value = p->heading->number->value;
      const size_t reported = out.size();
      if (value == 1 && IsListItem(*p)) {
        // A list in running text starts again.
      } else if (const Paragraph* follower = LostParentFollower(stream, i, last)) {
        level = follower->heading->level;
        const Paragraph* before = last.at(level);
        const int expected = value_of(before) + 1;
        out.push_back(MakeFinding(
            kNumberingSequence,
            "heading number " + p->heading->number->raw + " stands where number " + std::to_string(expected) +
                " of the level above is missing: " + before->heading->number->raw + " (line " +
                std::to_string(before->lines().first) + ") is followed by " + follower->heading->number->raw +
                " (line " + std::to_string(follower->lines().first) + ") and the list after it restarts at 1",
            at.Of(*p), {{"key", p->text}, {"value", value}, {"expected", expected}, {"level", level}}));
        out.back().locations.push_back(at.Of(*before));
        out.back().locations.push_back(at.Of(*follower));
        inferred_value[p] = expected;
      } else if (auto it = last.find(level); it != last.end()) {
        ReportStep(*p, *it->second, value_of(it->second), level, at, out);
      } else if (auto closed = ended.find(level); closed != ended.end() && value > 1 &&
                                                  SameScheme(*p, *closed->second) && p->heading->number->path.empty()) {
        // Numbering that runs on across parents (articles through chapters).
        ReportStep(*p, *closed->second, value_of(closed->second), level, at, out);
      } else if (value > 1 && last.lower_bound(level) != last.begin()) {
        // A list under a known parent that does not start at 1 lost its
        // first items; the first list of an excerpt may start anywhere.
        const Paragraph* parent = std::prev(last.lower_bound(level))->second;
        out.push_back(MakeFinding(kNumberingSequence,
                                  "heading number " + p->heading->number->raw + " starts its list under " +
                                      parent->heading->number->raw + " (line " + std::to_string(parent->lines().first) +
                                      ") without the items before it",
                                  at.Of(*p), {{"key", p->text}, {"value", value}, {"level", level}}));
        out.back().locations.push_back(at.Of(*parent));
      }
      ReportDecimalParent(*p, last, level, at, out);
      // One number out of place: when the next heading of this level goes on
      // from where this one should have been, only this one is reported.
      if (out.size() > reported && out.back().evidence.Has("value") && i + 1 < stream.size()) {
        const Paragraph* next = stream[i + 1];
        const int expected =
            static_cast<int>(out.back().evidence.Integer("previous", 0)) + 1;
        if (next->heading->level == level && !next->heading->number->value_damaged &&
            next->heading->number->value == expected + 1 && !inferred_value.count(p)) {
          inferred_value[p] = expected;
        }
      }
      last[level] = p;
      // Deeper lists restart, or run on: remember where each one ended.
      for (auto deeper = last.upper_bound(level); deeper != last.end(); ++deeper) ended[deeper->first] = deeper->second;
      last.erase(last.upper_bound(level), last.end());
    }
  }
}

// The style most headings of a level use is that level's style; a group
// (the headings of one level under one parent) in another style is
// reported once, at its first heading.
void NumberingStyle(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const auto& stream : NumberedStreams(doc)) {
    std::map<int, std::map<NumberStyle, int>> styles_of_level;
    std::map<std::pair<const Paragraph*, int>, std::vector<const Paragraph*>> groups;
    std::map<int, const Paragraph*> parent;  // level -> latest heading
    // Items of lists have styles of their own; "3." and "3.1." are one
    // decimal outline at two depths.
    auto style_of = [](const Paragraph* p) {
      const NumberStyle style = p->heading->number->style;
      return style == NumberStyle::kArabicDot ? NumberStyle::kDecimal : style;
    };
    for (const Paragraph* p : stream) {
      if (p->heading->number->value_damaged || IsListItem(*p)) continue;
      const int level = p->heading->level;
      ++styles_of_level[level][style_of(p)];
      auto up = parent.lower_bound(level);
      const Paragraph* owner = up == parent.begin() ? nullptr : std::prev(up)->second;
      groups[{owner, level}].push_back(p);
      parent[level] = p;
      parent.erase(parent.upper_bound(level), parent.end());
    }
    for (const auto& [key, group] : groups) {
      const auto& counts = styles_of_level[key.second];
      if (counts.size() < 2) continue;
      const NumberStyle expected = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                                     return a.second < b.second;
                                   })->first;
      std::map<NumberStyle, std::vector<const Paragraph*>> odd;
      for (const Paragraph* p : group) {
        if (style_of(p) != expected) odd[style_of(p)].push_back(p);
      }
      for (const auto& [style, headings] : odd) {
        const Paragraph* first = headings.front();
        out.push_back(MakeFinding(kNumberingStyle,
                                  std::to_string(headings.size()) + " heading(s) from " +
                                      Quote(first->heading->number->raw) + " numbered " + StyleName(style) +
                                      " where this level uses " + StyleName(expected),
                                  at.Of(*first),
                                  {{"key", first->text},
                                   {"style", StyleName(style)},
                                   {"expected", StyleName(expected)},
                                   {"count", headings.size()}}));
      }
    }
  }
}

void Boilerplate(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.kind == Kind::kBoilerplate) {
      out.push_back(MakeFinding(kBoilerplate, "web-page furniture: " + Quote(p.text), at.Of(p), {{"key", p.text}}));
    }
  }
}

// Doubled Chinese characters are often right: reduplication (常常, 人人)
// and compounds of two equal characters (南南合作). A doubled function
// character (particle, preposition, conjunction: 在在, 的的) never is.
bool IsFunctionCharacter(char32_t c) {
  static const std::u32string kFunction = U"的了在是和与对为从把被将也都就而及或着过向以于之其并且所该由";
  return kFunction.find(c) != std::u32string::npos;
}

// Whether the doubled character at bytes [begin, end) is two words' doing:
// both inside one ICU dictionary word of three or more characters (an idiom
// such as "不了了之"), or the first ending a word of its own ("目的|的").
bool DoubledByWords(const std::string& text, size_t begin, size_t end) {
  const size_t middle = begin + (end - begin) / 2;
  size_t at = 0;
  for (const std::string& word : align::ChineseWords(text, align::Lexicon())) {
    const size_t found = text.find(word, at);
    if (found == std::string::npos) continue;
    at = found + word.size();
    if (found <= begin && end <= at) return CodePointCount(word) >= 3;
    if (found < begin && at == middle) return true;
    if (found > end) break;
  }
  return false;
}

bool IsAllCaps(const std::string& word) {
  return std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// English words legitimately doubled ("that that", "had had").
bool IsDoubleWordAllowed(const std::string& word) {
  return word == "that" || word == "had" || word == "is" || word == "do";
}

// A paragraph gets at most this many doubled-token findings, then one that
// counts the rest: a text of nothing but doubled words is one problem, and
// its reports should not be many times the size of the text.
constexpr int kMaxRepeatedTokensPerParagraph = 20;

void RepeatedTokens(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    // Byte offsets are counted along with the code points, not listed for
    // each: a long paragraph would need eight bytes a character for them.
    auto bytes = [](char32_t c) { return ToUtf8(c).size(); };
    const size_t first_finding = out.size();
    int more = 0;           // found beyond the limit
    size_t first_more = 0;  // where the first of them is
    auto room = [&](size_t offset) {
      if (out.size() - first_finding < kMaxRepeatedTokensPerParagraph) return true;
      if (more++ == 0) first_more = offset;
      return false;
    };
    size_t before = 0;  // byte offset of cps[i - 1]
    for (size_t i = 1; i < cps.size(); before += bytes(cps[i - 1]), ++i) {
      if (cps[i] != cps[i - 1] || !IsFunctionCharacter(cps[i])) continue;
      const size_t here = before + bytes(cps[i - 1]);  // of cps[i]
      // AABB reduplication ("的的确确") and idioms ("不了了之") double on purpose.
      const bool aabb = (i + 2 < cps.size() && cps[i + 1] == cps[i + 2] && IsHan(cps[i + 1])) ||
                        (i >= 3 && cps[i - 2] == cps[i - 3] && IsHan(cps[i - 2]));
      if (aabb || DoubledByWords(p.text, before, here + bytes(cps[i]))) continue;
      if (!room(before)) continue;
      const std::string doubled = ToUtf8(cps[i]) + ToUtf8(cps[i]);
      out.push_back(MakeFinding(kRepeatedToken, "doubled character \"" + doubled + "\"", at.At(p, before),
                                {{"token", doubled}}, p.text));
    }
    // Doubled Latin words separated by white space only, located at the
    // repetition; a longer run of the same word is one finding.
    std::string previous;
    size_t i = 0;
    size_t byte = 0;  // byte offset of cps[i]
    bool only_space = false;
    size_t run_start = 0;  // byte offset of the run's second word
    int run = 1;
    std::string run_word;
    auto flush = [&] {
      if (run == 2 && room(run_start)) {
        out.push_back(MakeFinding(kRepeatedToken, "doubled word \"" + run_word + " " + run_word + "\"",
                                  at.At(p, run_start), {{"token", run_word}}, p.text));
      } else if (run > 2 && room(run_start)) {
        out.push_back(MakeFinding(kRepeatedToken,
                                  "word \"" + run_word + "\" repeated " + std::to_string(run) + " times in a row",
                                  at.At(p, run_start), {{"token", run_word}, {"count", run}}, p.text));
      }
      run = 1;
    };
    while (i < cps.size()) {
      if (cps[i] < 128 && u_isalpha(static_cast<UChar32>(cps[i]))) {
        const size_t start = byte;
        std::string word;
        // "AF_APPLETALK" is one identifier.
        while (i < cps.size() && cps[i] < 128 && (u_isalpha(static_cast<UChar32>(cps[i])) || cps[i] == '_')) {
          word += static_cast<char>(cps[i++]);
          ++byte;  // ASCII
        }
        const std::string folded = FoldForCompare(word);
        // "APPLETALK AppleTalk": a constant and the name it stands for.
        const bool name_after_constant =
            word != run_word && word.size() > 1 && (IsAllCaps(word) || IsAllCaps(run_word));
        if (only_space && folded == previous && !IsDoubleWordAllowed(folded) && !name_after_constant) {
          if (++run == 2) run_start = start;
        } else {
          flush();
          run_word = word;
        }
        previous = folded;
        only_space = true;
        continue;
      }
      if (!IsSpace(cps[i])) only_space = false;
      byte += bytes(cps[i]);
      ++i;
    }
    flush();
    if (more > 0) {
      out.push_back(MakeFinding(kRepeatedToken,
                                std::to_string(more) + " more doubled words or characters in this paragraph",
                                at.At(p, first_more), {{"more", more}}, p.text));
    }
  }
}

void EncodingDamage(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  // UTF-8 read as Latin-1 or Windows-1252 ("Ã©", "â€™", "â†’"; "â€" alone
  // where the third byte was lost too), GBK's replacement pattern
  // ("锟斤拷"), replacement and control characters.
  static const std::array<std::u32string, 3> kPatterns = {U"â€", U"锟斤拷", U"烫烫"};
  for (const Paragraph& p : doc.paragraphs) {
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    ByteOffsets offsets(cps);
    const std::u32string text(cps.begin(), cps.end());
    for (size_t i = 0; i < cps.size(); ++i) {
      const char32_t c = cps[i];
      std::string what;
      if (c == 0xFFFD)
        what = "replacement character U+FFFD (undecodable bytes)";
      else if (c < 0x20 && c != '\t')
        what = "control character";
      else if (const size_t length = MojibakeLength(cps, i); length > 0) {
        std::string shown;
        for (size_t k = i; k < i + length; ++k) shown += ToUtf8(cps[k]);
        what = "mojibake \"" + shown + "\" (UTF-8 text decoded as Windows-1252)";
      } else if (c >= 0x80 && c < 0xA0) {
        what = "C1 control character (Windows-1252 text read as Latin-1?)";
      }
      for (const std::u32string& m : kPatterns) {
        if (what.empty() && text.compare(i, m.size(), m) == 0) {
          std::string shown;
          for (char32_t ch : m) shown += ToUtf8(ch);
          what = "mojibake \"" + shown + "\" (text decoded with the wrong encoding)";
        }
      }
      if (what.empty()) continue;
      out.push_back(MakeFinding(kEncodingDamage, what, at.At(p, offsets[i]), {{"key", p.text}}));
      break;  // one per paragraph
    }
  }
}

void RepetitionLoops(const Document& doc, const Locator& at, const CheckConfig& config, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.lang == Lang::kZh) continue;
    std::vector<size_t> starts;
    const TokenList words = LoopTokens(p.text, &starts);
    const Loop loop =
        LongestLoop(words, static_cast<size_t>(config.loop_max_n), static_cast<size_t>(config.loop_min_repeats));
    const double coverage = words.empty() ? 0 : static_cast<double>(loop.covered()) / static_cast<double>(words.size());
    if (loop.repeats == 0 || coverage < config.loop_min_coverage) continue;
    std::string phrase;
    for (size_t k = loop.start; k < loop.start + loop.n; ++k) phrase.append(phrase.empty() ? "" : " ").append(words[k]);
    out.push_back(
        MakeFinding(kRepetitionLoop,
                    "\"" + phrase + "\" repeated " + std::to_string(loop.repeats) + " times in a row (" +
                        std::to_string(static_cast<int>(100 * coverage)) + "% of the paragraph)",
                    at.At(p, starts[loop.start]),
                    {{"key", p.text}, {"phrase", phrase}, {"repeats", loop.repeats}, {"coverage", coverage}}));
  }
}

void Untranslated(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  // In a Chinese or bilingual text a paragraph of mixed script is Chinese
  // with Latin terms ("Debian Edu 12 手册"); only an English text's mixed
  // paragraphs hold Chinese left untranslated.
  const size_t chinese = static_cast<size_t>(std::count_if(doc.paragraphs.begin(), doc.paragraphs.end(),
                                                           [](const Paragraph& p) { return p.lang == Lang::kZh; }));
  const bool english_text = chinese * 10 < doc.paragraphs.size();
  for (const Paragraph& p : doc.paragraphs) {
    if (p.lang == Lang::kZh) continue;  // Chinese paragraphs of a bilingual text are its other half
    if (p.lang == Lang::kMixed && !english_text) continue;
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    ByteOffsets offsets(cps);
    for (size_t i = 0; i < cps.size(); ++i) {
      if (!IsHan(cps[i])) continue;
      std::string run;
      size_t j = i;
      while (j < cps.size() &&
             (IsHan(cps[j]) || (cps[j] >= 0x3000 && cps[j] < 0x3040) || (cps[j] >= 0xFF00 && cps[j] < 0xFFF0))) {
        run += ToUtf8(cps[j++]);
      }
      out.push_back(MakeFinding(kUntranslated, "Chinese text left in English: \"" + run + "\"", at.At(p, offsets[i]),
                                {{"key", p.text}, {"text", run}}));
      break;
    }
  }
}

bool IsFullWidthPunctuation(char32_t c) {
  return c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F || c == 0xFF08 ||
         c == 0xFF09 || c == 0x3001 || c == 0x3010 || c == 0x3011;
}

// A half-width comma or semicolon between Han characters. Where the
// document writes its Chinese that way more often than not, that is its
// convention: one finding that counts them, at the first. Otherwise each
// one deviates from the document's own full-width style.
void HalfWidthInChinese(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  struct Place {
    const Paragraph* paragraph;
    size_t offset;
    char mark;
  };
  std::vector<Place> half;
  size_t full = 0;
  for (const Paragraph& p : doc.paragraphs) {
    if (p.lang != Lang::kZh) continue;
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    ByteOffsets offsets(cps);
    for (size_t i = 1; i + 1 < cps.size(); ++i) {
      if (cps[i] == 0xFF0C || cps[i] == 0xFF1B) ++full;
      if ((cps[i] == ',' || cps[i] == ';') && IsHan(cps[i - 1]) && IsHan(cps[i + 1])) {
        half.push_back({&p, offsets[i], static_cast<char>(cps[i])});
      }
    }
  }
  if (half.empty()) return;
  if (half.size() > full) {
    const Place& first = half.front();
    out.push_back(MakeFinding(
        kPunctuationSpacing,
        "the Chinese text uses half-width \",\" and \";\" between Han characters (" + std::to_string(half.size()) +
            " times, full-width " + std::to_string(full) + " times): use \"，\" and \"；\"",
        at.At(*first.paragraph, first.offset), {{"key", "half-width punctuation in Chinese"}, {"count", half.size()}}));
    return;
  }
  for (const Place& place : half) {
    const std::string what = std::string("half-width \"") + place.mark + "\" in Chinese text";
    out.push_back(MakeFinding(kPunctuationSpacing, what, at.At(*place.paragraph, place.offset),
                              {{"key", place.paragraph->text + "#" + what}}));
  }
}

void PunctuationSpacing(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    ByteOffsets offsets(cps);
    auto add = [&](size_t i, const std::string& what) {
      out.push_back(MakeFinding(kPunctuationSpacing, what, at.At(p, offsets[i]), {{"key", p.text + "#" + what}}));
    };
    if (p.lang == Lang::kZh) continue;  // HalfWidthInChinese: a convention is judged on the whole document
    auto lower = [](char32_t c) { return c < 128 && std::islower(static_cast<int>(c)); };
    auto upper = [](char32_t c) { return c < 128 && std::isupper(static_cast<int>(c)); };
    auto digit = [](char32_t c) { return c >= '0' && c <= '9'; };
    auto letter = [&](char32_t c) { return lower(c) || upper(c); };
    for (size_t i = 1; i + 2 < cps.size(); ++i) {
      const char32_t c = cps[i];
      // "cooperation.China", "2019.China": a stop glued to a capitalised word.
      const bool glued_stop = (c == '.' || c == ';' || c == '!' || c == '?') &&
                              (lower(cps[i - 1]) || digit(cps[i - 1])) && upper(cps[i + 1]) && lower(cps[i + 2]);
      // "trade,investment": a comma between two words ("1,069" has digits).
      const bool glued_comma = (c == ',' || c == ';') && letter(cps[i - 1]) && letter(cps[i + 1]) && lower(cps[i + 2]);
      if (glued_stop || glued_comma) add(i, std::string("no space after \"") + static_cast<char>(c) + "\"");
    }
    for (size_t i = 0; i < cps.size(); ++i) {
      if (IsFullWidthPunctuation(cps[i])) {
        add(i, "full-width \"" + ToUtf8(cps[i]) + "\" in English text");
        break;
      }
    }
    int round = 0, curly = 0, straight = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
      const char32_t c = cps[i];
      // "a) training, b) equipment": enumeration labels close no bracket.
      const bool label = c == ')' && round == 0 && i >= 1 && (letter(cps[i - 1]) || digit(cps[i - 1])) &&
                         (i == 1 || IsSpace(cps[i - 2]));
      round += c == '(' ? 1 : (c == ')' && !label) ? -1 : 0;
      curly += c == 0x201C ? 1 : c == 0x201D ? -1 : 0;
      straight += c == '"';
    }
    if (round != 0) add(0, "unbalanced brackets");
    if (curly != 0 || straight % 2 != 0) add(0, "unbalanced quotation marks");
  }
}

// The marker of a list item glued onto the end of the paragraph before it
// ("... and the EU.——Practice cooperation ..."): a dash marker right after
// a sentence end, starting a new sentence. "" if none.
std::string GluedItemMarker(const std::string& text) {
  const std::vector<char32_t> cps = ToCodePoints(text);
  for (size_t k = cps.size(); k-- > 1;) {
    const char32_t end = cps[k - 1];
    if (end != '.' && end != 0x3002 && end != '!' && end != '?' && end != 0xFF01 && end != 0xFF1F) continue;
    std::string rest;
    for (size_t i = k; i < cps.size(); ++i) rest += ToUtf8(cps[i]);
    const std::string marker = BulletMarker(rest);
    if (marker.empty() || marker == "-" || marker == "*" || marker.size() >= rest.size()) continue;
    const char32_t next = ToCodePoints(std::string_view(rest).substr(marker.size())).front();
    if (u_isupper(static_cast<UChar32>(next)) || IsHan(next)) return marker;
  }
  return "";
}

void BulletStyle(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (Lang lang : {Lang::kZh, Lang::kEn, Lang::kMixed}) {
    const Paragraph* before_list = nullptr;  // the paragraph before the current list
    std::vector<const Paragraph*> list;
    auto flush = [&] {
      // Each item with its marker; a first item glued onto the paragraph
      // before belongs to the list.
      std::vector<std::pair<const Paragraph*, std::string>> items;
      if (before_list && !list.empty()) {
        const std::string glued = GluedItemMarker(before_list->text);
        if (!glued.empty()) items.push_back({before_list, glued});
      }
      for (const Paragraph* p : list) items.push_back({p, std::string(p->bullet())});
      std::map<std::string, int> markers;
      for (const auto& item : items) ++markers[item.second];
      if (markers.size() > 1) {
        // The list's own marker is its most common one (the first item's on
        // a tie); each item that deviates is the line to fix.
        std::string expected = items.front().second;
        for (const auto& [marker, count] : markers) {
          if (count > markers[expected]) expected = marker;
        }
        for (const auto& [item, marker] : items) {
          if (marker == expected) continue;
          out.push_back(MakeFinding(kBulletStyle,
                                    "list item marked \"" + marker + "\" in a list of " + std::to_string(items.size()) +
                                        " items marked \"" + expected + "\"",
                                    at.Of(*item), {{"key", item->text}, {"markers", markers}, {"expected", expected}}));
        }
      }
      list.clear();
    };
    const Paragraph* previous = nullptr;
    for (const Paragraph& p : doc.paragraphs) {
      if (p.lang != lang) continue;
      if (p.kind == Kind::kBullet) {
        if (list.empty()) before_list = previous;
        list.push_back(&p);
      } else {
        flush();
      }
      previous = &p;
    }
    flush();
  }
}

void ForbiddenTerms(const Document& doc, const Locator& at, const Glossary& glossary, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.lang == Lang::kZh) continue;
    const std::string folded = FoldForCompare(p.text);
    for (const GlossaryEntry& e : glossary.entries) {
      for (const std::string& variant : e.forbidden) {
        const size_t found = folded.find(FoldForCompare(variant));
        if (found == std::string::npos) continue;
        // Case folding keeps ASCII offsets; fine for the English text this reads.
        out.push_back(MakeFinding(
            kTerminology, "\"" + variant + "\" for " + e.source + ": the glossary approves \"" + e.approved + "\"",
            at.At(p, found),
            {{"key", p.text + "#" + variant}, {"term", e.source}, {"approved", e.approved}, {"variant", variant}}));
      }
    }
  }
}

}  // namespace

// Mojibake eats a quotation mark ("â€œ" for "“"), a loop repeats an
// opening bracket and a cut drops the closing one ("• Texts (with format
// symbols, that will be"): the marks left unbalanced are that defect's
// echo, as the full-width commas of a clause left in Chinese are the
// untranslated clause's.
void DropPunctuationOfOtherDefects(std::vector<Finding>& findings) {
  std::set<int> damaged, chinese;
  for (const Finding& f : findings) {
    if (f.rule == kEncodingDamage.id || f.rule == kRepetitionLoop.id || f.rule == kTruncatedParagraph.id)
      damaged.insert(f.locations[0].line);
    if (f.rule == kUntranslated.id) chinese.insert(f.locations[0].line);
  }
  std::erase_if(findings, [&](const Finding& f) {
    if (f.rule != kPunctuationSpacing.id) return false;
    const int line = f.locations[0].line;
    return (f.message.starts_with("unbalanced") && damaged.count(line)) ||
           (f.message.starts_with("full-width") && chinese.count(line));
  });
}

namespace {

using DocumentRule = void (*)(const Document&, const Locator&, const CheckConfig&, std::vector<Finding>&);

// A rule that needs no config, in the table's form.
template <void (*Rule)(const Document&, const Locator&, std::vector<Finding>&)>
void WithoutConfig(const Document& doc, const Locator& at, const CheckConfig&, std::vector<Finding>& out) {
  Rule(doc, at, out);
}

void ForbiddenTermsOfGlossary(const Document& doc, const Locator& at, const CheckConfig& config,
                              std::vector<Finding>& out) {
  if (config.glossary) ForbiddenTerms(doc, at, *config.glossary, out);
}

// The document rules in the catalogue's order.
constexpr DocumentRule kDocumentRules[] = {
    WithoutConfig<GarbledHeadings>,    WithoutConfig<Truncated>,
    WithoutConfig<NumberingSequence>,  WithoutConfig<NumberingStyle>,
    WithoutConfig<Boilerplate>,        WithoutConfig<RepeatedTokens>,
    WithoutConfig<EncodingDamage>,     RepetitionLoops,
    WithoutConfig<Untranslated>,       WithoutConfig<PunctuationSpacing>,
    WithoutConfig<HalfWidthInChinese>, WithoutConfig<BulletStyle>,
    ForbiddenTermsOfGlossary,
};

}  // namespace

DocumentRules::DocumentRules(const Document& doc, const CheckConfig& config)
    : doc_(doc), config_(config), at_(doc), found_(std::size(kDocumentRules)) {}

std::vector<std::function<void()>> DocumentRules::Tasks() {
  std::vector<std::function<void()>> tasks;
  for (size_t k = 0; k < std::size(kDocumentRules); ++k) {
    tasks.push_back([this, k] {
      kDocumentRules[k](doc_, Locator(at_), config_, found_[k]);
      // Without the room its growth left: the lists are joined into one.
      found_[k].shrink_to_fit();
    });
  }
  return tasks;
}

std::vector<Finding> DocumentRules::Findings() {
  std::vector<Finding> out;
  size_t total = 0;
  for (const std::vector<Finding>& found : found_) total += found.size();
  out.reserve(total);
  for (std::vector<Finding>& found : found_) {
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    found = {};
  }
  DropPunctuationOfOtherDefects(out);
  return out;
}

// One list for every rule: without lists to join, the peak is lower.
std::vector<Finding> DocumentFindings(const Document& doc, const CheckConfig& config) {
  const Locator at(doc);
  std::vector<Finding> out;
  for (const DocumentRule rule : kDocumentRules) rule(doc, at, config, out);
  DropPunctuationOfOtherDefects(out);
  return out;
}

std::vector<Finding> CheckDocument(const Document& doc, const CheckConfig& config) {
  std::vector<Finding> out = DocumentFindings(doc, config);
  FinishFindings(out, config);
  return out;
}

}  // namespace bitext
