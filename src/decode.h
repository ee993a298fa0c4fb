// Turns the bytes of an input file into UTF-8 text without ever corrupting it
// silently. Declared encodings win; otherwise a byte-order mark, then strict
// UTF-8 validation, then ICU's charset detector decide. Ill-formed input is an
// InputError naming the file, line and byte offset, unless the caller asked
// for lenient decoding, in which case each ill-formed sequence becomes U+FFFD
// and a note says where.
//
//   DecodeOptions options;                     // detect, strict
//   DecodedText text = ReadText("zh.txt", options);
//   if (text.detected) std::cerr << "detected " << text.encoding << "\n";
#ifndef BITEXT_SRC_DECODE_H_
#define BITEXT_SRC_DECODE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bitext {

// Inputs larger than this are refused (--max-input-mb), so that a huge file
// or a device fails with a message instead of exhausting memory.
inline constexpr uint64_t kDefaultMaxInputBytes = uint64_t{256} << 20;

struct DecodeOptions {
  std::string encoding;  // ICU converter name or alias; empty: detect
  bool lenient = false;  // replace ill-formed sequences with U+FFFD
  uint64_t max_bytes = kDefaultMaxInputBytes;
  // False for the files bitext reads as strict UTF-8 whatever the command
  // line says (Utf8Only): their errors do not suggest --encoding or --lenient.
  bool options_apply = true;
};

// How a manifest, a config file, a glossary and bitext's other settings
// files are read: strict UTF-8, which --encoding and --lenient do not change.
inline DecodeOptions Utf8Only() { return DecodeOptions{"UTF-8", false, kDefaultMaxInputBytes, false}; }

struct DecodedText {
  std::string text;       // UTF-8, no BOM, every line end turned into '\n'
  std::string encoding;   // the encoding the bytes were read as
  bool detected = false;  // chosen by the charset detector, not UTF-8 or declared
  int confidence = 0;     // the detector's confidence (0-100) when detected
  bool had_bom = false;
  std::string line_endings;        // "lf", "crlf", "cr", "mixed" or "none"
  int replaced = 0;                // ill-formed sequences replaced (lenient only)
  std::vector<std::string> notes;  // what a reviewer should know, with positions
};

// The path that stands for standard input.
inline constexpr std::string_view kStandardInputPath = "-";

// Reads a whole regular file of at most `max_bytes`. Throws InputError for a
// missing file, a folder, a FIFO or device, a larger file or an unreadable
// file, with the system's reason. The path "-" reads standard input to its
// end instead (whatever it is: the user chose it); a file named "-" is "./-".
std::string ReadFileBytes(const std::string& path, uint64_t max_bytes = kDefaultMaxInputBytes);

// Decodes bytes read from `path` (the name is used in messages only).
DecodedText Decode(std::string_view bytes, const std::string& path, const DecodeOptions& options);

// ReadFileBytes then Decode.
DecodedText ReadText(const std::string& path, const DecodeOptions& options);

// Whether ICU has a converter of that name or alias.
bool IsKnownEncoding(const std::string& name);

// 1-based line number of a byte offset, counting LF, CRLF and lone CR.
int LineOfOffset(std::string_view bytes, size_t offset);

}  // namespace bitext

#endif  // BITEXT_SRC_DECODE_H_
