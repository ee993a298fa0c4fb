// Rules that read one document: its structure (headings, numbering, lists,
// truncation) and its text (doubled tokens, loops, encoding, punctuation).
// Every rule works on any document; none knows a line or a phrase of the
// bundled corpus.
#include <algorithm>
#include <array>
#include <map>

#include <unicode/uchar.h>

#include "checks.h"
#include "lexicon.h"
#include "locate.h"
#include "loops.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

std::string Quote(std::string_view text, size_t width = 50) { return "\"" + ClipText(text, width) + "\""; }

// Byte offsets of each code point, plus the end.
std::vector<size_t> Offsets(std::string_view text) {
  std::vector<size_t> offsets;
  size_t at = 0;
  for (char32_t c : ToCodePoints(text)) {
    offsets.push_back(at);
    at += ToUtf8(c).size();
  }
  offsets.push_back(at);
  return offsets;
}

void GarbledHeadings(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.heading && p.heading->number && !p.heading->number->garbled.empty()) {
      std::string what;
      for (const std::string& g : p.heading->number->garbled) what += (what.empty() ? "" : "; ") + g;
      out.push_back(MakeFinding(kGarbledHeading, "heading " + Quote(p.text) + ": " + what, at.Of(p),
                         {{"key", p.text}, {"garbled", p.heading->number->garbled}}));
    }
    // A space between two Han characters of a heading is a layout leftover.
    if (p.kind == Kind::kHeading && p.lang == Lang::kZh) {
      const std::vector<char32_t> cps = ToCodePoints(p.text);
      for (size_t i = 1; i + 1 < cps.size(); ++i) {
        if (cps[i] == ' ' && IsHan(cps[i - 1]) && IsHan(cps[i + 1])) {
          out.push_back(MakeFinding(kGarbledHeading, "stray space inside the heading " + Quote(p.text), at.Of(p),
                             {{"key", p.text}}));
          break;
        }
      }
    }
    // A lone "0" before running text is a numbering leftover ("0 Since ...").
    if (p.text.size() > 3 && p.text[0] == '0' && p.text[1] == ' ' && std::isupper(static_cast<unsigned char>(p.text[2]))) {
      out.push_back(MakeFinding(kGarbledHeading, "stray \"0\" before " + Quote(p.text.substr(2), 30), at.At(p, 0),
                         {{"key", p.text}}));
    }
  }
}

void Truncated(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (!p.truncated) continue;
    std::vector<size_t> offsets = Offsets(p.text);
    const size_t last = offsets.size() >= 2 ? offsets[offsets.size() - 2] : 0;
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    std::string tail;
    for (size_t i = cps.size() > 30 ? cps.size() - 30 : 0; i < cps.size(); ++i) tail += ToUtf8(cps[i]);
    out.push_back(MakeFinding(kTruncatedParagraph, "paragraph stops mid-sentence: \"…" + tail + "\"",
                       at.At(p, last), {{"key", p.text}, {"ending", tail}}));
  }
}

// Numbered headings of one stream (a language, body or contents), in order.
std::vector<std::vector<const Paragraph*>> NumberedStreams(const Document& doc) {
  std::map<std::pair<int, bool>, std::vector<const Paragraph*>> streams;
  for (const Paragraph& p : doc.paragraphs) {
    if (!p.heading || !p.heading->number) continue;
    streams[{static_cast<int>(p.lang), p.kind == Kind::kToc}].push_back(&p);
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
  if (next->heading->level != level || next->heading->number->value != 1 ||
      next->heading->number->value_damaged) {
    return nullptr;
  }
  auto above = last.lower_bound(level);
  if (above == last.begin()) return nullptr;
  const auto& [parent_level, parent] = *std::prev(above);
  for (size_t j = i + 2; j < stream.size(); ++j) {
    const Heading& h = *stream[j]->heading;
    if (h.level > parent_level) continue;
    const bool skips_one = h.level == parent_level && !h.number->value_damaged &&
                           h.number->value == parent->heading->number->value + 2;
    return skips_one ? stream[j] : nullptr;
  }
  return nullptr;
}

void NumberingSequence(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const auto& stream : NumberedStreams(doc)) {
    std::map<int, const Paragraph*> last;  // level -> previous heading at that level
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
        continue;
      }
      int level = p->heading->level;
      const int value = p->heading->number->value;
      if (const Paragraph* follower = LostParentFollower(stream, i, last)) {
        level = follower->heading->level;
        const Paragraph* before = last.at(level);
        const int expected = value_of(before) + 1;
        out.push_back(MakeFinding(kNumberingSequence,
                                  "heading number " + p->heading->number->raw + " stands where number " +
                                      std::to_string(expected) + " of the level above is missing: " +
                                      before->heading->number->raw + " (line " + std::to_string(before->lines().first) +
                                      ") is followed by " + follower->heading->number->raw + " (line " +
                                      std::to_string(follower->lines().first) + ") and the list after it restarts at 1",
                                  at.Of(*p), {{"key", p->text}, {"value", value}, {"expected", expected}, {"level", level}}));
        out.back().locations.push_back(at.Of(*before));
        out.back().locations.push_back(at.Of(*follower));
        inferred_value[p] = expected;
      } else if (auto it = last.find(level); it != last.end()) {
        const int previous = value_of(it->second);
        std::string problem;
        if (value == previous) problem = "repeats";
        else if (value < previous) problem = "steps back from";
        else if (value > previous + 1) problem = "skips after";
        if (!problem.empty()) {
          out.push_back(MakeFinding(kNumberingSequence,
                             "heading number " + p->heading->number->raw + " " + problem + " " +
                                 it->second->heading->number->raw + " (line " +
                                 std::to_string(it->second->lines().first) + ")",
                             at.Of(*p),
                             {{"key", p->text}, {"value", value}, {"previous", previous}, {"level", level}}));
          out.back().locations.push_back(at.Of(*it->second));
        }
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
      last[level] = p;
      last.erase(last.upper_bound(level), last.end());  // deeper lists restart
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
    for (const Paragraph* p : stream) {
      if (p->heading->number->value_damaged) continue;
      const int level = p->heading->level;
      ++styles_of_level[level][p->heading->number->style];
      auto up = parent.lower_bound(level);
      const Paragraph* owner = up == parent.begin() ? nullptr : std::prev(up)->second;
      groups[{owner, level}].push_back(p);
      parent[level] = p;
      parent.erase(parent.upper_bound(level), parent.end());
    }
    for (const auto& [key, group] : groups) {
      const auto& counts = styles_of_level[key.second];
      if (counts.size() < 2) continue;
      const NumberStyle expected =
          std::max_element(counts.begin(), counts.end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; })->first;
      std::map<NumberStyle, std::vector<const Paragraph*>> odd;
      for (const Paragraph* p : group) {
        if (p->heading->number->style != expected) odd[p->heading->number->style].push_back(p);
      }
      for (const auto& [style, headings] : odd) {
        const Paragraph* first = headings.front();
        out.push_back(MakeFinding(kNumberingStyle,
                           std::to_string(headings.size()) + " heading(s) from " + Quote(first->heading->number->raw) +
                               " numbered " + StyleName(style) + " where this level uses " + StyleName(expected),
                           at.Of(*first), {{"key", first->text}, {"style", StyleName(style)},
                                           {"expected", StyleName(expected)}, {"count", headings.size()}}));
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

// Whether bytes [begin, end) lie inside one ICU dictionary word of three or
// more characters (an idiom such as "不了了之").
bool InsideLongWord(const std::string& text, size_t begin, size_t end) {
  size_t at = 0;
  for (const std::string& word : align::ChineseWords(text, align::Lexicon())) {
    const size_t found = text.find(word, at);
    if (found == std::string::npos) continue;
    at = found + word.size();
    if (found <= begin && end <= at) return ToCodePoints(word).size() >= 3;
    if (found > end) break;
  }
  return false;
}

// English words legitimately doubled ("that that", "had had").
bool IsDoubleWordAllowed(const std::string& word) {
  return word == "that" || word == "had" || word == "is" || word == "do";
}

void RepeatedTokens(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    const std::vector<size_t> offsets = Offsets(p.text);
    for (size_t i = 1; i < cps.size(); ++i) {
      if (cps[i] != cps[i - 1] || !IsFunctionCharacter(cps[i])) continue;
      // AABB reduplication ("的的确确") and idioms ("不了了之") double on purpose.
      const bool aabb = (i + 2 < cps.size() && cps[i + 1] == cps[i + 2] && IsHan(cps[i + 1])) ||
                        (i >= 3 && cps[i - 2] == cps[i - 3] && IsHan(cps[i - 2]));
      if (aabb || InsideLongWord(p.text, offsets[i - 1], offsets[i] + ToUtf8(cps[i]).size())) continue;
      const std::string doubled = ToUtf8(cps[i]) + ToUtf8(cps[i]);
      out.push_back(MakeFinding(kRepeatedToken, "doubled character \"" + doubled + "\"", at.At(p, offsets[i - 1]),
                         {{"key", p.text}, {"token", doubled}}));
    }
    // Doubled Latin words separated by white space only.
    std::string previous;
    size_t i = 0;
    bool only_space = false;
    while (i < cps.size()) {
      if (cps[i] < 128 && u_isalpha(static_cast<UChar32>(cps[i]))) {
        const size_t start = i;
        std::string word;
        while (i < cps.size() && cps[i] < 128 && u_isalpha(static_cast<UChar32>(cps[i]))) word += static_cast<char>(cps[i++]);
        const std::string folded = FoldForCompare(word);
        if (only_space && folded == previous && !IsDoubleWordAllowed(folded)) {
          out.push_back(MakeFinding(kRepeatedToken, "doubled word \"" + word + " " + word + "\"",
                             at.At(p, offsets[start]), {{"key", p.text}, {"token", word}}));
        }
        previous = folded;
        only_space = true;
        continue;
      }
      if (!IsSpace(cps[i])) only_space = false;
      ++i;
    }
  }
}

void EncodingDamage(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  // UTF-8 read as Latin-1 or Windows-1252 ("Ã©", "â€™"), GBK's replacement
  // pattern ("锟斤拷"), replacement and control characters.
  static const std::array<std::u32string, 5> kMojibake = {U"Ã", U"â€", U"Â", U"锟斤拷", U"烫烫"};
  for (const Paragraph& p : doc.paragraphs) {
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    const std::vector<size_t> offsets = Offsets(p.text);
    const std::u32string text(cps.begin(), cps.end());
    for (size_t i = 0; i < cps.size(); ++i) {
      const char32_t c = cps[i];
      std::string what;
      if (c == 0xFFFD) what = "replacement character U+FFFD (undecodable bytes)";
      else if (c < 0x20 && c != '\t') what = "control character";
      else if (c >= 0x80 && c < 0xA0) what = "C1 control character (Windows-1252 text read as Latin-1?)";
      // Windows-1252 shows bytes 0x80-0x9F as these characters.
      static const std::u32string kCp1252 = U"€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
      auto continuation = [&](size_t k) {
        return k < cps.size() && ((cps[k] >= 0x80 && cps[k] < 0xC0) || kCp1252.find(cps[k]) != std::u32string::npos);
      };
      for (const std::u32string& m : kMojibake) {
        if (what.empty() && text.compare(i, m.size(), m) == 0 && (m.size() > 1 || continuation(i + 1))) {
          what = "mojibake \"" + ToUtf8(c) + "…\" (text decoded with the wrong encoding)";
        }
      }
      if (what.empty()) continue;
      out.push_back(MakeFinding(kEncodingDamage, what, at.At(p, offsets[i]), {{"key", p.text}}));
      break;  // one per paragraph
    }
  }
}

void RepetitionLoops(const Document& doc, const Locator& at, const CheckConfig& config,
                     std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.lang == Lang::kZh) continue;
    std::vector<size_t> starts;
    const std::vector<std::string> words = LoopTokens(p.text, &starts);
    const Loop loop = LongestLoop(words, static_cast<size_t>(config.loop_max_n),
                                  static_cast<size_t>(config.loop_min_repeats));
    const double coverage = words.empty() ? 0 : static_cast<double>(loop.covered()) / static_cast<double>(words.size());
    if (loop.repeats == 0 || coverage < config.loop_min_coverage) continue;
    std::string phrase;
    for (size_t k = loop.start; k < loop.start + loop.n; ++k) phrase += (phrase.empty() ? "" : " ") + words[k];
    out.push_back(MakeFinding(kRepetitionLoop,
                       "\"" + phrase + "\" repeated " + std::to_string(loop.repeats) + " times in a row (" +
                           std::to_string(static_cast<int>(100 * coverage)) + "% of the paragraph)",
                       at.At(p, starts[loop.start]),
                       {{"key", p.text}, {"phrase", phrase}, {"repeats", loop.repeats}, {"coverage", coverage}}));
  }
}

void Untranslated(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.lang == Lang::kZh) continue;  // Chinese paragraphs of a bilingual text are its other half
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    const std::vector<size_t> offsets = Offsets(p.text);
    for (size_t i = 0; i < cps.size(); ++i) {
      if (!IsHan(cps[i])) continue;
      std::string run;
      size_t j = i;
      while (j < cps.size() && (IsHan(cps[j]) || (cps[j] >= 0x3000 && cps[j] < 0x3040) ||
                                (cps[j] >= 0xFF00 && cps[j] < 0xFFF0))) {
        run += ToUtf8(cps[j++]);
      }
      out.push_back(MakeFinding(kUntranslated, "Chinese text left in English: \"" + run + "\"", at.At(p, offsets[i]),
                         {{"key", p.text}, {"text", run}}));
      break;
    }
  }
}

bool IsFullWidthPunctuation(char32_t c) {
  return c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F ||
         c == 0xFF08 || c == 0xFF09 || c == 0x3001 || c == 0x3010 || c == 0x3011;
}

void PunctuationSpacing(const Document& doc, const Locator& at, std::vector<Finding>& out) {
  for (const Paragraph& p : doc.paragraphs) {
    const std::vector<char32_t> cps = ToCodePoints(p.text);
    const std::vector<size_t> offsets = Offsets(p.text);
    auto add = [&](size_t i, const std::string& what) {
      out.push_back(MakeFinding(kPunctuationSpacing, what, at.At(p, offsets[i]), {{"key", p.text + "#" + what}}));
    };
    if (p.lang == Lang::kZh) {
      for (size_t i = 1; i + 1 < cps.size(); ++i) {
        if ((cps[i] == ',' || cps[i] == ';') && IsHan(cps[i - 1]) && IsHan(cps[i + 1])) {
          add(i, std::string("half-width \"") + static_cast<char>(cps[i]) + "\" in Chinese text");
        }
      }
      continue;
    }
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
      std::map<std::string, int> markers;
      for (const Paragraph* p : list) ++markers[p->bullet];
      const Paragraph* first = list.empty() ? nullptr : list.front();
      // A first item glued onto the paragraph before belongs to the list.
      if (before_list && !list.empty()) {
        const std::string glued = GluedItemMarker(before_list->text);
        if (!glued.empty()) ++markers[glued], first = before_list;
      }
      if (markers.size() > 1) {
        int items = 0;
        std::string summary;
        for (const auto& [marker, count] : markers) {
          items += count;
          summary += (summary.empty() ? "" : ", ") + std::string("\"") + marker + "\" x" + std::to_string(count);
        }
        out.push_back(MakeFinding(kBulletStyle, "list of " + std::to_string(items) + " items mixes markers: " + summary,
                           at.Of(*first), {{"key", first->text}, {"markers", markers}}));
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
        out.push_back(MakeFinding(kTerminology,
                                  "\"" + variant + "\" for " + e.source + ": the glossary approves \"" + e.approved + "\"",
                                  at.At(p, found), {{"key", p.text + "#" + variant}, {"term", e.source},
                                                    {"approved", e.approved}, {"variant", variant}}));
      }
    }
  }
}

}  // namespace

std::vector<Finding> DocumentFindings(const Document& doc, const CheckConfig& config) {
  const Locator at(doc);
  std::vector<Finding> out;
  GarbledHeadings(doc, at, out);
  Truncated(doc, at, out);
  NumberingSequence(doc, at, out);
  NumberingStyle(doc, at, out);
  Boilerplate(doc, at, out);
  RepeatedTokens(doc, at, out);
  EncodingDamage(doc, at, out);
  RepetitionLoops(doc, at, config, out);
  Untranslated(doc, at, out);
  PunctuationSpacing(doc, at, out);
  BulletStyle(doc, at, out);
  if (config.glossary) ForbiddenTerms(doc, at, *config.glossary, out);
  return out;
}

std::vector<Finding> CheckDocument(const Document& doc, const CheckConfig& config) {
  std::vector<Finding> out = DocumentFindings(doc, config);
  FinishFindings(out, config);
  return out;
}

}  // namespace bitext
