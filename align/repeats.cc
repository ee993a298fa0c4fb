#include "repeats.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "unicode.h"

namespace bitext::align {
namespace {

// Calls `take` with each character trigram of a text, three code points
// in one number.
template <typename Take>
void ForEachTrigram(std::string_view text, Take take) {
  uint64_t gram = 0;
  int filled = 0;
  for (size_t at = 0; at < text.size();) {
    const auto [c, length] = CodePointAt(text, at);
    at += length;
    gram = (gram << 21 | c) & ((uint64_t{1} << 63) - 1);
    if (++filled >= 3) take(gram);
  }
}

// The Dice coefficient of two texts' character trigrams, repeats counted:
// the trigrams of one are counted in a hash table, and each of the other's
// takes one of those counts. Its tables are kept for the next pair.
class TrigramDice {
 public:
  double operator()(std::string_view a, std::string_view b) {
    size_t a_grams = 0;
    ForEachTrigram(a, [&](uint64_t) { ++a_grams; });
    if (a_grams == 0) return 0;
    size_t size = 16;
    while (size < 2 * a_grams) size *= 2;
    keys_.assign(size, kEmpty);
    counts_.assign(size, 0);
    const size_t mask = size - 1;
    auto slot_of = [&](uint64_t gram) {
      size_t slot = static_cast<size_t>((gram * 0x9E3779B97F4A7C15u) >> 40) & mask;
      while (keys_[slot] != kEmpty && keys_[slot] != gram) slot = (slot + 1) & mask;
      return slot;
    };
    ForEachTrigram(a, [&](uint64_t gram) {
      const size_t slot = slot_of(gram);
      keys_[slot] = gram;
      ++counts_[slot];
    });
    size_t b_grams = 0, common = 0;
    ForEachTrigram(b, [&](uint64_t gram) {
      ++b_grams;
      const size_t slot = slot_of(gram);
      if (keys_[slot] == gram && counts_[slot] > 0) --counts_[slot], ++common;
    });
    if (b_grams == 0) return 0;
    return 2.0 * static_cast<double>(common) / static_cast<double>(a_grams + b_grams);
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};  // no trigram: they use 63 bits
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> counts_;
};

class Matcher {
 public:
  // The normalised texts sit end to end in one buffer: a document of many
  // short paragraphs costs its characters, not a string object each.
  Matcher(const std::vector<std::string_view>& paragraphs, const RepeatOptions& options) : options_(options) {
    begins_.reserve(paragraphs.size() + 1);
    lengths_.reserve(paragraphs.size());
    for (std::string_view p : paragraphs) {
      begins_.push_back(buffer_.size());
      int length = 0;
      const std::string folded = FoldForCompare(p);
      for (size_t at = 0; at < folded.size();) {
        const auto [c, bytes] = CodePointAt(folded, at);
        if (!IsSpace(c)) {
          // A valid sequence is copied as it is; a byte that is none, as U+FFFD.
          if (c == 0xFFFD && bytes == 1) {
            buffer_ += ToUtf8(c);
          } else {
            buffer_.append(folded, at, bytes);
          }
          ++length;
        }
        at += bytes;
      }
      lengths_.push_back(length);
    }
    begins_.push_back(buffer_.size());
  }

  size_t size() const { return lengths_.size(); }

  // Paragraph `a` is a proper prefix (or suffix) of paragraph `b` / `a` ends with `b`.
  bool IsPrefixOf(int a, int b) const {
    return !text(a).empty() && text(b).size() > text(a).size() && text(b).starts_with(text(a));
  }
  bool EndsWith(int a, int b) const {
    return !text(b).empty() && text(a).size() > text(b).size() && text(a).ends_with(text(b));
  }
  int length(int i) const { return lengths_[static_cast<size_t>(i)]; }
  std::string_view text(int i) const {
    const size_t k = static_cast<size_t>(i);
    return std::string_view(buffer_).substr(begins_[k], begins_[k + 1] - begins_[k]);
  }

  // Identical, or nearly: small edits, not text added or lost.
  bool Same(int i, int j) {
    if (text(i) == text(j)) return !text(i).empty();
    const int shorter = std::min(length(i), length(j)), longer = std::max(length(i), length(j));
    if (shorter < options_.min_seed_characters || shorter * 10 < longer * 9) return false;
    // Counted for each comparison, not kept: each paragraph takes part in
    // a few, and kept for all the counts would take 12 bytes per character.
    return dice_(text(i), text(j)) >= options_.near_identical;
  }

 private:
  const RepeatOptions& options_;
  TrigramDice dice_;
  std::string buffer_;
  std::vector<size_t> begins_;  // of each text in buffer_, and its end
  std::vector<int> lengths_;    // in code points
};

}  // namespace

RepeatAnalysis FindRepeats(const std::vector<std::string_view>& paragraphs, const RepeatOptions& options) {
  Matcher m(paragraphs, options);
  const int n = static_cast<int>(m.size());
  RepeatAnalysis result;

  std::unordered_map<std::string_view, std::vector<int>> seen;  // keyed by normalised text
  std::unordered_set<uint64_t> covered;                         // (i, j) pairs already inside a run
  auto key = [](int i, int j) { return static_cast<uint64_t>(i) << 32 | static_cast<uint32_t>(j); };
  for (int j = 0; j < n; ++j) {
    if (m.length(j) < options.min_seed_characters) continue;
    std::vector<int>& earlier = seen[m.text(j)];
    const size_t seeds = static_cast<size_t>(std::max(options.seeds_per_paragraph, 1));
    for (size_t e = earlier.size() > seeds ? earlier.size() - seeds : 0; e < earlier.size(); ++e) {
      const int i = earlier[e];
      if (covered.count(key(i, j))) continue;
      // Extend along the diagonal both ways; the original may not run into
      // its own repeat.
      const int offset = j - i;
      int begin = i, end = i + 1;
      // A run already found on this diagonal is not found again: a text
      // repeated many times gives one run per copy and its predecessor.
      auto extends = [&](int k) { return !covered.count(key(k, k + offset)) && m.Same(k, k + offset); };
      while (begin > 0 && extends(begin - 1)) --begin;
      while (end < j && end + offset < n && extends(end)) ++end;
      end = std::min(end, begin + offset);  // spans do not overlap
      for (int k = begin; k < end; ++k) covered.insert(key(k, k + offset));
      int characters = 0;
      for (int k = begin; k < end; ++k) characters += m.length(k);
      const int count = end - begin;
      if (count < options.min_paragraphs || (count < 3 && characters < options.min_characters)) {
        continue;
      }
      Repeat r{begin, end, begin + offset, end + offset, -1, false};
      // A paragraph cut where the text starts again: the one after the
      // original, when it is only the start of its counterpart in the repeat
      // (the copy broke off); or the one just before the repeat, when it ends
      // with the paragraph before the original (the paste began mid-paragraph).
      const int after = end, counterpart = end + offset;
      const int before = r.repeat_begin - 1, before_original = begin - 1;
      if (after < r.repeat_begin && counterpart < n && m.IsPrefixOf(after, counterpart)) {
        r.truncated = after;
      } else if (before >= end && before_original >= 0 && m.EndsWith(before, before_original)) {
        r.truncated = before;
      }
      // The copy restarts when it follows the original (and the original's cut paragraph).
      const int original_stop = r.truncated == after ? after + 1 : end;
      r.restart = r.repeat_begin == original_stop;
      result.repeats.push_back(r);
    }
    earlier.push_back(j);
  }

  std::sort(result.repeats.begin(), result.repeats.end(), [](const Repeat& a, const Repeat& b) {
    return std::tie(a.original_begin, a.repeat_begin) < std::tie(b.original_begin, b.repeat_begin);
  });
  result.superseded = Superseded(result.repeats, n);
  return result;
}

// An incomplete copy (cut short where the text starts again) gives way to
// the restart; otherwise the later copy gives way to the earlier one.
std::vector<bool> Superseded(const std::vector<Repeat>& repeats, int paragraphs) {
  std::vector<bool> superseded(static_cast<size_t>(paragraphs), false);
  for (const Repeat& r : repeats) {
    if (r.restart && r.truncated >= 0) {
      const int stop = r.truncated + 1;
      for (int k = r.original_begin; k < stop; ++k) superseded[static_cast<size_t>(k)] = true;
    } else {
      for (int k = r.repeat_begin; k < r.repeat_end; ++k) superseded[static_cast<size_t>(k)] = true;
    }
  }
  return superseded;
}

}  // namespace bitext::align
