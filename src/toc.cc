// A table of contents is a run of at least four heading-like lines in a row
// (numbered or short, unterminated) that either follows a contents marker
// ("Contents", "目录") or whose entries mostly come back later as body
// headings. Its entries become Kind::kToc so that the outline and the
// alignment see each heading once, in the body.
#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "structure.h"
#include "text_features.h"
#include "unicode.h"

namespace bitext {
namespace {

constexpr int kMinEntries = 4;
constexpr double kSameHeading = 0.6;  // bigram Dice of an entry and its heading

// A numbered line of one sentence is an entry, even when a translation
// garbled it into a long one ("3.2. Back Up Your Existing Back Up Your
// Existing ... Data!"): a run of entries does not break on one bad line.
constexpr int kMaxGarbledEntryWords = 60;

bool IsEntryLike(const Paragraph& p) {
  if (p.kind == Kind::kHeading || p.kind == Kind::kTitle) return true;
  if (p.heading && p.heading->number && !HasInnerSentenceEnd(p.title()) &&
      WordishLength(p.text) <= kMaxGarbledEntryWords) {
    return true;
  }
  return p.kind == Kind::kBody && !EndsSentence(p.text) && WordishLength(p.text) <= 30 &&
         !LooksLikeProse(p.text, p.lang);
}


// The distinct titles of a stream, each as the comparison reads it (folded,
// spaces removed) with its distinct bigrams as sorted code-point pairs. A
// text that says its headings over and over keeps each title once.
class Titles {
 public:
  // The id of the paragraph's title, the same for every paragraph whose
  // title reads the same.
  size_t Intern(const Paragraph& p) {
    std::vector<char32_t> code_points;
    std::string key;
    for (char32_t c : ToCodePoints(FoldForCompare(p.title()))) {
      if (IsSpace(c)) continue;
      code_points.push_back(c);
      key += ToUtf8(c);
    }
    auto [it, added] = ids_.try_emplace(std::move(key), grams_.size());
    if (!added) return it->second;
    std::vector<uint64_t> grams;
    for (size_t i = 0; i + 1 < code_points.size(); ++i) {
      grams.push_back(uint64_t{code_points[i]} << 32 | code_points[i + 1]);
    }
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    grams_.push_back(std::move(grams));
    return it->second;
  }

  const std::vector<uint64_t>& Grams(size_t id) const { return grams_[id]; }

 private:
  std::unordered_map<std::string, size_t> ids_;  // by the title as read, in UTF-8
  std::vector<std::vector<uint64_t>> grams_;     // by id
};

double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// The headings of a stream, indexed once: a long document has many runs of
// entries, and each is compared with the headings after it.
class Headings {
 public:
  Headings(const std::vector<Paragraph*>& stream, Titles& titles) : titles_(titles) {
    for (size_t i = 0; i < stream.size(); ++i) {
      if (!stream[i]->heading) continue;
      const size_t id = titles.Intern(*stream[i]);
      positions_.push_back(i);
      ids_.push_back(id);
      last_at_[id] = i;  // in stream order: the last one stays
    }
  }

  // Whether a heading at or after stream position `from` has exactly this
  // title: a hash lookup, no scan (Dice would be 1).
  bool SameAfter(size_t title, size_t from) const {
    auto it = last_at_.find(title);
    return it != last_at_.end() && it->second >= from;
  }

  // Index of the first heading at or after stream position `pos`.
  size_t FirstAt(size_t pos) const {
    return static_cast<size_t>(std::lower_bound(positions_.begin(), positions_.end(), pos) - positions_.begin());
  }
  size_t size() const { return positions_.size(); }

  // Whether one of headings [from, to) has bigram Dice >= kSameHeading with
  // this title.
  bool SimilarIn(size_t title, size_t from, size_t to) const {
    const std::vector<uint64_t>& grams = titles_.Grams(title);
    for (size_t h = from; h < to; ++h) {
      if (Dice(grams, titles_.Grams(ids_[h])) >= kSameHeading) return true;
    }
    return false;
  }

 private:
  const Titles& titles_;
  std::vector<size_t> positions_;                // stream positions, ascending
  std::vector<size_t> ids_;                      // title ids, one per position
  std::unordered_map<size_t, size_t> last_at_;  // by title id: the last heading's stream position
};

// Whether at least half the entries of run [begin, end) come back as a
// heading after the run. Exact titles are counted first, as they cost no
// scan, and the counting stops as soon as the answer is settled. Entries of
// one title share one search: the answer depends on how many are found, not
// in which order.
bool MostComeBackLater(const std::vector<Paragraph*>& stream, size_t begin, size_t end, const Headings& headings,
                       Titles& titles) {
  const size_t entries = end - begin;
  size_t found = 0, missed = 0;
  struct Unsure {
    size_t title;
    size_t entries;  // with this title
  };
  std::vector<Unsure> unsure;
  std::unordered_map<size_t, size_t> unsure_slot;  // by title id
  for (size_t i = begin; i < end; ++i) {
    const size_t title = titles.Intern(*stream[i]);
    if (titles.Grams(title).empty()) {
      ++missed;  // Dice is 0 without bigrams: never found
    } else if (headings.SameAfter(title, end)) {
      ++found;
    } else {
      auto [slot, added] = unsure_slot.try_emplace(title, unsure.size());
      if (added) unsure.push_back({title, 0});
      ++unsure[slot->second].entries;
    }
  }
  unsure_slot.clear();
  // The rest are looked for in growing windows of the later headings: most
  // come back soon, in the body after the table, while an entry that never
  // comes back costs a scan of every later heading, so those scans are left
  // until nearer matches have failed to settle the run.
  size_t from = headings.FirstAt(end);
  for (size_t width = entries; !unsure.empty(); width *= 2) {
    const size_t to = std::min(from + width, headings.size());
    for (size_t k = 0; k < unsure.size();) {
      if (found * 2 >= entries) return true;
      if ((entries - missed) * 2 < entries) return false;
      if (headings.SimilarIn(unsure[k].title, from, to)) {
        found += unsure[k].entries;
      } else if (to == headings.size()) {
        missed += unsure[k].entries;  // no later heading left to look at
      } else {
        ++k;  // looked for again in the next window
        continue;
      }
      std::swap(unsure[k], unsure.back());  // settled: drop it
      unsure.pop_back();
    }
    from = to;
  }
  return found * 2 >= entries;
}

// Whether the run's first entry comes back among as many headings after the
// run as the run has entries (a scan bounded by the run's own length).
bool OpensBody(const std::vector<Paragraph*>& stream, size_t first, size_t end, const Headings& headings,
               Titles& titles) {
  const size_t title = titles.Intern(*stream[first]);
  if (titles.Grams(title).empty()) return false;
  const size_t from = headings.FirstAt(end);
  return headings.SimilarIn(title, from, std::min(from + (end - first), headings.size()));
}

// Whether `next` carries the decimal number that comes after `previous`'s
// in reading order: deeper, or on at some level ("3.6.5." -> "3.6.6.",
// "3.6." -> "3.6.1.", "3.6.6." -> "3.7."). A body heading that follows the
// contents starts the numbering again ("3.1." after "3.6.6.").
bool NumberedNext(const Paragraph& previous, const Paragraph& next) {
  if (!previous.heading || !previous.heading->number || !next.heading || !next.heading->number) return false;
  const std::vector<int>& a = previous.heading->number->path;
  const std::vector<int>& b = next.heading->number->path;
  if (a.empty() || b.empty()) return false;
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

void MarkInStream(std::vector<Paragraph*>& stream) {
  Titles titles;
  const Headings headings(stream, titles);
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
    // The first marker opens the table: a second one soon after is the
    // contents pasted again, and the entries between are entries still.
    for (size_t k = i; k < end && k < i + 6 && !marker; ++k) {
      if (IsContentsMarker(stream[k]->text)) {
        marker = true;
        first_entry = k;
      }
    }
    // The body's first heading closes the run: it is followed by prose. But
    // an entry numbered next after the one before it is the contents' last
    // entry, followed by the text that opens the chapter.
    if (end < stream.size() && end - first_entry > 1 && stream[end]->kind == Kind::kBody &&
        LooksLikeProse(stream[end]->text, stream[end]->lang) && !NumberedNext(*stream[end - 2], *stream[end - 1])) {
      --end;
    }
    // A text that opens with a run without a marker may open with its own
    // title ("Chapter 3. Before Installing"), which does not come back: a
    // real first entry comes back among the first headings after the run,
    // as the body's first heading.
    if (!marker && first_entry == 0 && end > kMinEntries && !OpensBody(stream, first_entry, end, headings, titles)) {
      ++first_entry;
    }
    const int entries = static_cast<int>(end - first_entry);
    // After a marker the run is a table of contents whatever comes later.
    if (entries >= kMinEntries && (marker || MostComeBackLater(stream, first_entry, end, headings, titles))) {
      for (size_t k = first_entry; k < end; ++k) stream[k]->kind = Kind::kToc;
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
