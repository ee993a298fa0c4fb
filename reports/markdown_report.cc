#include "markdown_report.h"

#include <algorithm>
#include <array>
#include <map>

#include "checks.h"
#include "display.h"

namespace bitext {
namespace {

// A code span that survives backticks in the text: the fence is one longer
// than the longest run inside, padded when the text touches a backtick.
std::string CodeSpan(std::string_view text) {
  std::string clean;
  for (char c : EscapeControls(text, false)) clean += (c == '\n' || c == '\r') ? ' ' : c;
  size_t longest = 0, run = 0;
  for (char c : clean) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !clean.empty() && (clean.front() == '`' || clean.back() == '`');
  return fence + (pad ? " " : "") + clean + (pad ? " " : "") + fence;
}

std::string Where(const Finding& f) {
  if (f.locations.empty()) return "";
  const Location& l = f.locations.front();
  return CodeSpan(l.file + ":" + std::to_string(l.line)) + " ";
}

}  // namespace

std::string EscapeMarkdown(std::string_view text) {
  static constexpr std::string_view kSpecial = "\\`*_[]<>|&#";
  std::string out;
  out.reserve(text.size());
  for (char c : EscapeControls(text, false)) {
    if (c == '\n' || c == '\r') {
      out += ' ';  // a line break would end the list item or table row
      continue;
    }
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string RenderMarkdown(const std::vector<Finding>& findings, const std::string& title, size_t worst) {
  std::string out = "# " + EscapeMarkdown(title) + "\n\n";
  if (findings.empty()) return out + "no findings\n";

  std::array<int, 3> total{};  // by Severity's value: info, warning, error
  out += "| Rule | Errors | Warnings | Info |\n|---|---:|---:|---:|\n";
  for (const RuleCount& count : CountFindings(findings)) {
    const auto& n = count.n;
    for (int i = 0; i < 3; ++i) total[i] += n[i];
    out += "| " + EscapeMarkdown(count.rule) + " | " + std::to_string(n[2]) + " | " + std::to_string(n[1]) + " | " +
           std::to_string(n[0]) + " |\n";
  }
  out += "| **total** | " + std::to_string(total[2]) + " | " + std::to_string(total[1]) + " | " +
         std::to_string(total[0]) + " |\n";

  if (worst == 0) return out;
  std::vector<const Finding*> ranked;
  for (const Finding& f : findings) ranked.push_back(&f);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  const size_t shown = std::min(worst, ranked.size());
  out += "\n## Most severe findings (" + std::to_string(shown) + " of " + std::to_string(ranked.size()) + ")\n\n";
  for (size_t i = 0; i < shown; ++i) {
    const Finding& f = *ranked[i];
    out += "- " + Where(f) + "**" + EscapeMarkdown(f.rule) + "** " + EscapeMarkdown(f.message) + "\n";
  }
  if (shown < ranked.size()) out += "- … and " + std::to_string(ranked.size() - shown) + " more\n";
  return out;
}

}  // namespace bitext
