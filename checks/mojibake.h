// UTF-8 text that was decoded as Windows-1252 (or Latin-1) somewhere
// upstream: "’" shows as "â€™", "→" as "â†’", "é" as "Ã©".
#ifndef BITEXT_CHECKS_MOJIBAKE_H_
#define BITEXT_CHECKS_MOJIBAKE_H_

#include <cstddef>
#include <vector>

namespace bitext {

// The number of code points at `cps[i]` that are one UTF-8 character read
// as Windows-1252, or 0. Two-byte sequences count only with the leads "Ã"
// and "Â": other Latin letters before a symbol ("ß«") are real text.
size_t MojibakeLength(const std::vector<char32_t>& cps, size_t i);

}  // namespace bitext

#endif  // BITEXT_CHECKS_MOJIBAKE_H_
