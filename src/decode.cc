// Decoding order: declared encoding, BOM, known binary signatures, UTF-16
// without BOM (NUL bytes in alternate positions), strict UTF-8, UTF-16
// without BOM recognised by its line feeds, and only then ICU's statistical
// detector (multi-byte guesses only). A file that is mostly well-formed UTF-8 with a
// few bad bytes is treated as damaged UTF-8 (an error, or U+FFFD when
// lenient) rather than handed to the detector, which would otherwise guess a
// legacy encoding and turn the whole text into mojibake.
#include "decode.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "confine.h"
#include "error.h"
#include "unicode.h"

namespace bitext {
namespace {

// Below this ICU confidence (0-100) a legacy-encoding guess is not trusted.
constexpr int kMinDetectionConfidence = 60;

struct Signature {
  std::string_view magic;
  const char* name;
};

// Formats that are often mistaken for text inputs.
constexpr Signature kBinarySignatures[] = {
    {"\x89PNG\r\n\x1a\n", "a PNG image"},
    {"%PDF-", "a PDF document; extract its text first (e.g. pdftotext)"},
    {"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file); extract its text first"},
    {"\x1f\x8b", "a gzip file; decompress it first"},
    {"\xff\xd8\xff", "a JPEG image"},
    {"GIF8", "a GIF image"},
    {"\x7f"
     "ELF",
     "an executable"},
};

std::string Hex(unsigned char c) {
  static const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

// Counts well-formed multi-byte sequences and ill-formed ones.
void CountUtf8Sequences(std::string_view s, int* good_multibyte, int* bad) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      ++*bad;
    } else if (i - start > 1) {
      ++*good_multibyte;
    }
  }
}

std::string ReplaceInvalidUtf8(std::string_view s, int* replaced) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      ++*replaced;
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

// UTF-16 without a BOM shows NUL in every other byte for Latin and digits.
std::string GuessBomlessUtf16(std::string_view s) {
  size_t sample = std::min<size_t>(s.size(), 4096) & ~size_t{1};
  if (sample < 4) return "";
  int even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < sample; i += 2) {
    if (s[i] == 0) ++even_nul;
    if (s[i + 1] == 0) ++odd_nul;
  }
  const int pairs = static_cast<int>(sample / 2);
  if (odd_nul > pairs * 3 / 10 && even_nul < pairs / 20) return "UTF-16LE";
  if (even_nul > pairs * 3 / 10 && odd_nul < pairs / 20) return "UTF-16BE";
  return "";
}

struct Utf16Reading {
  double non_text = 1;  // share of unassigned code points, unpaired
                        // surrogates and C0 controls other than line ends
                        // and tabs
  size_t line_feeds = 0;
};

// The bytes read as UTF-16 in one byte order.
Utf16Reading ReadAsUtf16(std::string_view s, bool little_endian) {
  const size_t units = s.size() / 2;
  size_t bad = 0, line_feeds = 0;
  UChar previous = 0;
  for (size_t i = 0; i < units; ++i) {
    const auto lo = static_cast<unsigned char>(s[2 * i + (little_endian ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(s[2 * i + (little_endian ? 1 : 0)]);
    const UChar c = static_cast<UChar>(hi << 8 | lo);
    const bool low_surrogate_ok = U16_IS_TRAIL(c) && U16_IS_LEAD(previous);
    if (U16_IS_SURROGATE(c) ? !(U16_IS_LEAD(c) || low_surrogate_ok)
                            : (!u_isdefined(c) || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))) {
      ++bad;
    }
    line_feeds += c == '\n';
    previous = c;
  }
  if (units == 0) return {};
  return {static_cast<double>(bad) / static_cast<double>(units), line_feeds};
}

// UTF-16 without a BOM and with too few ASCII characters for
// GuessBomlessUtf16 (Chinese text): it holds NUL bytes, which UTF-8 text and
// the legacy Chinese encodings never do, and only one byte order reads as
// text with line feeds (the other turns each into U+0A00).
std::string GuessUtf16ByContent(std::string_view s) {
  if (s.size() % 2 != 0 || s.find('\0') == std::string_view::npos) return "";
  const Utf16Reading le = ReadAsUtf16(s, true), be = ReadAsUtf16(s, false);
  const auto plain = [](const Utf16Reading& r) { return r.non_text <= 0.01 && r.line_feeds > 0; };
  if (plain(le) && be.line_feeds == 0 && be.non_text > le.non_text) return "UTF-16LE";
  if (plain(be) && le.line_feeds == 0 && le.non_text > be.non_text) return "UTF-16BE";
  return "";
}

// What is wrong with the ill-formed UTF-8 sequence at `offset`, with its
// bytes, e.g. "an overlong encoding (bytes C0 AF)".
std::string DescribeInvalidUtf8(std::string_view s, size_t offset) {
  const auto byte = [&](size_t k) { return offset + k < s.size() ? static_cast<unsigned char>(s[offset + k]) : 0; };
  const unsigned char lead = byte(0), next = byte(1);
  const char* what = "a truncated sequence";
  if (lead >= 0x80 && lead <= 0xBF) {
    what = "a continuation byte without a lead byte";
  } else if (lead == 0xC0 || lead == 0xC1 || (lead == 0xE0 && next >= 0x80 && next < 0xA0) ||
             (lead == 0xF0 && next >= 0x80 && next < 0x90)) {
    what = "an overlong encoding";
  } else if (lead == 0xED && next >= 0xA0 && next <= 0xBF) {
    what = "an encoded UTF-16 surrogate (CESU-8 or WTF-8, not UTF-8)";
  } else if (lead >= 0xF5 || (lead == 0xF4 && next >= 0x90)) {
    what = "a byte never used in UTF-8, or a code point above U+10FFFF";
  }
  std::string bytes;
  const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  for (size_t k = 0; k < length && offset + k < s.size(); ++k) {
    if (k > 0 && (byte(k) & 0xC0) != 0x80) break;  // not part of the sequence
    bytes += (k ? " " : "") + Hex(byte(k)).substr(2);
  }
  return std::string(what) + " (byte" + (bytes.size() > 2 ? "s " : " ") + bytes + ")";
}

// ISO-8859-*, windows-125*, KOI8-R: any byte string is valid in them, so
// the detector's guess of one says little, and a stray byte in English
// UTF-8 text would otherwise turn the file into Latin-1 without an error.
bool IsSingleByteCharset(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(name.c_str(), &status), ucnv_close);
  return U_SUCCESS(status) && ucnv_getMaxCharSize(conv.get()) == 1;
}

struct Detection {
  std::string name;
  int confidence = 0;
};

Detection DetectCharset(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return {};
  ucsdet_setText(detector.get(), s.data(), static_cast<int32_t>(s.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  Detection d;
  d.name = ucsdet_getName(match, &status);
  d.confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status)) return {};
  return d;
}

// Whether a UTF-16 or UTF-32 code unit ends a line: LF, and CR unless LF
// follows, as LineOfOffset counts.
bool EndsLine(uint32_t unit, uint32_t next) { return unit == '\n' || (unit == '\r' && next != '\n'); }

// Checks UTF-16 or UTF-32 text (code units of `unit_bytes` bytes, in the
// byte order the converter's name ends with; BE without a suffix) unit by
// unit, and throws at the first that is no character: an unpaired
// surrogate, a value above U+10FFFF, or a unit the file ends inside of.
// ICU names none of these as such and counts its offset from where it
// resumed, so the place is found here, with the line its units give.
void CheckUtfUnits(std::string_view bytes, size_t bom_length, size_t unit_bytes, const std::string& encoding,
                   const std::string& path) {
  const bool little_endian = encoding.ends_with("LE");
  const auto unit_at = [&](size_t i) {
    uint32_t unit = 0;
    for (size_t k = 0; k < unit_bytes; ++k) {
      const auto byte = static_cast<unsigned char>(bytes[i + (little_endian ? unit_bytes - 1 - k : k)]);
      unit = unit << 8 | byte;
    }
    return unit;
  };
  const size_t whole = bytes.size() - bytes.size() % unit_bytes;
  int line = 1;
  for (size_t i = 0; i < bytes.size(); i += unit_bytes) {
    std::string problem;
    size_t length = unit_bytes;
    if (i >= whole) {
      length = bytes.size() - i;
      problem = "the file ends inside a " + encoding + " code unit";
    } else {
      const uint32_t unit = unit_at(i);
      const bool lead = unit >= 0xD800 && unit <= 0xDBFF, trail = unit >= 0xDC00 && unit <= 0xDFFF;
      const bool paired =
          lead && unit_bytes == 2 && i + 2 < whole && unit_at(i + 2) >= 0xDC00 && unit_at(i + 2) <= 0xDFFF;
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", unit);
      if ((lead && !paired) || trail) {
        problem = std::string("unpaired surrogate ") + code + ", not valid " + encoding;
      } else if (unit > 0x10FFFF) {
        problem = std::string(code) + " is above U+10FFFF, the last code point, not valid " + encoding;
      }
      if (EndsLine(unit, i + unit_bytes < whole ? unit_at(i + unit_bytes) : 0)) ++line;
      if (paired) i += 2;  // the pair's trail is checked with its lead
    }
    if (problem.empty()) continue;
    std::string shown;
    for (size_t k = 0; k < length; ++k)
      shown += (k ? " " : "") + Hex(static_cast<unsigned char>(bytes[i + k])).substr(2);
    const size_t offset = i + bom_length;
    throw InputError({path, line, static_cast<int64_t>(offset)},
                     problem + " (byte" + (length > 1 ? "s " : " ") + shown + " at byte " + std::to_string(offset) +
                         "); give the right --encoding, or --lenient to replace it with U+FFFD");
  }
}

// The line ICU stopped on: one more than the line ends of what it
// converted before.
int LineAfter(std::u16string_view converted) {
  int line = 1;
  for (size_t i = 0; i < converted.size(); ++i) {
    line += EndsLine(converted[i], i + 1 < converted.size() ? converted[i + 1] : 0);
  }
  return line;
}

// Converts with ICU. Stops at the first illegal sequence unless lenient.
// `bytes` follow a byte-order mark of `bom_length` bytes, which offsets in
// messages count.
std::string ConvertToUtf8(std::string_view bytes, size_t bom_length, const std::string& encoding,
                          const std::string& path, bool lenient, int* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) {
    throw InputError({path}, "unknown encoding \"" + encoding +
                                 "\" (use an ICU converter name such as UTF-8, "
                                 "GB18030, Big5, UTF-16LE)");
  }
  const std::string name = ucnv_getName(conv.get(), &status);
  const size_t unit_bytes = ucnv_getMinCharSize(conv.get());
  if (!lenient && name.starts_with("UTF-") && (unit_bytes == 2 || unit_bytes == 4)) {
    CheckUtfUnits(bytes, bom_length, unit_bytes, name, path);
  }
  if (!lenient) {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
  // Most encodings give at most one UTF-16 unit a byte, but SCSU and BOCU-1
  // give a supplementary character (two units) for one byte: when the
  // buffer fills, it grows and the conversion goes on where it stopped.
  std::u16string utf16(bytes.size() + 2, u'\0');
  const char* source = bytes.data();
  const char* source_end = bytes.data() + bytes.size();
  UChar* target = utf16.data();
  for (;;) {
    ucnv_toUnicode(conv.get(), &target, utf16.data() + utf16.size(), &source, source_end, nullptr, true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    status = U_ZERO_ERROR;
    const size_t written = static_cast<size_t>(target - utf16.data());
    utf16.resize(utf16.size() + static_cast<size_t>(source_end - source) + utf16.size() / 2 + 2);
    target = utf16.data() + written;
  }
  if (U_FAILURE(status)) {
    // `source` stops just past the offending bytes; ask ICU how many they were.
    char invalid[32];
    int8_t length = sizeof(invalid);
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &length, &ignored);
    size_t offset = static_cast<size_t>(source - bytes.data()) - static_cast<size_t>(std::max<int8_t>(length, 0));
    // Bytes are counted in the file, lines in the characters before them
    // (a byte 0x0A inside a two-byte character ends no line).
    const int line = LineAfter(std::u16string_view(utf16.data(), static_cast<size_t>(target - utf16.data())));
    std::string problem = "byte " + Hex(static_cast<unsigned char>(bytes[offset])) + " is not valid " + encoding;
    if (status == U_TRUNCATED_CHAR_FOUND) {  // a sequence the file ends inside, such as SCSU's SQU and one byte
      std::string shown;
      for (size_t k = offset; k < bytes.size(); ++k) {
        shown += (k > offset ? " " : "") + Hex(static_cast<unsigned char>(bytes[k])).substr(2);
      }
      problem = "the file ends inside a sequence of " + encoding + " (byte" + (bytes.size() - offset > 1 ? "s " : " ") +
                shown + ")";
    }
    throw InputError({path, line, static_cast<int64_t>(offset + bom_length)},
                     problem + "; give the right --encoding, or --lenient to replace bad bytes");
  }
  utf16.resize(static_cast<size_t>(target - utf16.data()));
  if (lenient) {
    for (char16_t c : utf16) *replaced += (c == 0xFFFD || c == 0x1A) ? 1 : 0;
  }
  std::string out;
  int32_t needed = 0;
  UErrorCode s2 = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &needed, utf16.data(), static_cast<int32_t>(utf16.size()), &s2);
  out.resize(static_cast<size_t>(needed));
  s2 = U_ZERO_ERROR;
  u_strToUTF8(out.data(), needed, &needed, utf16.data(), static_cast<int32_t>(utf16.size()), &s2);
  return out;
}

// Turns CRLF and lone CR into LF and names what the file used.
// In place: a line end never grows. Text without a carriage return is
// only searched.
std::string NormalizeLineEnds(std::string s, std::string* kind) {
  bool lf = false, crlf = false, cr = false;
  if (s.find('\r') == std::string::npos) {
    lf = s.find('\n') != std::string::npos;
  } else {
    size_t to = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\r') {
        if (i + 1 < s.size() && s[i + 1] == '\n') {
          crlf = true;
          ++i;
        } else {
          cr = true;
        }
        s[to++] = '\n';
      } else {
        lf |= s[i] == '\n';
        s[to++] = s[i];
      }
    }
    s.resize(to);
  }
  int kinds = lf + crlf + cr;
  *kind = kinds == 0 ? "none" : kinds > 1 ? "mixed" : lf ? "lf" : crlf ? "crlf" : "cr";
  return s;
}

// Rejects NUL and other C0 controls that plain text never holds in bulk.
void CheckControlCharacters(DecodedText& decoded, const std::string& path, bool offsets_are_original, bool lenient,
                            bool options_apply) {
  std::string& t = decoded.text;
  size_t controls = 0;
  size_t first_nul = std::string::npos;
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == 0 && first_nul == std::string::npos) first_nul = i;
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\f' && c != '\v') ++controls;
  }
  if (t.size() >= 64 && controls * 10 > t.size()) {
    throw InputError({path}, "looks like a binary file (" + std::to_string(controls) + " control bytes in " +
                                 std::to_string(t.size()) + "), not text");
  }
  if (first_nul == std::string::npos) return;
  int line = 1;
  for (size_t i = 0; i < first_nul; ++i) line += t[i] == '\n';
  FilePosition where{path, line, offsets_are_original ? static_cast<int64_t>(first_nul) : -1};
  if (!lenient) {
    throw InputError(where, options_apply ? "NUL byte in text (a binary file, or UTF-16/32 read as another "
                                            "encoding?); use --encoding, or --lenient to replace NUL bytes"
                                          : "NUL byte in text: this file must be UTF-8 text (is it a binary "
                                            "file, or saved as UTF-16?)");
  }
  const int count = static_cast<int>(std::count(t.begin(), t.end(), '\0'));
  std::string cleaned;
  cleaned.reserve(t.size() + 2 * count);
  for (char c : t) {
    if (c == '\0')
      cleaned += "\xEF\xBF\xBD";
    else
      cleaned += c;
  }
  t = std::move(cleaned);
  decoded.replaced += count;
  decoded.notes.push_back(FormatPosition(where) + ": " + std::to_string(count) + " NUL byte(s) replaced with U+FFFD");
}

}  // namespace

bool IsKnownEncoding(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(name.c_str(), &status), ucnv_close);
  return U_SUCCESS(status);
}

int LineOfOffset(std::string_view bytes, size_t offset) {
  int line = 1;
  offset = std::min(offset, bytes.size());
  for (size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++line;
    } else if (bytes[i] == '\r' && !(i + 1 < bytes.size() && bytes[i + 1] == '\n')) {
      ++line;
    }
  }
  return line;
}

namespace {

// Reads `in` to its end in pieces up to the limit: files under /proc claim a
// size of 0, and a pipe has none. Room for `expected` bytes is made first,
// so that a file read whole is not copied as its buffer grows.
std::string ReadStream(std::istream& in, const std::string& path, uint64_t max_bytes, uint64_t expected = 0) {
  std::string bytes;
  bytes.reserve(static_cast<size_t>(std::min(expected, max_bytes)));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      throw InputError({path}, "holds more than the input limit of " + std::to_string(max_bytes >> 20) +
                                   " MB (raise it with --max-input-mb)");
    }
  }
  if (in.bad()) {
    throw InputError({path}, std::string("read failed: ") + std::strerror(errno));
  }
  return bytes;
}

}  // namespace

std::string ReadFileBytes(const std::string& path, uint64_t max_bytes) {
  if (path == kStandardInputPath) return ReadStream(std::cin, path, max_bytes);
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    throw InputError({path}, "no such file");
  }
  if (std::filesystem::is_directory(status)) {
    throw InputError({path}, "is a directory, not a text file");
  }
  // Opening a FIFO blocks and a device never ends: neither is read.
  if (!std::filesystem::is_regular_file(status)) {
    throw InputError({path}, "is " + DescribeFileType(status) + ", not a regular file");
  }
  const std::string limit =
      "more than the input limit of " + std::to_string(max_bytes >> 20) + " MB (raise it with --max-input-mb)";
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) throw InputError({path}, "is " + limit);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path}, std::string("cannot open: ") + std::strerror(errno));
  }
  return ReadStream(in, path, max_bytes, ec ? 0 : size);
}

namespace {

struct ByteOrderMark {
  std::string encoding;  // empty for none
  size_t length = 0;
};

ByteOrderMark FindByteOrderMark(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return {"UTF-8", 3};
  if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) return {"UTF-32LE", 4};
  if (bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) return {"UTF-32BE", 4};
  if (bytes.substr(0, 2) == "\xFF\xFE") return {"UTF-16LE", 2};
  if (bytes.substr(0, 2) == "\xFE\xFF") return {"UTF-16BE", 2};
  return {};
}

// The encoding of `bytes` (after any byte-order mark): the one given or
// marked, else a UTF-16 or UTF-8 shape, else the detector's confident
// multi-byte guess. Sets out.detected and out.confidence for a guess.
std::string ResolveEncoding(std::string_view bytes, const std::string& path, std::string encoding, DecodedText& out,
                            bool* is_utf8) {
  if (encoding.empty()) {
    for (const Signature& sig : kBinarySignatures) {
      if (bytes.substr(0, sig.magic.size()) == sig.magic) {
        throw InputError({path}, std::string("looks like ") + sig.name + ", not text");
      }
    }
    encoding = GuessBomlessUtf16(bytes);
    if (!encoding.empty()) {
      out.detected = true;
      out.confidence = 100;
    }
  }

  *is_utf8 = false;
  if (encoding.empty() && FirstInvalidUtf8(bytes) != std::string_view::npos) {
    encoding = GuessUtf16ByContent(bytes);
    if (!encoding.empty()) {
      out.detected = true;
      out.confidence = 100;
    }
  }
  if (encoding.empty()) {
    size_t bad = FirstInvalidUtf8(bytes);
    int good_multibyte = 0, bad_count = 0;
    if (bad != std::string_view::npos) CountUtf8Sequences(bytes, &good_multibyte, &bad_count);
    // Damaged UTF-8: well-formed multi-byte sequences far outnumber bad ones.
    if (bad == std::string_view::npos || good_multibyte >= 4 * bad_count) {
      encoding = "UTF-8";
      *is_utf8 = true;
    } else {
      Detection d = DetectCharset(bytes);
      // A weak or single-byte guess would turn damaged UTF-8 into mojibake: report the bad
      // bytes instead and let the user name the encoding.
      if (d.name.empty() || d.name == "UTF-8" || d.confidence < kMinDetectionConfidence ||
          IsSingleByteCharset(d.name)) {
        encoding = "UTF-8";
        *is_utf8 = true;
      } else {
        encoding = d.name;
        out.detected = true;
        out.confidence = d.confidence;
      }
    }
  } else {
    std::string lower;
    for (char c : encoding) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    *is_utf8 = lower == "utf-8" || lower == "utf8";
    if (*is_utf8) encoding = "UTF-8";
  }
  return encoding;
}

// UTF-8 bytes (after a byte-order mark of bom_length bytes) as text: an
// invalid sequence is an error naming its place, or with `lenient` is
// replaced with U+FFFD.
std::string CheckedUtf8(std::string_view bytes, size_t bom_length, const std::string& path,
                        const DecodeOptions& options, DecodedText& out) {
  size_t bad = FirstInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return std::string(bytes);
  size_t offset = bad + bom_length;
  std::string_view original(bytes.data() - bom_length, bytes.size() + bom_length);
  FilePosition where{path, LineOfOffset(original, offset), static_cast<int64_t>(offset)};
  if (!options.lenient) {
    throw InputError(where, "invalid UTF-8: " + DescribeInvalidUtf8(bytes, bad) +
                                (options.options_apply ? "; give the right --encoding (e.g. GB18030, Big5, "
                                                         "windows-1252), or --lenient to replace bad bytes with U+FFFD"
                                                       : "; this file must be UTF-8 text: save it as UTF-8"));
  }
  std::string text = ReplaceInvalidUtf8(bytes, &out.replaced);
  out.notes.push_back(FormatPosition(where) + ": " + std::to_string(out.replaced) +
                      " invalid UTF-8 sequence(s) replaced with U+FFFD, the first here");
  return text;
}

}  // namespace

DecodedText Decode(std::string_view bytes, const std::string& path, const DecodeOptions& options) {
  if (bytes.empty()) throw InputError({path}, "file is empty");
  DecodedText out;
  std::string encoding = options.encoding;

  const ByteOrderMark bom = FindByteOrderMark(bytes);
  if (encoding.empty() && !bom.encoding.empty()) encoding = bom.encoding;
  if (!bom.encoding.empty()) {
    bytes.remove_prefix(bom.length);
    out.had_bom = true;
  }
  bool is_utf8 = false;
  encoding = ResolveEncoding(bytes, path, encoding, out, &is_utf8);
  out.encoding = encoding;

  std::string text;
  if (is_utf8) {
    text = CheckedUtf8(bytes, bom.length, path, options, out);
  } else {
    text = ConvertToUtf8(bytes, bom.length, encoding, path, options.lenient, &out.replaced);
    if (out.replaced > 0) {
      out.notes.push_back(path + ": " + std::to_string(out.replaced) + " byte sequence(s) not valid " + encoding +
                          " replaced with U+FFFD");
    }
  }

  out.text = NormalizeLineEnds(std::move(text), &out.line_endings);
  CheckControlCharacters(out, path,
                         is_utf8 && bom.length == 0 && out.line_endings != "crlf" && out.line_endings != "mixed",
                         options.lenient, options.options_apply);
  return out;
}

DecodedText ReadText(const std::string& path, const DecodeOptions& options) {
  std::string bytes = ReadFileBytes(path, options.max_bytes);
  return Decode(bytes, path, options);
}

}  // namespace bitext
