// Escaping for XML and HTML text and attributes (TMX, XLIFF, JUnit, the
// HTML view).
#ifndef BITEXT_REPORTS_XML_ESCAPE_H_
#define BITEXT_REPORTS_XML_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace bitext {

// & < > " ' become entities. The characters XML 1.0 forbids become U+FFFD:
// the C0 controls but tab and line feed, the noncharacters U+FFFE and
// U+FFFF, and any ill-formed UTF-8 (an encoded lone surrogate). Carriage
// return is dropped: attributes would normalise it away and output should
// not depend on the input's line endings.
std::string EscapeXml(std::string_view text);

// Counts the characters EscapeXml replaces on this thread while it lives,
// so that a writer can say how many an output lost. One may be made inside
// another: the inner one counts until it ends.
class XmlReplacements {
 public:
  XmlReplacements();
  ~XmlReplacements();
  XmlReplacements(const XmlReplacements&) = delete;
  XmlReplacements& operator=(const XmlReplacements&) = delete;

  // The count so far, which starts again from 0.
  size_t Take();

 private:
  size_t count_ = 0;
  XmlReplacements* outer_;
  friend std::string EscapeXml(std::string_view text);
};

}  // namespace bitext

#endif  // BITEXT_REPORTS_XML_ESCAPE_H_
