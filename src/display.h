// Text from a document set shown on a terminal or in a text report must not
// act on what shows it: an escape sequence could rewrite the terminal, a bidi
// override reorder a line, and a line break in a file name forge a
// "file:line:col:" line of findings.txt.
#ifndef BITEXT_SRC_DISPLAY_H_
#define BITEXT_SRC_DISPLAY_H_

#include <string>
#include <string_view>

namespace bitext {

// C0 controls but tab, and DEL, become "\x1b"; C1 controls and the bidi
// embeddings, overrides and isolates (U+202A-202E, U+2066-2069) become
// "U+202E". Line feed and carriage return become "\n" and "\r" when
// `line_breaks` is true, and are kept otherwise.
std::string EscapeControls(std::string_view text, bool line_breaks = true);

}  // namespace bitext

#endif  // BITEXT_SRC_DISPLAY_H_
