// A table of contents is a run of at least four heading-like lines in a row
// (numbered or short, unterminated) that either follows a contents marker
// ("Contents", "目录") or whose entries mostly come back later as body
// headings. Its entries become Kind::kToc so that the outline and the
// alignment see each heading once, in the body.
#include <optional>
#include <set>

#include "structure.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

constexpr int kMinEntries = 4;
constexpr double kSameHeading = 0.6;  // bigram Dice of an entry and its heading

bool IsEntryLike(const Paragraph& p) {
  if (p.kind == Kind::kHeading || p.kind == Kind::kTitle) return true;
  return p.kind == Kind::kBody && !EndsSentence(p.text) && WordishLength(p.text) <= 30 &&
         !LooksLikeProse(p.text, p.lang);
}

std::string TitleOf(const Paragraph& p) {
  if (p.heading && p.heading->number) return p.heading->number->title;
  return p.text;
}

std::set<std::u32string> Bigrams(const std::string& text) {
  std::u32string cps;
  for (char32_t c : ToCodePoints(FoldForCompare(text))) {
    if (!IsSpace(c)) cps += c;
  }
  std::set<std::u32string> grams;
  for (size_t i = 0; i + 1 < cps.size(); ++i) grams.insert(cps.substr(i, 2));
  return grams;
}

double Dice(const std::set<std::u32string>& a, const std::set<std::u32string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const auto& g : a) common += b.count(g);
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// The title bigrams of each paragraph of a stream, made once: every run of
// entries is compared with all the headings after it, and a long document
// has many runs.
class TitleBigrams {
 public:
  explicit TitleBigrams(const std::vector<Paragraph*>& stream) : stream_(stream), grams_(stream.size()) {}
  const std::set<std::u32string>& Of(size_t i) {
    if (!grams_[i]) grams_[i] = Bigrams(TitleOf(*stream_[i]));
    return *grams_[i];
  }

 private:
  const std::vector<Paragraph*>& stream_;
  std::vector<std::optional<std::set<std::u32string>>> grams_;
};

// How many entries of run [begin, end) reappear as a heading after the run.
int EntriesFoundLater(const std::vector<Paragraph*>& stream, size_t begin, size_t end, TitleBigrams& titles) {
  std::vector<size_t> later;
  for (size_t i = end; i < stream.size(); ++i) {
    if (stream[i]->heading) later.push_back(i);
  }
  int found = 0;
  for (size_t i = begin; i < end; ++i) {
    const auto& grams = titles.Of(i);
    for (size_t heading : later) {
      if (Dice(grams, titles.Of(heading)) >= kSameHeading) {
        ++found;
        break;
      }
    }
  }
  return found;
}

void MarkInStream(std::vector<Paragraph*>& stream) {
  TitleBigrams titles(stream);
  size_t i = 0;
  while (i < stream.size()) {
    if (!IsEntryLike(*stream[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < stream.size() && IsEntryLike(*stream[end])) ++end;
    size_t first_entry = i;
    bool marker = false;
    for (size_t k = i; k < end && k < i + 6; ++k) {
      if (IsContentsMarker(stream[k]->text)) {
        marker = true;
        first_entry = k;
      }
    }
    // The body's first heading closes the run: it is followed by prose.
    if (end < stream.size() && end - first_entry > 1 && stream[end]->kind == Kind::kBody &&
        LooksLikeProse(stream[end]->text, stream[end]->lang)) {
      --end;
    }
    const int entries = static_cast<int>(end - first_entry);
    if (entries >= kMinEntries) {
      int found = EntriesFoundLater(stream, first_entry + (marker ? 1 : 0), end, titles);
      if (marker || found * 2 >= entries) {
        for (size_t k = first_entry; k < end; ++k) stream[k]->kind = Kind::kToc;
      }
    }
    i = end;
  }
}

}  // namespace

void MarkTableOfContents(std::vector<Paragraph>& paragraphs) {
  for (Lang lang : {Lang::kZh, Lang::kEn, Lang::kMixed}) {
    std::vector<Paragraph*> stream;
    for (Paragraph& p : paragraphs) {
      if (p.lang == lang && p.kind != Kind::kBoilerplate) stream.push_back(&p);
    }
    MarkInStream(stream);
  }
}

}  // namespace bitext
