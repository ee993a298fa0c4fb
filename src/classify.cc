// Paragraph kinds from the text itself. Numbered paragraphs become headings
// when short; long numbered paragraphs stay body text but keep their number,
// so numbering checks still see them. Unnumbered headings are the usual
// section names of official documents, compared after case and width folding.
// Title lines are the short, unnumbered lines before the first heading.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <utility>

#include "structure.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

constexpr std::array<std::string_view, 32> kSectionNames = {"preface",
                                                            "foreword",
                                                            "introduction",
                                                            "conclusion",
                                                            "concluding remarks",
                                                            "epilogue",
                                                            "afterword",
                                                            "appendix",
                                                            "annex",
                                                            "notes",
                                                            "references",
                                                            "acknowledgements",
                                                            "summary",
                                                            "abstract",
                                                            "contents",
                                                            "table of contents",
                                                            "directory",
                                                            "catalogue",
                                                            "前言",
                                                            "序言",
                                                            "引言",
                                                            "导言",
                                                            "结束语",
                                                            "结语",
                                                            "结论",
                                                            "后记",
                                                            "附录",
                                                            "注释",
                                                            "目录",
                                                            "摘要",
                                                            "序",
                                                            "编者按"};

// Web-page furniture, matched at the start of a short paragraph.
constexpr std::array<std::string_view, 27> kBoilerplatePrefixes = {"related manuscripts",
                                                                   "related articles",
                                                                   "related news",
                                                                   "related stories",
                                                                   "source:",
                                                                   "(photo credit",
                                                                   "photo credit",
                                                                   "editor:",
                                                                   "responsible editor",
                                                                   "share this",
                                                                   "share to",
                                                                   "print this",
                                                                   "close window",
                                                                   "leave a comment",
                                                                   "comments",
                                                                   "scan the qr code",
                                                                   "follow us on",
                                                                   "责任编辑",
                                                                   "来源:",
                                                                   "分享到",
                                                                   "打印本页",
                                                                   "关闭窗口",
                                                                   "相关稿件",
                                                                   "相关新闻",
                                                                   "扫描二维码",
                                                                   "扫码关注",
                                                                   "关注我们"};

std::string FoldedWithoutSpaces(std::string_view text) {
  std::string folded = FoldForCompare(Trim(text));
  std::string out;
  for (char32_t c : ToCodePoints(folded)) {
    if (!IsSpace(c)) out += ToUtf8(c);
  }
  return out;
}

// Longer than any section name however spaced: no need to fold it.
constexpr size_t kMaxSectionNameBytes = 128;

bool IsSectionName(std::string_view text) {
  if (text.size() > kMaxSectionNameBytes) return false;
  std::string folded = FoldForCompare(Trim(text));
  while (!folded.empty() && (folded.back() == ':' || folded.back() == '.')) folded.pop_back();
  std::string compact = FoldedWithoutSpaces(folded);
  for (std::string_view name : kSectionNames) {
    if (folded == name || compact == name) return true;
  }
  return false;
}

// A short line that opens with a furniture label as a whole word ("Comments:",
// not "Comments from partners ...") and is not a sentence.
bool IsBoilerplate(std::string_view text, Lang lang) {
  // The label is near the start: fold only that much of a long paragraph.
  std::string folded = FoldForCompare(Trim(Head(text, 64)));
  // Links of a page's toolbar come bracketed: "[Print this page] [Close window]".
  if (folded.rfind("[", 0) == 0) folded.erase(0, 1);
  if (folded.rfind("【", 0) == 0) folded.erase(0, std::string_view("【").size());
  const bool labelled =
      std::any_of(kBoilerplatePrefixes.begin(), kBoilerplatePrefixes.end(), [&](std::string_view prefix) {
        if (folded.rfind(prefix, 0) != 0) return false;
        if (folded.size() == prefix.size()) return true;
        // A phrase label may go on ("Share this article"); a one-word label
        // must stand alone ("Comments:", not "Comments from partners").
        const char next = folded[prefix.size()];
        const bool phrase = prefix.find(' ') != std::string_view::npos;
        return prefix.back() == ':' || !(std::isalpha(static_cast<unsigned char>(next)) || (next == ' ' && !phrase));
      });
  return labelled && WordishLength(text) <= 20 && !LooksLikeProse(text, lang);
}

// "Note 1:", "Notes", "注1", "注：", "¹ ..." and "[1] ..." open a note.
bool IsNote(std::string_view text) {
  const std::string folded = FoldForCompare(Trim(Head(text, 64)));
  if (folded.rfind("note", 0) == 0) {
    char next = folded.size() > 4 ? folded[4] : ' ';
    return next == ' ' || next == ':' || next == 's' || (next >= '0' && next <= '9');
  }
  if (folded.rfind("注", 0) == 0) {
    std::string_view rest = std::string_view(folded).substr(std::string_view("注").size());
    return !rest.empty() && (rest[0] == ':' || (rest[0] >= '0' && rest[0] <= '9'));
  }
  std::vector<char32_t> cps = ToCodePoints(Trim(Head(text, 64)));
  if (!cps.empty() && (cps[0] == 0xB9 || cps[0] == 0xB2 || cps[0] == 0xB3)) return true;
  return folded.size() > 3 && folded[0] == '[' && folded[1] >= '0' && folded[1] <= '9';
}

bool IsShort(std::string_view text, Lang lang) { return WordishLength(text) <= (lang == Lang::kZh ? 45 : 30); }

// The text after a number marker is a heading when it is short and holds
// one sentence at most; sentence case is common in translated headings.
// A numbered sentence with its full stop ("1. Back up your data before you
// start.") is an item of a list, not a heading.
bool IsHeadingTitle(std::string_view title, Lang lang) {
  const bool sentence =
      EndsSentence(title) && !EndsWithColon(title) && WordishLength(title) >= (lang == Lang::kZh ? 12 : 6);
  return IsShort(title, lang) && !HasInnerSentenceEnd(title) && !sentence;
}

// An unnumbered line reads as a title: short, not prose, not cut mid-clause.
bool IsTitleLine(std::string_view text, Lang lang) {
  return IsShort(text, lang) && !LooksLikeProse(text, lang) && !EndsSentence(text) && !EndsMidClause(text);
}

// "Article  This Law applies" reads as a lost number only in a document
// that numbers that keyword elsewhere; otherwise the word is just a word
// ("Part Time work ...").
void DropUnsupportedMissingNumbers(std::vector<Paragraph>& paragraphs) {
  std::set<std::pair<Lang, std::string>> numbered;
  for (const Paragraph& p : paragraphs) {
    if (p.heading && p.heading->number && p.heading->number->style != NumberStyle::kMissing &&
        !p.heading->number->counter.empty()) {
      numbered.insert({p.lang, p.heading->number->counter});
    }
  }
  for (Paragraph& p : paragraphs) {
    if (p.heading && p.heading->number && p.heading->number->style == NumberStyle::kMissing &&
        !p.heading->number->counter.empty() && !numbered.count({p.lang, p.heading->number->counter})) {
      p.heading.reset();
      if (p.kind == Kind::kHeading) p.kind = Kind::kBody;
    }
  }
}

// The comma or semicolon that ends a paragraph of a series of clauses
// ("Whereas ...," / "鉴于……，") is the document's style: a cut happens once,
// a style repeats. A paragraph is excused when the paragraph of its
// language before or after it ends with the same mark.
void ExcuseClauseSeries(std::vector<Paragraph>& paragraphs) {
  auto clause_end = [](const Paragraph& p) -> char32_t {
    switch (LastCodePoint(Trim(p.text))) {
      case ',':
      case 0xFF0C:
        return ',';
      case ';':
      case 0xFF1B:
        return ';';
      default:
        return 0;
    }
  };
  for (Lang lang : {Lang::kZh, Lang::kEn, Lang::kMixed}) {
    std::vector<Paragraph*> stream;
    for (Paragraph& p : paragraphs) {
      if (p.lang == lang && p.kind != Kind::kToc) stream.push_back(&p);
    }
    std::vector<bool> series(stream.size(), false);
    for (size_t i = 0; i + 1 < stream.size(); ++i) {
      const char32_t mark = clause_end(*stream[i]);
      if (mark != 0 && mark == clause_end(*stream[i + 1])) series[i] = series[i + 1] = true;
    }
    // List items end on a comma or semicolon by convention ("• eth0 ...,").
    for (size_t i = 0; i < stream.size(); ++i) {
      if (stream[i]->kind == Kind::kBullet && clause_end(*stream[i]) != 0) series[i] = true;
    }
    for (size_t i = 0; i < stream.size(); ++i) {
      if (series[i]) stream[i]->truncated = false;
    }
  }
}

}  // namespace

void ClassifyParagraphs(std::vector<Paragraph>& paragraphs) {
  for (Paragraph& p : paragraphs) {
    p.kind = Kind::kBody;
    if (IsBoilerplate(p.text, p.lang)) {
      p.kind = Kind::kBoilerplate;
    } else if (IsNote(p.text)) {
      p.kind = Kind::kNote;
    } else if (std::string marker = BulletMarker(p.text); !marker.empty()) {
      p.kind = Kind::kBullet;
      p.bullet_bytes = static_cast<uint32_t>(marker.size());
    } else if (std::optional<NumberMarker> number = ParseNumberMarker(p.text)) {
      if (IsHeadingTitle(number->Title(p.text), p.lang)) p.kind = Kind::kHeading;
      p.heading = Heading{std::move(number), 1};
    } else if (IsSectionName(p.text)) {
      p.kind = Kind::kHeading;
      p.heading = Heading{std::nullopt, 1};
    }
  }

  DropUnsupportedMissingNumbers(paragraphs);

  // Under a furniture header that ends with a colon ("Related manuscripts:"),
  // the short unterminated lines that follow are its links.
  // A link reads as a headline: a Chinese title, or several words from a
  // capital on; a lone term ("AF_KEY"), a clause or a line that continues
  // one ("developed for usage with IPsec") is the text itself.
  auto headline = [](const Paragraph& p) {
    if (p.lang == Lang::kZh) return true;
    return CountScripts(p.text).latin_words >= 3 && !StartsLowercase(p.text) && p.text.find(',') == std::string::npos;
  };
  bool under_header = false;
  for (Paragraph& p : paragraphs) {
    const bool link = under_header && p.kind == Kind::kBody && !EndsSentence(p.text) && IsShort(p.text, p.lang) &&
                      !LooksLikeProse(p.text, p.lang) && headline(p);
    if (link) p.kind = Kind::kBoilerplate;
    under_header = link || (p.kind == Kind::kBoilerplate && !p.text.empty() && p.text.back() == ':');
  }

  // Title lines: short, unterminated body lines before the first heading of
  // their language.
  bool seen_heading[3] = {false, false, false};
  for (Paragraph& p : paragraphs) {
    const int lang = static_cast<int>(p.lang);
    if (p.kind == Kind::kHeading) seen_heading[lang] = true;
    if (!seen_heading[lang] && p.kind == Kind::kBody && IsTitleLine(p.text, p.lang)) {
      p.kind = Kind::kTitle;
    }
  }

  for (Paragraph& p : paragraphs) {
    bool running_text = p.kind == Kind::kBody || p.kind == Kind::kBullet || p.kind == Kind::kNote;
    p.truncated = running_text && !EndsSentence(p.text) && !IsEnumeration(p.text) &&
                  (LooksLikeProse(p.text, p.lang) || EndsMidClause(p.text));
  }
  ExcuseClauseSeries(paragraphs);
}

}  // namespace bitext
