#include "checks.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "span_index.h"
#include "unicode.h"

namespace bitext {

namespace {

// A finding's evidence keeps the text it concerns, usually its paragraph.
// Beyond this many bytes it keeps a window around the place instead, so that
// a long paragraph with many findings costs findings x window, not findings
// x paragraph; the fingerprint is still taken from the whole text.
constexpr size_t kMaxKeyBytes = 4096;
constexpr size_t kKeyWindow = 100;  // code points each side of the place

// The code points of `text` within kKeyWindow of 1-based column `column`.
// `shared`: `text` is a paragraph that stays put while its findings are made.
std::string WindowAround(std::string_view text, int column, bool shared) {
  const size_t place = column > 0 ? static_cast<size_t>(column - 1) : 0;
  const size_t first = place > kKeyWindow ? place - kKeyWindow : 0;
  // Findings come in order along a paragraph: go on from the last window's
  // start rather than from the paragraph's, or many findings cost its square.
  thread_local const char* last_data = nullptr;
  thread_local size_t last_index = 0, last_byte = 0;
  size_t index = 0, i = 0;
  if (shared && text.data() == last_data && last_byte < text.size() && last_index <= first &&
      (static_cast<unsigned char>(text[last_byte]) & 0xC0) != 0x80) {
    index = last_index, i = last_byte;
  }
  auto length = [&](size_t at) -> size_t {  // of the UTF-8 sequence at `at`
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  };
  for (; i < text.size() && index < first; ++index) i += length(i);
  last_data = shared ? text.data() : nullptr, last_index = index, last_byte = i;
  std::string out = first > 0 ? "…" : "";
  for (; i < text.size() && index < place + kKeyWindow; ++index) {
    out.append(text.substr(i, length(i)));
    i += length(i);
  }
  return i < text.size() ? out + "…" : out;
}

// A finding whose evidence text is longer than kMaxKeyBytes.
Finding WithLongKey(const Rule& rule, std::string message, Location where, Evidence evidence,
                    std::string_view key, bool shared) {
  Finding f;
  f.rule = rule.id;
  f.severity = rule.severity;
  f.message = std::move(message);
  // The findings of one paragraph share its text: hash it once per rule and
  // file, not once per finding. The text is known by its address and size
  // (it stays put while a document is checked) and its two ends.
  thread_local std::string last_rule, last_file, last_ends, last_fingerprint;
  thread_local const char* last_data = nullptr;
  thread_local size_t last_size = 0;
  const std::string ends = std::string(key.substr(0, 32)) + std::string(key.substr(key.size() - 32));
  if (!shared || key.data() != last_data || key.size() != last_size || ends != last_ends || f.rule != last_rule ||
      where.file != last_file) {
    last_data = shared ? key.data() : nullptr;
    last_size = key.size();
    last_ends = ends;
    last_rule = f.rule;
    last_file = where.file;
    last_fingerprint = Fingerprint(f.rule, where.file, key);
  }
  f.fingerprint = last_fingerprint;
  evidence.Set("key", WindowAround(key, where.column, shared));
  f.locations.push_back(std::move(where));
  f.evidence = std::move(evidence);
  return f;
}

}  // namespace

Finding MakeFinding(const Rule& rule, std::string message, Location where, Evidence evidence) {
  const std::string* key = evidence.Text("key");
  if (key == nullptr || key->size() <= kMaxKeyBytes) {
    Finding f;
    f.rule = rule.id;
    f.severity = rule.severity;
    f.message = std::move(message);
    f.locations.push_back(std::move(where));
    f.evidence = std::move(evidence);
    return f;
  }
  const std::string text = *key;
  evidence.Erase("key");
  return WithLongKey(rule, std::move(message), std::move(where), std::move(evidence), text, false);
}

Finding MakeFinding(const Rule& rule, std::string message, Location where, Evidence evidence,
                    std::string_view key) {
  if (key.size() <= kMaxKeyBytes) {
    evidence.Set("key", std::string(key));
    return MakeFinding(rule, std::move(message), std::move(where), std::move(evidence));
  }
  return WithLongKey(rule, std::move(message), std::move(where), std::move(evidence), key, true);
}

bool CheckConfig::Enabled(const std::string& rule) const {
  auto it = enabled.find(rule);
  return it == enabled.end() || it->second;
}

namespace {

// The length, in code points, of the text at a finding's column: a glossary
// variant, or the doubled token (a doubled word points at its second copy).
int QuotedLength(const Finding& f) {
  for (const char* field : {"variant", "token"}) {
    if (const std::string* text = f.evidence.Text(field)) return static_cast<int>(CodePointCount(*text));
  }
  return 0;
}

// Where the findings of the rules another rule yields to are, by file and
// line, so that each finding of that rule is looked up, not held against
// every one of them: a text with both on every line costs the sum of their
// counts.
class BetterPlaces {
 public:
  void Add(const Location& at, int length) { spans_[at.file][at.line].emplace_back(at.column, at.column + length); }
  // Indexes what was added; to be called before the questions below.
  void Index() {
    for (auto& [file, lines] : spans_) {
      for (auto& [line, spans] : lines) indexed_[file].emplace(line, SpanIndex(std::move(spans)));
    }
    spans_.clear();
  }
  // Whether a better finding is on a line from `first` to `last`.
  bool OnLines(const std::string& file, int first, int last) const {
    const auto lines = indexed_.find(file);
    if (lines == indexed_.end()) return false;
    const auto line = lines->second.lower_bound(first);
    return line != lines->second.end() && line->first <= last;
  }
  // Whether a better finding's quoted text on `line` holds columns
  // [column, end).
  bool Holds(const std::string& file, int line, int column, int end) const {
    const auto lines = indexed_.find(file);
    if (lines == indexed_.end()) return false;
    const auto spans = lines->second.find(line);
    return spans != lines->second.end() && spans->second.Covers(column, end);
  }

 private:
  // file -> line -> (column, end) of each quoted text, then their index
  std::map<std::string, std::map<int, std::vector<std::pair<int, int>>>> spans_;
  std::map<std::string, std::map<int, SpanIndex>> indexed_;
};

// Drops each finding that a finding of the rule its rule yields to
// overlaps (Rule::yields_to), so one defect is reported once.
void DropYieldingFindings(std::vector<Finding>& findings) {
  for (const Rule& rule : Rules()) {
    if (rule.yields_to[0] == nullptr) continue;
    const bool inside_text = rule.overlap == Overlap::kInsideText;
    BetterPlaces better_places;  // copied: erasing moves the findings
    for (const Finding& f : findings) {
      const bool better = std::any_of(rule.yields_to.begin(), rule.yields_to.end(),
                                      [&](const Rule* other) { return other && f.rule == other->id; });
      if (!better || f.locations.empty()) continue;
      const int length = QuotedLength(f);
      if (!inside_text || length > 0) better_places.Add(f.locations[0], length);
    }
    better_places.Index();
    auto overlapped = [&](const Finding& f) {
      if (f.rule != rule.id || f.locations.empty()) return false;
      const Location& at = f.locations[0];
      if (!inside_text) return better_places.OnLines(at.file, at.line, std::max(at.line, at.end_line));
      return better_places.Holds(at.file, at.line, at.column, at.column + QuotedLength(f));
    };
    std::erase_if(findings, overlapped);
  }
}

}  // namespace

void FinishFindings(std::vector<Finding>& findings, const CheckConfig& config, const RunAll& run_all) {
  findings.erase(
      std::remove_if(findings.begin(), findings.end(), [&](const Finding& f) { return !config.Enabled(f.rule); }),
      findings.end());
  // Each finding on its own, in slices side by side: hashing the keys is
  // most of the work.
  constexpr size_t kSlices = 8;
  std::vector<std::function<void()>> slices;
  for (size_t slice = 0; slice < kSlices; ++slice) {
    slices.push_back([&, slice] {
      const size_t size = findings.size();
      for (size_t k = size * slice / kSlices; k < size * (slice + 1) / kSlices; ++k) {
        Finding& f = findings[k];
        auto it = config.severity.find(f.rule);
        if (it != config.severity.end()) f.severity = it->second;
        if (!f.fingerprint.empty()) continue;  // taken before a long key was cut to a window
        const std::string* key = f.evidence.Text("key");
        f.fingerprint =
            Fingerprint(f.rule, f.locations.empty() ? "" : f.locations.front().file, key ? *key : f.message);
      }
    });
  }
  RunEach(run_all, slices);
  SortFindings(findings);
  // One finding per rule and place (line and column).
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [](const Finding& a, const Finding& b) {
                               return a.rule == b.rule && !a.locations.empty() && !b.locations.empty() &&
                                      a.locations[0].file == b.locations[0].file &&
                                      a.locations[0].line == b.locations[0].line &&
                                      a.locations[0].column == b.locations[0].column;
                             }),
                 findings.end());
  DropYieldingFindings(findings);
}

}  // namespace bitext
