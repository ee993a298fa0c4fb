// Character n-gram profiles of texts, and their chrF-like similarity
// (character 1- to 6-grams without white space, F-score with recall
// weighted twice): what two English versions of one text share whatever
// their wording. Three ways to score: a merge of two profiles, a reference
// in hash tables scored against many hypotheses, and many hypotheses
// indexed by n-gram scored against one reference at a time.
#ifndef BITEXT_ALIGN_NGRAM_PROFILE_H_
#define BITEXT_ALIGN_NGRAM_PROFILE_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace bitext::align {

// Character n-gram counts of a text, n = 1..6, white space removed: per
// order, the distinct FNV-1a hashes in increasing order with their counts.
class NgramProfile {
 public:
  static constexpr int kOrders = 6;
  struct Gram {
    uint32_t hash;
    uint32_t count;
  };
  NgramProfile() = default;
  explicit NgramProfile(std::string_view text);
  // The profile of several texts taken together (n-grams do not run from
  // one into the next), keeping only the n-grams whose hash is a multiple of
  // `modulus` (a power of two; std::invalid_argument otherwise): an
  // unbiased sample of the counts that keeps long texts
  // (coarse blocks) cheap to compare and to hold.
  NgramProfile(std::span<const std::string_view> texts, uint32_t modulus);
  // The profile of the texts of `parts` taken together: what the
  // constructor gives for all of them at once (modulus 1), without reading
  // them again.
  static NgramProfile Sum(std::span<const NgramProfile> parts);
  bool empty() const { return totals_[0] == 0; }

  // chrF-style F-score (beta 2) of this profile as hypothesis against
  // `reference`, in [0, 1]: precision and recall are averaged over the
  // orders both sides have, then combined.
  double Similarity(const NgramProfile& reference) const;

 private:
  friend class ProfileIndex;
  friend class ProfilePostings;
  std::vector<Gram> grams_[kOrders];
  uint64_t totals_[kOrders] = {};  // n-grams of each order, repeats counted
};

// What the similarity of a hypothesis to a reference is worked out from:
// per order, the n-grams they share (each counted as often as the side
// that has it fewer times) and each side's n-grams, repeats counted.
struct NgramMatches {
  uint64_t shared[NgramProfile::kOrders] = {};
  uint64_t hypothesis[NgramProfile::kOrders] = {};
  uint64_t reference[NgramProfile::kOrders] = {};
  // The chrF-style F-score of NgramProfile::Similarity.
  double Similarity() const;
};

// Two texts taken together share at most what each shares alone (a count
// clipped to the other side's is at most the sum of the parts' clipped
// counts), so these matches' Similarity() is at least that of the joined
// texts: for hypotheses x and y against one reference, and for one
// hypothesis against references x and y.
NgramMatches JoinedHypothesesBound(const NgramMatches& x, const NgramMatches& y);
NgramMatches JoinedReferencesBound(const NgramMatches& x, const NgramMatches& y);

// A reference profile in hash tables, for scoring many hypotheses against
// it: each hypothesis n-gram is looked up rather than merged with the
// reference's, so the cost is the hypothesis' size alone. Two profiles are
// taken together (two paragraphs as one) as they are read, not by building
// a third profile.
class ProfileIndex {
 public:
  ProfileIndex() = default;
  explicit ProfileIndex(const NgramProfile& reference) { Assign(reference); }
  // Indexes `reference`, reusing the tables' memory.
  void Assign(const NgramProfile& reference);
  // Indexes the texts of `a` and `b` taken together.
  void Assign(const NgramProfile& a, const NgramProfile& b);
  // Equals hypothesis.Similarity(reference).
  double Similarity(const NgramProfile& hypothesis) const;
  // The similarity of the texts of `a` and `b` taken together.
  double Similarity(const NgramProfile& a, const NgramProfile& b) const;
  // What those similarities are worked out from.
  NgramMatches Matches(const NgramProfile& hypothesis) const;
  NgramMatches Matches(const NgramProfile& a, const NgramProfile& b) const;

 private:
  // A bit per 2^kFilterBits hash ranges, set for those the reference has,
  // per order: most hypothesis n-grams of orders 3 to 6 are not in the
  // reference, and a clear bit tells so without a guess at a table slot.
  static constexpr uint32_t kFilterBits = 15;
  std::vector<uint64_t> filter_;
  std::vector<NgramProfile::Gram> slots_;  // count 0: empty
  // Per slot, the count already matched while two texts are scored
  // together, and the slots to clear afterwards: scratch, so scoring is
  // not safe from two threads at once (each search has its own index).
  mutable std::vector<uint32_t> taken_;
  mutable std::vector<size_t> touched_;
  size_t begin_[NgramProfile::kOrders] = {};    // each order's table in slots_
  uint32_t shift_[NgramProfile::kOrders] = {};  // 32 - log2 of its size
  uint64_t totals_[NgramProfile::kOrders] = {};
};

// Many hypothesis profiles indexed by n-gram: each n-gram lists the
// hypotheses that have it, in order. One reference is scored against a run
// of consecutive hypotheses at once, for the cost of the n-grams they share
// with it rather than of all theirs (the headings of a document share few
// of their longer n-grams).
class ProfilePostings {
 public:
  explicit ProfilePostings(std::span<const NgramProfile> hypotheses);
  // (*out)[k] = hypotheses[first + k].Similarity(reference), for every k
  // below last - first; last is at most the number of hypotheses.
  void Similarities(const NgramProfile& reference, size_t first, size_t last, std::vector<double>* out) const;

 private:
  struct Entry {
    uint32_t hypothesis;
    uint32_t count;
  };
  struct Slot {
    uint32_t hash;
    uint32_t posting;  // 0: empty; else 1 + the posting's index
  };
  // Per order, an open-addressing table from hash to posting; postings
  // are stored end to end in entries_, each in increasing hypothesis order.
  std::vector<Slot> slots_[NgramProfile::kOrders];
  uint32_t shift_[NgramProfile::kOrders] = {};
  std::vector<size_t> posting_begin_[NgramProfile::kOrders];  // one past the last too
  std::vector<Entry> entries_[NgramProfile::kOrders];
  std::vector<uint64_t> totals_;  // kOrders per hypothesis
  // Doubles `table` (its index shift one less), every slot moved.
  static void Grow(std::vector<Slot>& table, uint32_t& shift);
  // The slot of `hash` in `table`, or the empty slot where it would go.
  static uint32_t Find(const std::vector<Slot>& table, uint32_t shift, uint32_t hash);
  // The hypotheses that have the n-gram `hash` of order `order` + 1; empty
  // when none has it.
  std::span<const Entry> Posting(int order, uint32_t hash) const;
};

}  // namespace bitext::align

#endif  // BITEXT_ALIGN_NGRAM_PROFILE_H_
