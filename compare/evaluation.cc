#include "evaluation.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include "unicode.h"

namespace bitext::align {
namespace {

bool ParseList(std::string_view s, std::vector<int>* out) {
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') return false;
  s = s.substr(1, s.size() - 2);
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    size_t end = s.find(',', pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view item = s.substr(pos, end - pos);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) return false;
    int value = 0;
    for (char c : item) {
      if (c < '0' || c > '9' || value > (INT_MAX - (c - '0')) / 10) return false;  // not a digit, or overflow
      value = value * 10 + (c - '0');
    }
    out->push_back(value);
    pos = end + 1;
  }
  return true;
}

// Counts for test beads judged against gold beads: strict tp/fp, lax tp/fp.
void CountMatches(const std::vector<IndexBead>& gold, const std::vector<IndexBead>& test, long* counts) {
  std::set<std::pair<std::vector<int>, std::vector<int>>> gold_set;
  std::map<int, std::set<int>> gold_targets_of_source;
  for (const IndexBead& b : gold) {
    if (b.zh.empty() && b.en.empty()) continue;
    gold_set.emplace(b.zh, b.en);
    for (int s : b.zh) gold_targets_of_source[s].insert(b.en.begin(), b.en.end());
  }
  for (const IndexBead& b : test) {
    if (b.zh.empty() && b.en.empty()) continue;
    if (gold_set.count({b.zh, b.en})) {
      ++counts[0];
      ++counts[2];
      continue;
    }
    ++counts[1];
    bool overlap = false;
    for (int s : b.zh) {
      const auto it = gold_targets_of_source.find(s);
      if (it == gold_targets_of_source.end()) continue;
      for (int t : b.en) overlap |= it->second.count(t) > 0;
    }
    ++counts[overlap ? 2 : 3];
  }
}

double Ratio(long good, long bad) { return good + bad == 0 ? 0.0 : static_cast<double>(good) / (good + bad); }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

bool ParseBeads(std::string_view text, std::vector<IndexBead>* beads, std::string* error) {
  int line_number = 0;
  for (std::string_view line : SplitLines(text)) {
    ++line_number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    size_t close = line.find(']');
    IndexBead bead;
    bool ok = close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == ':' &&
              ParseList(line.substr(0, close + 1), &bead.zh);
    if (ok) {
      std::string_view rest = line.substr(close + 2);
      size_t close2 = rest.find(']');
      ok = close2 != std::string_view::npos && ParseList(rest.substr(0, close2 + 1), &bead.en);
    }
    if (!ok) {
      *error = "line " + std::to_string(line_number) + ": expected \"[i,j]:[k]\" with indexes from 0 to 2147483647";
      return false;
    }
    beads->push_back(std::move(bead));
  }
  return true;
}

std::string FormatBead(const IndexBead& bead) {
  auto list = [](const std::vector<int>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) s += ",";
      s += std::to_string(v[i]);
    }
    return s + "]";
  };
  return list(bead.zh) + ":" + list(bead.en);
}

void AlignmentScorer::Add(const std::vector<IndexBead>& gold, const std::vector<IndexBead>& test) {
  CountMatches(gold, test, precision_);
  // Recall: gold beads judged against test beads, both without insertions
  // and deletions.
  std::vector<IndexBead> gold_pairs, test_pairs;
  for (const IndexBead& b : gold) {
    if (!b.zh.empty() && !b.en.empty()) gold_pairs.push_back(b);
  }
  for (const IndexBead& b : test) {
    if (!b.zh.empty() && !b.en.empty()) test_pairs.push_back(b);
  }
  CountMatches(test_pairs, gold_pairs, recall_);
}

Scores AlignmentScorer::Result() const {
  Scores s;
  s.precision_strict = Ratio(precision_[0], precision_[1]);
  s.precision_lax = Ratio(precision_[2], precision_[3]);
  s.recall_strict = Ratio(recall_[0], recall_[1]);
  s.recall_lax = Ratio(recall_[2], recall_[3]);
  s.f1_strict = F1(s.precision_strict, s.recall_strict);
  s.f1_lax = F1(s.precision_lax, s.recall_lax);
  return s;
}

}  // namespace bitext::align
