#include "ngram_profile.h"

#include <algorithm>
#include <stdexcept>

#include "radix_sort.h"
#include "unicode.h"

namespace bitext::align {
namespace {

// The chrF-style F-score (beta 2) from the n-grams each order has in
// common, the hypothesis' and the reference's n-grams of each order.
double FScore(const uint64_t* common, const uint64_t* hyp, const uint64_t* ref) {
  double precision = 0, recall = 0;
  int orders = 0;
  for (int n = 0; n < NgramProfile::kOrders; ++n) {
    if (hyp[n] == 0 || ref[n] == 0) continue;
    const double shared = static_cast<double>(common[n]);
    precision += shared / static_cast<double>(hyp[n]);
    recall += shared / static_cast<double>(ref[n]);
    ++orders;
  }
  if (orders == 0) return 0;
  precision /= orders;
  recall /= orders;
  constexpr double kBeta2 = 4.0;  // beta = 2: recall weighs twice
  const double denominator = kBeta2 * precision + recall;
  return denominator > 0 ? (1 + kBeta2) * precision * recall / denominator : 0;
}

// Spreads FNV-1a's high bits over a table index.
inline uint32_t SlotOf(uint32_t hash, uint32_t shift) { return (hash * 0x9E3779B1u) >> shift; }

}  // namespace

double NgramMatches::Similarity() const { return FScore(shared, hypothesis, reference); }

NgramMatches JoinedHypothesesBound(const NgramMatches& x, const NgramMatches& y) {
  NgramMatches joined = x;
  for (int n = 0; n < NgramProfile::kOrders; ++n) {
    joined.shared[n] += y.shared[n];
    joined.hypothesis[n] += y.hypothesis[n];
  }
  return joined;
}

NgramMatches JoinedReferencesBound(const NgramMatches& x, const NgramMatches& y) {
  NgramMatches joined = x;
  for (int n = 0; n < NgramProfile::kOrders; ++n) {
    joined.shared[n] += y.shared[n];
    joined.reference[n] += y.reference[n];
  }
  return joined;
}

NgramProfile::NgramProfile(std::string_view text) : NgramProfile(std::span<const std::string_view>(&text, 1), 1) {}

NgramProfile::NgramProfile(std::span<const std::string_view> texts, uint32_t modulus) {
  if (modulus == 0 || (modulus & (modulus - 1)) != 0) {
    throw std::invalid_argument("NgramProfile: the sample's modulus must be a power of two");
  }
  // The texts' code points without white space, each text's end marked, so
  // that n-grams do not run from one text into the next.
  std::vector<char32_t> cps;
  std::vector<size_t> ends;
  size_t bytes = 0;
  for (std::string_view text : texts) bytes += text.size();
  cps.reserve(bytes);
  for (std::string_view text : texts) {
    for (size_t at = 0; at < text.size();) {
      const auto [c, length] = CodePointAt(text, at);
      if (!IsSpace(c)) cps.push_back(c);
      at += length;
    }
    ends.push_back(cps.size());
  }
  // One order at a time. A paragraph's text extends each position's FNV-1a
  // hash by one code point per order and sorts the hashes by radix, 16 bytes
  // a character in all; a text longer than kLeanAbove (a very long
  // paragraph, a coarse block) hashes each order afresh and sorts in place,
  // 8 bytes a character. Both count the same n-grams.
  constexpr size_t kLeanAbove = size_t{1} << 16;
  const bool lean = cps.size() > kLeanAbove;
  std::vector<uint32_t> running(lean ? 0 : cps.size(), 2166136261u);
  std::vector<uint32_t> sorted, scratch;
  sorted.reserve(cps.size() / modulus + 1);  // about one order's sample
  // A power of two: a mask tells the multiples, not a division per n-gram.
  const uint32_t mask = modulus - 1;
  auto kept = [mask](uint32_t h) { return (h & mask) == 0; };
  for (int n = 1; n <= kOrders; ++n) {
    sorted.clear();
    size_t begin = 0;
    for (size_t end : ends) {
      if (end >= begin + static_cast<size_t>(n)) {
        const size_t last = end - static_cast<size_t>(n);  // the last position an n-gram starts at
        if (lean) {
          for (size_t i = begin; i <= last; ++i) {
            uint32_t h = 2166136261u;
            for (size_t k = i; k < i + static_cast<size_t>(n); ++k) h = (h ^ cps[k]) * 16777619u;
            if (kept(h)) sorted.push_back(h);
          }
        } else {
          // Two loops: the first, without a branch, runs on vectors.
          for (size_t i = begin; i <= last; ++i) {
            running[i] = (running[i] ^ cps[i + static_cast<size_t>(n) - 1]) * 16777619u;
          }
          if (modulus == 1) {
            sorted.insert(sorted.end(), running.begin() + static_cast<long>(begin),
                          running.begin() + static_cast<long>(last) + 1);
          } else {
            for (size_t i = begin; i <= last; ++i) {
              if (kept(running[i])) sorted.push_back(running[i]);
            }
          }
        }
      }
      begin = end;
    }
    if (lean) {
      std::sort(sorted.begin(), sorted.end());
    } else {
      RadixSort(sorted, scratch);
    }
    std::vector<Gram>& grams = grams_[n - 1];
    totals_[n - 1] = sorted.size();
    size_t distinct = 0;
    for (size_t i = 0; i < sorted.size(); ++i) distinct += i == 0 || sorted[i] != sorted[i - 1];
    grams.reserve(distinct);
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        ++grams.back().count;
      } else {
        grams.push_back({sorted[i], 1});
      }
    }
  }
}

NgramProfile NgramProfile::Sum(std::span<const NgramProfile> parts) {
  NgramProfile sum;
  std::vector<Gram> merged;
  for (int n = 0; n < kOrders; ++n) {
    std::vector<Gram>& grams = sum.grams_[n];
    // One part at a time into the sum so far, both in increasing hash.
    for (const NgramProfile& part : parts) {
      sum.totals_[n] += part.totals_[n];
      const std::vector<Gram>& next = part.grams_[n];
      merged.clear();
      merged.reserve(grams.size() + next.size());
      size_t i = 0, j = 0;
      while (i < grams.size() || j < next.size()) {
        if (j == next.size() || (i < grams.size() && grams[i].hash < next[j].hash)) {
          merged.push_back(grams[i++]);
        } else if (i == grams.size() || next[j].hash < grams[i].hash) {
          merged.push_back(next[j++]);
        } else {
          merged.push_back({grams[i].hash, grams[i].count + next[j].count});
          ++i, ++j;
        }
      }
      grams.swap(merged);
    }
    grams.shrink_to_fit();
  }
  return sum;
}

double NgramProfile::Similarity(const NgramProfile& reference) const {
  uint64_t common[kOrders] = {};
  for (int n = 0; n < kOrders; ++n) {
    const std::vector<Gram>& x = grams_[n];
    const std::vector<Gram>& y = reference.grams_[n];
    // A merge without branches on the order of the hashes, which no
    // predictor guesses: each step advances the side (or both) with the
    // smaller hash.
    size_t i = 0, j = 0;
    uint64_t shared = 0;
    while (i < x.size() && j < y.size()) {
      const uint32_t a = x[i].hash, b = y[j].hash;
      shared += a == b ? std::min(x[i].count, y[j].count) : 0;
      i += a <= b;
      j += b <= a;
    }
    common[n] = shared;
  }
  return FScore(common, totals_, reference.totals_);
}

void ProfileIndex::Assign(const NgramProfile& reference) { Assign(reference, NgramProfile()); }

void ProfileIndex::Assign(const NgramProfile& a, const NgramProfile& b) {
  size_t size = 0;
  for (int n = 0; n < NgramProfile::kOrders; ++n) {
    uint32_t bits = 2;  // at least half the slots stay empty
    while ((size_t{1} << bits) < 2 * (a.grams_[n].size() + b.grams_[n].size())) ++bits;
    begin_[n] = size;
    shift_[n] = 32 - bits;
    size += size_t{1} << bits;
    totals_[n] = a.totals_[n] + b.totals_[n];
  }
  slots_.assign(size, {0, 0});
  taken_.clear();  // sized when two texts are first scored together
  constexpr size_t kFilterWords = (size_t{1} << kFilterBits) / 64;
  filter_.assign(NgramProfile::kOrders * kFilterWords, 0);
  for (int n = 0; n < NgramProfile::kOrders; ++n) {
    NgramProfile::Gram* table = slots_.data() + begin_[n];
    uint64_t* filter = filter_.data() + static_cast<size_t>(n) * kFilterWords;
    const uint32_t mask = (uint32_t{1} << (32 - shift_[n])) - 1;
    // An n-gram of both texts takes one slot, their counts added.
    for (const std::vector<NgramProfile::Gram>* grams : {&a.grams_[n], &b.grams_[n]}) {
      for (const NgramProfile::Gram& g : *grams) {
        const uint32_t bit = g.hash >> (32 - kFilterBits);
        filter[bit / 64] |= uint64_t{1} << (bit % 64);
        uint32_t slot = SlotOf(g.hash, shift_[n]);
        while (table[slot].count != 0 && table[slot].hash != g.hash) slot = (slot + 1) & mask;
        table[slot].hash = g.hash;
        table[slot].count += g.count;
      }
    }
  }
}

double ProfileIndex::Similarity(const NgramProfile& hypothesis) const { return Matches(hypothesis).Similarity(); }

double ProfileIndex::Similarity(const NgramProfile& a, const NgramProfile& b) const {
  return Matches(a, b).Similarity();
}

NgramMatches ProfileIndex::Matches(const NgramProfile& hypothesis) const { return Matches(hypothesis, NgramProfile()); }

NgramMatches ProfileIndex::Matches(const NgramProfile& a, const NgramProfile& b) const {
  NgramMatches matches;
  const bool both = !b.empty();
  if (both && taken_.size() != slots_.size()) taken_.assign(slots_.size(), 0);
  for (int n = 0; n < NgramProfile::kOrders; ++n) {
    matches.hypothesis[n] = a.totals_[n] + b.totals_[n];
    matches.reference[n] = totals_[n];
    if (totals_[n] == 0) continue;
    const size_t begin = begin_[n];
    const NgramProfile::Gram* table = slots_.data() + begin;
    const uint64_t* filter = filter_.data() + static_cast<size_t>(n) * ((size_t{1} << kFilterBits) / 64);
    const uint32_t mask = (uint32_t{1} << (32 - shift_[n])) - 1;
    const uint32_t shift = shift_[n];
    uint64_t shared = 0;
    // The reference's count of an n-gram is shared out between the two
    // texts' counts as they are looked up: min(a + b, reference) without
    // merging the two lists.
    auto look_up = [&](NgramProfile::Gram g) {
      const uint32_t bit = g.hash >> (32 - kFilterBits);
      if ((filter[bit / 64] >> (bit % 64) & 1) == 0) return;
      for (uint32_t slot = SlotOf(g.hash, shift); table[slot].count != 0; slot = (slot + 1) & mask) {
        if (table[slot].hash != g.hash) continue;
        if (!both) {
          shared += std::min(g.count, table[slot].count);
          return;
        }
        uint32_t& taken = taken_[begin + slot];
        if (taken == 0) touched_.push_back(begin + slot);
        const uint32_t share = std::min(g.count, table[slot].count - taken);
        taken += share;
        shared += share;
        return;
      }
    };
    for (const NgramProfile::Gram& g : a.grams_[n]) look_up(g);
    for (const NgramProfile::Gram& g : b.grams_[n]) look_up(g);
    matches.shared[n] = shared;
  }
  for (size_t slot : touched_) taken_[slot] = 0;
  touched_.clear();
  return matches;
}

ProfilePostings::ProfilePostings(std::span<const NgramProfile> hypotheses) {
  totals_.reserve(hypotheses.size() * NgramProfile::kOrders);
  for (const NgramProfile& h : hypotheses) totals_.insert(totals_.end(), h.totals_, h.totals_ + NgramProfile::kOrders);
  std::vector<uint32_t> posting_of;  // per n-gram of every hypothesis, in order
  for (int n = 0; n < NgramProfile::kOrders; ++n) {
    size_t grams = 0;
    for (const NgramProfile& h : hypotheses) grams += h.grams_[n].size();
    posting_of.reserve(grams);
    // Sized for the distinct n-grams as they come, at least half the slots
    // empty: texts of one document share most of theirs.
    std::vector<Slot>& table = slots_[n];
    constexpr uint32_t kFirstBits = 6;
    table.assign(size_t{1} << kFirstBits, {0, 0});
    shift_[n] = 32 - kFirstBits;
    // First the postings' lengths, then their entries in place.
    std::vector<size_t>& begin = posting_begin_[n];
    begin.assign(1, 0);
    posting_of.clear();
    for (const NgramProfile& h : hypotheses) {
      for (const NgramProfile::Gram& g : h.grams_[n]) {
        uint32_t slot = Find(table, shift_[n], g.hash);
        if (table[slot].posting == 0) {
          if (2 * begin.size() > table.size()) {
            Grow(table, shift_[n]);
            slot = Find(table, shift_[n], g.hash);
          }
          table[slot] = {g.hash, static_cast<uint32_t>(begin.size())};
          begin.push_back(0);
        }
        ++begin[table[slot].posting];
        posting_of.push_back(table[slot].posting - 1);
      }
    }
    for (size_t p = 1; p < begin.size(); ++p) begin[p] += begin[p - 1];
    std::vector<size_t> next(begin.begin(), begin.end() - 1);
    entries_[n].resize(grams);
    size_t k = 0;
    for (size_t i = 0; i < hypotheses.size(); ++i) {
      for (const NgramProfile::Gram& g : hypotheses[i].grams_[n]) {
        entries_[n][next[posting_of[k++]]++] = {static_cast<uint32_t>(i), g.count};
      }
    }
  }
}

void ProfilePostings::Grow(std::vector<Slot>& table, uint32_t& shift) {
  std::vector<Slot> old(table.size() * 2, {0, 0});
  old.swap(table);
  --shift;
  for (const Slot& s : old) {
    if (s.posting != 0) table[Find(table, shift, s.hash)] = s;
  }
}

uint32_t ProfilePostings::Find(const std::vector<Slot>& table, uint32_t shift, uint32_t hash) {
  const uint32_t mask = static_cast<uint32_t>(table.size() - 1);
  uint32_t slot = SlotOf(hash, shift);
  while (table[slot].posting != 0 && table[slot].hash != hash) slot = (slot + 1) & mask;
  return slot;
}

std::span<const ProfilePostings::Entry> ProfilePostings::Posting(int order, uint32_t hash) const {
  const Slot& slot = slots_[order][Find(slots_[order], shift_[order], hash)];
  if (slot.posting == 0) return {};
  const size_t p = slot.posting - 1;
  const std::vector<size_t>& begin = posting_begin_[order];
  return std::span<const Entry>(entries_[order].data() + begin[p], begin[p + 1] - begin[p]);
}

void ProfilePostings::Similarities(const NgramProfile& reference, size_t first, size_t last,
                                   std::vector<double>* out) const {
  constexpr size_t kOrders = NgramProfile::kOrders;
  const size_t count = last > first ? last - first : 0;
  std::vector<uint64_t> common(count * kOrders, 0);  // per hypothesis, per order
  for (int n = 0; n < NgramProfile::kOrders; ++n) {
    for (const NgramProfile::Gram& g : reference.grams_[n]) {
      const std::span<const Entry> posting = Posting(n, g.hash);
      auto e = std::lower_bound(posting.begin(), posting.end(), first,
                                [](const Entry& entry, size_t h) { return entry.hypothesis < h; });
      for (; e != posting.end() && e->hypothesis < last; ++e) {
        common[(e->hypothesis - first) * kOrders + static_cast<size_t>(n)] += std::min(g.count, e->count);
      }
    }
  }
  out->resize(count);
  for (size_t k = 0; k < count; ++k) {
    (*out)[k] = FScore(common.data() + k * kOrders, totals_.data() + (first + k) * kOrders, reference.totals_);
  }
}

}  // namespace bitext::align
