// Escaping for XML and HTML text and attributes (TMX, JUnit, the HTML view).
#ifndef BITEXT_REPORTS_XML_ESCAPE_H_
#define BITEXT_REPORTS_XML_ESCAPE_H_

#include <string>
#include <string_view>

namespace bitext {

// & < > " ' become entities. Control characters XML 1.0 cannot carry are
// dropped, and so is carriage return: attributes would normalise it away and
// output should not depend on the input's line endings. The noncharacters
// U+FFFE and U+FFFF, which XML forbids too, become U+FFFD.
std::string EscapeXml(std::string_view text);

}  // namespace bitext

#endif  // BITEXT_REPORTS_XML_ESCAPE_H_
