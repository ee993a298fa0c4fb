// Decoding of input bytes: every test builds its bytes in memory (or in a
// temporary file) so the expected text, line and byte offset follow from how
// the input was put together.
#include "decode.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <utf8proc.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"
#include "unicode.h"

namespace bitext {
namespace {

constexpr std::string_view kFffd = "\xEF\xBF\xBD";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Simplified Chinese for GB18030 and the UTF-8 cases; several hundred bytes
// so that ICU's charset detector has enough to go on.
constexpr const char* kSimplified =
    "中国始终坚持走和平发展道路，坚定奉行互利共赢的开放战略。\n"
    "新时代的国际发展合作，以推动构建人类命运共同体为引领，精神内涵更加丰富，"
    "目标方向更加清晰。\n"
    "中国愿同各国一道，共同应对全球性挑战，促进共同发展，为实现联合国二〇三〇年"
    "可持续发展议程作出新的贡献。\n"
    "我们将继续加强南南合作，帮助发展中国家提高自主发展能力，改善民生福祉。\n";

// The same text in traditional characters: Big5 has no simplified forms.
constexpr const char* kTraditional =
    "中國始終堅持走和平發展道路，堅定奉行互利共贏的開放戰略。\n"
    "新時代的國際發展合作，以推動構建人類命運共同體為引領，精神內涵更加豐富，"
    "目標方向更加清晰。\n"
    "中國願同各國一道，共同應對全球性挑戰，促進共同發展，為實現聯合國可持續"
    "發展議程作出新的貢獻。\n"
    "我們將繼續加強南南合作，幫助發展中國家提高自主發展能力，改善民生福祉。\n";

// Encodes UTF-8 text in `charset`; empty when a character has no mapping, so
// a test can never run on silently substituted bytes.
std::string EncodeAs(std::string_view utf8, const char* charset) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), ucnv_close);
  if (U_FAILURE(status)) return "";
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out(static_cast<size_t>(text.length()) * 4 + 16, '\0');
  int32_t n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()), text.getBuffer(), text.length(),
                              &status);
  if (U_FAILURE(status)) return "";
  out.resize(static_cast<size_t>(n));
  return out;
}

// UTF-16 code units of UTF-8 text, serialised in the given byte order.
std::string Utf16Bytes(std::string_view utf8, bool little_endian, bool bom) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out;
  auto put = [&](char16_t unit) {
    char lo = static_cast<char>(unit & 0xFF);
    char hi = static_cast<char>(unit >> 8);
    if (little_endian) {
      out += lo;
      out += hi;
    } else {
      out += hi;
      out += lo;
    }
  };
  if (bom) put(0xFEFF);
  for (int32_t i = 0; i < text.length(); ++i) put(text.charAt(i));
  return out;
}

// What the decoder should give for text written with any line ends.
std::string ToLf(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += '\n';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(s);
  return out;
}

// A file under the test temp directory, removed when the test ends.
class TempFile {
 public:
  TempFile(const std::string& name, std::string_view bytes)
      : path_(::testing::TempDir() + "bitext_decode_test_" + name) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// ---------------------------------------------------------------- UTF-8 ---

// ASCII text is folded and normalised without utf8proc: the result must be
// what utf8proc gives, which a text with one non-ASCII letter appended (a
// letter that composes with nothing and folds to itself) still goes through.
TEST(UnicodeTest, AsciiFoldsAsUtf8procFoldsIt) {
  std::string every_ascii;
  for (int c = 0; c < 0x80; ++c) every_ascii += static_cast<char>(c);
  const std::string texts[] = {every_ascii, "The State Council", "Article 8", "ABC-xyz 3.1.10.", ""};
  for (const std::string& text : texts) {
    EXPECT_EQ(FoldForCompare(text) + "\u00e9", FoldForCompare(text + "\u00e9")) << text;
    EXPECT_EQ(Nfc(text) + "\u00e9", Nfc(text + "\u00e9")) << text;
  }
  EXPECT_EQ(FoldForCompare("The STATE Council"), "the state council");
  EXPECT_EQ(FoldForCompare("\uff21\uff22"), "ab");  // full-width letters still go through utf8proc
}

// Trim reads only the ends, backwards at the end: white space of any width
// goes, everything inside stays, and bytes that are no valid sequence are
// kept as text.
TEST(UnicodeTest, TrimDropsWhiteSpaceAtBothEndsOnly) {
  EXPECT_EQ(Trim("  a b  "), "a b");
  EXPECT_EQ(Trim("\u3000\t中 文\u3000\n"), "中 文");  // ideographic spaces
  EXPECT_EQ(Trim("\u00a0x\u2003"), "x");              // no-break and em spaces
  EXPECT_EQ(Trim("文"), "文");
  EXPECT_TRUE(Trim(" \u3000\t").empty());
  EXPECT_TRUE(Trim("").empty());
  EXPECT_EQ(Trim("a \x80"), "a \x80");            // a stray continuation byte is text
  EXPECT_EQ(Trim("a\xe3\x80 "), "a\xe3\x80");     // so is a cut sequence
  EXPECT_EQ(Trim("\xe3\x80\u3000"), "\xe3\x80");  // before a whole ideographic space
}

// IsSpace, IsHan and IsLatinLetter answer ASCII without ICU's tables, and
// CodePointAt reads ASCII without utf8proc: they must agree with them
// everywhere.
TEST(UnicodeTest, AsciiFastPathsAgreeWithTheLibraries) {
  for (char32_t c = 0; c < 0x3100; ++c) {
    const auto u = static_cast<UChar32>(c);
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(u, &status);
    EXPECT_EQ(IsSpace(c), static_cast<bool>(u_isUWhiteSpace(u))) << static_cast<uint32_t>(c);
    EXPECT_EQ(IsHan(c), script == USCRIPT_HAN) << static_cast<uint32_t>(c);
    EXPECT_EQ(IsLatinLetter(c), u_isalpha(u) && script == USCRIPT_LATIN) << static_cast<uint32_t>(c);
  }
  std::string bytes;
  for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  bytes += "\u3000文\xe3\x80";
  std::vector<char32_t> read;
  for (size_t at = 0; at < bytes.size();) {
    const auto [c, length] = CodePointAt(bytes, at);
    read.push_back(c);
    at += length;
  }
  EXPECT_EQ(read, ToCodePoints(bytes));
  // Both read ASCII by themselves: utf8proc reads the same.
  std::vector<char32_t> decoded;
  for (size_t at = 0; at < bytes.size();) {
    utf8proc_int32_t c;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + at),
                                                static_cast<utf8proc_ssize_t>(bytes.size() - at), &c);
    decoded.push_back(n <= 0 ? 0xFFFD : static_cast<char32_t>(c));
    at += n <= 0 ? 1 : static_cast<size_t>(n);
  }
  EXPECT_EQ(decoded, read);
}

// FoldForCompare reads ASCII by itself and hands utf8proc only the rest:
// the result is utf8proc's for the whole text. The pieces are those whose
// folding reaches across characters: combining marks after ASCII and after
// other letters, compatibility forms that fold to ASCII or to several
// characters, Hangul jamo that compose, final sigma.
TEST(UnicodeTest, FoldForCompareIsUtf8procsFoldOfTheWholeText) {
  const std::vector<std::string> pieces = {
      "A",      "z",      "<",      "=",      " ",      "1",      "\u0301",     "\u0338", "\u0308", "\u0327", "e\u0301",
      "\u00c9", "\ufb01", "\u2460", "\uff21", "\u00df", "\u0130", "\u03a3",     "\u03c2", "\u1100", "\u1161", "\u11a8",
      "\u6587", "\u201c", "\u2014", "\u3000", "\u212b", "\u1e9e", "\U0001d400", "\u0345", "\u05b0"};
  auto whole = [](const std::string& s) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
    if (n < 0) return s;
    std::string folded(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    std::free(out);
    return folded;
  };
  std::mt19937 random(5);
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const size_t length = random() % 12;
    for (size_t i = 0; i < length; ++i) s += pieces[random() % pieces.size()];
    ASSERT_EQ(FoldForCompare(s), whole(s)) << s;
  }
  for (const std::string s : {"", "ABC def", "Caf\u00c9 <\u0338 x", "\xe3\x80 A\u0301", "A\xff\u0301"}) {
    EXPECT_EQ(FoldForCompare(s), whole(s)) << s;
  }
}

// CodePointCount counts what ToCodePoints reads, ill-formed bytes included.
TEST(UnicodeTest, CodePointCountIsTheLengthToCodePointsReads) {
  std::string bytes;
  for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  bytes += "\u3000文\xe3\x80";
  EXPECT_EQ(CodePointCount(bytes), ToCodePoints(bytes).size());
  EXPECT_EQ(CodePointCount("a文\u3000"), 3u);
  EXPECT_EQ(CodePointCount(""), 0u);
}

// Well-formed text of one to four bytes a code point, at every length: the
// last code point is the one ToCodePoints ends with.
TEST(UnicodeTest, LastCodePointIsTheOneToCodePointsEndsWith) {
  const std::string text = "aé文😀b。";
  for (size_t end = 0; end <= text.size(); ++end) {
    const std::string_view prefix = std::string_view(text).substr(0, end);
    if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;  // mid-character
    const std::vector<char32_t> cps = ToCodePoints(prefix);
    EXPECT_EQ(LastCodePoint(prefix), cps.empty() ? 0 : cps.back()) << end;
  }
}

TEST(DecodeTest, Utf8WithoutBom) {
  DecodedText d = Decode(kSimplified, "zh.txt", {});
  EXPECT_EQ(d.text, kSimplified);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_FALSE(d.detected);
  EXPECT_FALSE(d.had_bom);
  EXPECT_EQ(d.line_endings, "lf");
  EXPECT_EQ(d.replaced, 0);
  EXPECT_TRUE(d.notes.empty());
}

TEST(DecodeTest, Utf8WithBomDropsTheBom) {
  std::string bytes = std::string(kUtf8Bom) + kSimplified;
  DecodedText d = Decode(bytes, "zh.txt", {});
  EXPECT_EQ(d.text, kSimplified);  // no U+FEFF left at the start
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_FALSE(d.detected);
  EXPECT_TRUE(d.had_bom);
}

TEST(DecodeTest, DeclaredUtf8IsNotDetected) {
  for (const char* name : {"UTF-8", "utf-8", "utf8"}) {
    DecodedText d = Decode("Plain English text.\n", "en.txt", DecodeOptions{name});
    EXPECT_EQ(d.text, "Plain English text.\n") << name;
    EXPECT_EQ(d.encoding, "UTF-8") << name;
    EXPECT_FALSE(d.detected) << name;
  }
}

// --------------------------------------------------------------- UTF-16 ---

TEST(DecodeTest, Utf16) {
  // The Chinese characters used here have no zero byte in UTF-16, so only
  // the ASCII characters give the NUL pattern the BOM-less guess relies on.
  const std::string ascii_heavy =
      Repeat("The State Council Information Office released the 白皮书 on 10 January 2021.\n", 4);
  struct Case {
    const char* name;
    std::string utf8;
    bool little_endian;
    bool bom;
    const char* encoding;
    bool detected;
    const char* line_endings;
  };
  const Case cases[] = {
      {"LE with BOM", "国际发展合作 International Development Cooperation\n第二行 line 2\n", true, true, "UTF-16LE",
       false, "lf"},
      {"BE with BOM", "国际发展合作 International Development Cooperation\r\n第二行 line 2\r\n", false, true,
       "UTF-16BE", false, "crlf"},
      {"LE without BOM", ascii_heavy, true, false, "UTF-16LE", true, "lf"},
      {"BE without BOM", ascii_heavy, false, false, "UTF-16BE", true, "lf"},
  };
  for (const Case& c : cases) {
    std::string bytes = Utf16Bytes(c.utf8, c.little_endian, c.bom);
    DecodedText d;
    ASSERT_NO_THROW(d = Decode(bytes, "u16.txt", {})) << c.name;
    EXPECT_EQ(d.text, ToLf(c.utf8)) << c.name;
    EXPECT_EQ(d.encoding, c.encoding) << c.name;
    EXPECT_EQ(d.detected, c.detected) << c.name;
    EXPECT_EQ(d.had_bom, c.bom) << c.name;
    EXPECT_EQ(d.line_endings, c.line_endings) << c.name;
    EXPECT_EQ(d.replaced, 0) << c.name;
  }
}

// ------------------------------------------------------ GB18030 and Big5 ---

struct LegacyCase {
  const char* charset;
  const char* utf8;
};

const LegacyCase kLegacyCases[] = {
    {"GB18030", kSimplified},
    {"Big5", kTraditional},
};

TEST(DecodeTest, LegacyChineseIsDetected) {
  for (const LegacyCase& c : kLegacyCases) {
    std::string bytes = EncodeAs(c.utf8, c.charset);
    ASSERT_FALSE(bytes.empty()) << c.charset << ": test text not encodable";
    ASSERT_GT(bytes.size(), 300u) << c.charset << ": too short for the detector";
    DecodedText d;
    ASSERT_NO_THROW(d = Decode(bytes, "legacy.txt", {})) << c.charset;
    EXPECT_EQ(d.text, c.utf8) << c.charset;
    EXPECT_TRUE(d.detected) << c.charset;
    EXPECT_EQ(d.encoding, c.charset) << c.charset;
    EXPECT_GT(d.confidence, 0) << c.charset;
    EXPECT_EQ(d.replaced, 0) << c.charset;
  }
}

TEST(DecodeTest, LegacyChineseWithDeclaredEncoding) {
  for (const LegacyCase& c : kLegacyCases) {
    std::string bytes = EncodeAs(c.utf8, c.charset);
    ASSERT_FALSE(bytes.empty()) << c.charset;
    DecodedText d;
    ASSERT_NO_THROW(d = Decode(bytes, "legacy.txt", DecodeOptions{c.charset})) << c.charset;
    EXPECT_EQ(d.text, c.utf8) << c.charset;
    EXPECT_FALSE(d.detected) << c.charset;  // declared, not guessed
    EXPECT_EQ(d.encoding, c.charset) << c.charset;
  }
}

TEST(DecodeTest, DeclaredEncodingWinsOverDetection) {
  // GB18030 bytes declared as UTF-8 must fail on the first Chinese byte
  // instead of being quietly re-detected.
  std::string bytes = EncodeAs(kSimplified, "GB18030");
  ASSERT_FALSE(bytes.empty());
  try {
    Decode(bytes, "gb.txt", DecodeOptions{"UTF-8"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "gb.txt");
    EXPECT_EQ(e.where().line, 1);
    EXPECT_EQ(e.where().byte, 0);
  }
}

TEST(DecodeTest, IllegalByteInDeclaredLegacyEncoding) {
  // 0x81 starts a GB18030 sequence; a space cannot continue it.
  const std::string prefix = EncodeAs("第一行\n第二行", "GB18030");
  const std::string suffix = EncodeAs("\n第三行\n", "GB18030");
  ASSERT_FALSE(prefix.empty());
  ASSERT_FALSE(suffix.empty());
  const std::string bytes = prefix + "\x81 " + suffix;
  try {
    Decode(bytes, "gb.txt", DecodeOptions{"GB18030"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "gb.txt");
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().byte, static_cast<int64_t>(prefix.size()));
  }
  DecodedText d;
  ASSERT_NO_THROW(d = Decode(bytes, "gb.txt", DecodeOptions{"GB18030", true}));
  EXPECT_EQ(d.replaced, 1);
  EXPECT_FALSE(d.notes.empty());
  EXPECT_EQ(d.text.rfind("第一行\n第二行", 0), 0u) << d.text;
  EXPECT_NE(d.text.find("第三行"), std::string::npos) << d.text;
}

// ------------------------------------------------------ SCSU and BOCU-1 ---

// SCSU and BOCU-1 compress Unicode: a run of supplementary characters takes
// one byte each (after a window or difference is set) but two UTF-16 units,
// so the text holds more units than the file has bytes.
TEST(DecodeTest, CompressedUnicodeDecodesWhateverItExpandsTo) {
  const std::string text =
      "Hello world.\n中国始终坚持走和平发展道路。\nÄöü façade\n" + Repeat("😀", 300) + "\n" + Repeat("𝄞", 40) + " end\n";
  for (const char* charset : {"SCSU", "BOCU-1"}) {
    const std::string bytes = EncodeAs(text, charset);
    ASSERT_FALSE(bytes.empty()) << charset;
    const int32_t units = icu::UnicodeString::fromUTF8(text).length();
    ASSERT_GT(units, static_cast<int32_t>(bytes.size()) + 2)
        << charset << ": the test wants more UTF-16 units than bytes";
    for (bool lenient : {false, true}) {
      DecodedText d;
      ASSERT_NO_THROW(d = Decode(bytes, "packed.txt", DecodeOptions{charset, lenient})) << charset;
      EXPECT_EQ(d.text, text) << charset;
      EXPECT_EQ(d.encoding, charset);
      EXPECT_FALSE(d.detected);
      EXPECT_EQ(d.replaced, 0) << charset;
      EXPECT_TRUE(d.notes.empty()) << charset;
    }
  }
}

// An SCSU error names the byte where the bad sequence starts and its line.
// ICU's encoder ends this prefix in single-byte mode (its ASCII is
// written as is), where the tag 0x0C is reserved and SQU (0x0E) takes two
// more bytes.
TEST(DecodeTest, ScsuErrorsNameTheirLineAndByte) {
  const std::string prefix = EncodeAs("第一行\n第二行\nHello world\n", "SCSU");
  ASSERT_FALSE(prefix.empty());
  ASSERT_EQ(prefix.substr(prefix.size() - 12), "Hello world\n");
  struct Case {
    std::string bytes;
    std::string message;
  };
  const Case cases[] = {
      {prefix + "\x0C" + "Bye\n", "byte 0x0C is not valid SCSU"},
      {prefix + "\x0E\x4E", "the file ends inside a sequence of SCSU (bytes 0E 4E)"},
  };
  for (const Case& c : cases) {
    try {
      Decode(c.bytes, "scsu.txt", DecodeOptions{"SCSU"});
      ADD_FAILURE() << "expected InputError for " << c.message;
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().file, "scsu.txt");
      EXPECT_EQ(e.where().line, 4);
      EXPECT_EQ(e.where().byte, static_cast<int64_t>(prefix.size()));
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
  DecodedText d;
  ASSERT_NO_THROW(d = Decode(cases[0].bytes, "scsu.txt", DecodeOptions{"SCSU", true}));
  EXPECT_EQ(d.text, "第一行\n第二行\nHello world\n" + std::string(kFffd) + "Bye\n");
  EXPECT_EQ(d.replaced, 1);
  EXPECT_FALSE(d.notes.empty());
}

// BOCU-1's lead byte 0x21 starts a four-byte difference, which 0x00 cannot
// continue.
TEST(DecodeTest, BocuErrorNamesItsLineAndByte) {
  const std::string prefix = EncodeAs("第一行\nHello\n", "BOCU-1");
  ASSERT_FALSE(prefix.empty());
  const std::string bytes = prefix + std::string("\x21\x00", 2) + EncodeAs("x\n", "BOCU-1");
  try {
    Decode(bytes, "bocu.txt", DecodeOptions{"BOCU-1"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().byte, static_cast<int64_t>(prefix.size()));
  }
}

// UTF-16 and UTF-32 errors name the file's byte offset (the byte-order mark
// counted) and the line its characters give: 上 (U+4E0A) and 丁 (U+4E01)
// hold the bytes 0x0A and 0x01, which are no line end and no control.
TEST(DecodeTest, Utf16ErrorsNameTheUnitItsLineAndByte) {
  struct Case {
    const char* name;
    std::string bytes;
    int line;
    int64_t byte;
    const char* what;
  };
  const std::string le_lines = Utf16Bytes("上丁\n上 and 丁\n第三", true, true);  // 2 + 6 + 16 + 4 bytes
  const std::string be_lines = Utf16Bytes("上丁\n上 and 丁\n第三", false, true);
  const Case cases[] = {
      {"lone lead LE", le_lines + std::string("\x00\xD8", 2) + Utf16Bytes("行\n", true, false), 3, 28,
       "unpaired surrogate U+D800, not valid UTF-16LE (bytes 00 D8 at byte 28)"},
      {"lone trail BE", be_lines + std::string("\xDC\x01", 2) + Utf16Bytes("行\n", false, false), 3, 28,
       "unpaired surrogate U+DC01, not valid UTF-16BE (bytes DC 01 at byte 28)"},
      {"lead at the end", le_lines + std::string("\x3D\xD8", 2), 3, 28, "unpaired surrogate U+D83D"},
      {"odd byte", le_lines + "A", 3, 28, "the file ends inside a UTF-16LE code unit (byte 41 at byte 28)"},
  };
  for (const Case& c : cases) {
    try {
      Decode(c.bytes, "u16.txt", {});
      ADD_FAILURE() << c.name << ": expected InputError";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().line, c.line) << c.name;
      EXPECT_EQ(e.where().byte, c.byte) << c.name;
      EXPECT_NE(e.detail().find(c.what), std::string::npos) << c.name << ": " << e.detail();
      EXPECT_EQ(e.detail().find("0x00"), std::string::npos) << c.name << ": " << e.detail();
    }
    DecodedText lenient;
    ASSERT_NO_THROW(lenient = Decode(c.bytes, "u16.txt", DecodeOptions{"", true})) << c.name;
    EXPECT_NE(lenient.text.find("\xEF\xBF\xBD"), std::string::npos) << c.name;
  }
  // A pair is one character, wherever its units' bytes fall.
  DecodedText pair;
  ASSERT_NO_THROW(pair = Decode(le_lines + Utf16Bytes("\U0001F600\n", true, false), "u16.txt", {}));
  EXPECT_NE(pair.text.find("\U0001F600"), std::string::npos);
  // UTF-32: a value above U+10FFFF, after a 4-byte byte-order mark.
  const std::string u32 = std::string("\xFF\xFE\0\0a\0\0\0\n\0\0\0\0\0\x11\0", 16);
  try {
    Decode(u32, "u32.txt", {});
    ADD_FAILURE() << "UTF-32: expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().byte, 12);
    EXPECT_NE(e.detail().find("U+110000 is above U+10FFFF"), std::string::npos) << e.detail();
  }
}

// -------------------------------------------------------- invalid UTF-8 ---

// Lines of mostly-Chinese text, and English text with typographic quotes
// and dashes (as official translations have) so that it is still clearly
// UTF-8 with a damaged byte, not a legacy encoding.
constexpr const char* kZh1 = "第一条 为了规范国际发展合作，制定本办法。\n";
constexpr const char* kZh2a = "第二条 国家";
constexpr const char* kZh2b = "国际发展合作署负责对外援助工作。\n";
constexpr const char* kZh3 = "第三条 本办法自发布之日起施行。";
// Each English line holds several typographic characters: a damaged byte is
// only taken for damaged UTF-8 when good multi-byte sequences far outnumber
// bad ones.
constexpr const char* kEn1 =
    "Article 1 \u201CInternational development cooperation\u201D (\u201Ccooperation\u201D) "
    "means\n";
constexpr const char* kEn2a = "Article 2 The \u201CChina International Development ";
constexpr const char* kEn2b = "Cooperation Agency\u201D \u2014 CIDCA \u2014 is responsible for \u2018aid\u2019.\n";
constexpr const char* kEn3 = "Article 3 These \u2018Measures\u2019 take effect on the day of issue \u2014 1 May.";

struct BadUtf8Case {
  const char* name;
  std::string prefix;  // bytes before the bad sequence (may start with a BOM)
  std::string bad;     // the ill-formed bytes
  std::string suffix;
  const char* declared;
  int line;          // line of the bad byte
  int replacements;  // U+FFFD a lenient decode puts in place of `bad`
};

std::vector<BadUtf8Case> BadUtf8Cases() {
  const std::string zh = std::string(kZh1) + kZh2a + kZh2b + kZh3;
  const std::string en = std::string(kEn1) + kEn2a + kEn2b + kEn3;
  const std::string zh_before = std::string(kZh1) + kZh2a;
  const std::string zh_after = std::string(kZh2b) + kZh3;
  const std::string en_before = std::string(kEn1) + kEn2a;
  const std::string en_after = std::string(kEn2b) + kEn3;
  auto crlf = [](std::string s) {
    std::string out;
    for (char c : s) {
      if (c == '\n') out += '\r';
      out += c;
    }
    return out;
  };
  auto cr = [](std::string s) {
    for (char& c : s) {
      if (c == '\n') c = '\r';
    }
    return s;
  };
  // Maximal-subpart replacement: C0 and C1 are never lead bytes and ED A0
  // would be a surrogate, so each of their bytes becomes its own U+FFFD.
  return {
      {"zh 0x80 at start", "", "\x80", zh, "", 1, 1},
      {"zh 0x80 in middle", zh_before, "\x80", zh_after, "", 2, 1},
      {"zh 0x80 at end", zh, "\x80", "", "", 3, 1},
      {"zh 0xC3 at start", "", "\xC3", zh, "", 1, 1},
      {"zh 0xC3 before a Chinese character", zh_before, "\xC3", zh_after, "", 2, 1},
      {"zh 0xC3 at end (truncated)", zh, "\xC3", "", "", 3, 1},
      {"zh overlong C0 AF", zh_before, "\xC0\xAF", zh_after, "", 2, 2},
      {"zh surrogate ED A0 80", zh_before, "\xED\xA0\x80", zh_after, "", 2, 3},
      {"zh after BOM", std::string(kUtf8Bom) + zh_before, "\x80", zh_after, "", 2, 1},
      {"zh CRLF, line 4", crlf(zh + "\n"), "\xC3", crlf("\n" + zh), "", 4, 1},
      {"zh lone CR, line 4", cr(zh + "\n"), "\x80", cr("\n" + zh), "", 4, 1},
      {"en 0x80 at start", "", "\x80", en, "", 1, 1},
      {"en 0xC3 in middle", en_before, "\xC3", en_after, "", 2, 1},
      {"en overlong C0 AF at end", en, "\xC0\xAF", "", "", 3, 2},
      {"en surrogate ED A0 80", en_before, "\xED\xA0\x80", en_after, "", 2, 3},
      {"ASCII, declared UTF-8, 0x80 in middle", "Line one\nLine ", "\x80", " two\nLine three\n", "UTF-8", 2, 1},
      {"ASCII, declared UTF-8, 0xC3 at end", "Line one\nLine two\n", "\xC3", "", "UTF-8", 3, 1},
  };
}

TEST(DecodeTest, InvalidUtf8IsAnErrorAtTheBadByte) {
  for (const BadUtf8Case& c : BadUtf8Cases()) {
    const std::string bytes = c.prefix + c.bad + c.suffix;
    try {
      Decode(bytes, "damaged.txt", DecodeOptions{c.declared});
      ADD_FAILURE() << c.name << ": expected InputError";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().file, "damaged.txt") << c.name;
      EXPECT_EQ(e.where().line, c.line) << c.name;
      EXPECT_EQ(e.where().byte, static_cast<int64_t>(c.prefix.size())) << c.name;
      EXPECT_NE(std::string(e.what()).find("damaged.txt"), std::string::npos) << c.name;
    }
  }
}

// ASCII is skipped eight bytes at a time: a bad byte at any place of a
// run, or right after one, is still found where it is.
TEST(DecodeTest, InvalidUtf8IsFoundAtAnyOffsetInAscii) {
  for (size_t at = 0; at < 20; ++at) {
    const std::string bytes = std::string(at, 'a') + "\xff" + std::string(20, 'b');
    try {
      Decode(bytes, "damaged.txt", {});
      ADD_FAILURE() << at << ": expected InputError";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().byte, static_cast<int64_t>(at)) << at;
    }
  }
}

// Line ends are made line feeds in place; the kind read is reported.
TEST(DecodeTest, LineEndsOfEachKind) {
  struct Case {
    std::string text, expected;
    const char* kind;
  };
  const Case cases[] = {{"a\nb\n", "a\nb\n", "lf"},    {"a\r\nb\r\n", "a\nb\n", "crlf"},
                        {"a\rb\r", "a\nb\n", "cr"},    {"a\r\nb\n", "a\nb\n", "mixed"},
                        {"a\rb\n", "a\nb\n", "mixed"}, {"a\r\r\nb", "a\n\nb", "mixed"},
                        {"ab", "ab", "none"},          {"a\r", "a\n", "cr"}};
  for (const Case& c : cases) {
    const DecodedText d = Decode(c.text, "ends.txt", {});
    EXPECT_EQ(d.text, c.expected) << c.kind;
    EXPECT_EQ(d.line_endings, c.kind) << c.text.size();
  }
}

TEST(DecodeTest, InvalidUtf8LenientReplacesInPlace) {
  for (const BadUtf8Case& c : BadUtf8Cases()) {
    const std::string bytes = c.prefix + c.bad + c.suffix;
    DecodeOptions options{c.declared, true};
    DecodedText d;
    ASSERT_NO_THROW(d = Decode(bytes, "damaged.txt", options)) << c.name;
    std::string prefix = c.prefix;
    if (prefix.rfind(kUtf8Bom, 0) == 0) prefix.erase(0, kUtf8Bom.size());
    const std::string expected = ToLf(prefix) + Repeat(kFffd, c.replacements) + ToLf(c.suffix);
    EXPECT_EQ(d.text, expected) << c.name;
    EXPECT_EQ(d.encoding, "UTF-8") << c.name;
    EXPECT_EQ(d.replaced, c.replacements) << c.name;
    EXPECT_FALSE(d.notes.empty()) << c.name;
  }
}

// ------------------------------------------------------------ line ends ---

TEST(DecodeTest, LineEndsBecomeLf) {
  struct Case {
    const char* name;
    std::string bytes;
    std::string text;
    const char* line_endings;
  };
  const Case cases[] = {
      {"lf", "第一行\n第二行\n", "第一行\n第二行\n", "lf"},
      {"crlf", "第一行\r\n第二行\r\n", "第一行\n第二行\n", "crlf"},
      {"lone cr", "第一行\r第二行\r", "第一行\n第二行\n", "cr"},
      {"crlf and lf", "a\r\nb\nc", "a\nb\nc", "mixed"},
      {"crlf and cr", "a\r\nb\rc\r\n", "a\nb\nc\n", "mixed"},
      {"cr and lf", "a\rb\n", "a\nb\n", "mixed"},
      {"none", "一行没有换行符", "一行没有换行符", "none"},
      {"blank crlf lines", "a\r\n\r\nb", "a\n\nb", "crlf"},
  };
  for (const Case& c : cases) {
    DecodedText d = Decode(c.bytes, "ends.txt", {});
    EXPECT_EQ(d.text, c.text) << c.name;
    EXPECT_EQ(d.text.find('\r'), std::string::npos) << c.name;
    EXPECT_EQ(d.line_endings, c.line_endings) << c.name;
  }
}

TEST(LineOfOffsetTest, CountsLfCrlfOnceAndLoneCr) {
  //                       0  1  2  3  4  5  6  7  8
  const std::string_view bytes = "a\r\nb\rc\nd\r";
  struct Case {
    size_t offset;
    int line;
  };
  const Case cases[] = {
      {0, 1},    {1, 1}, {2, 1},                  // the LF of a CRLF still belongs to line 1
      {3, 2},    {4, 2},                          // lone CR ends line 2
      {5, 3},    {6, 3}, {7, 4}, {8, 4}, {9, 5},  // just past the final lone CR
      {1000, 5},                                  // past the end: clamped
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LineOfOffset(bytes, c.offset), c.line) << "offset " << c.offset;
  }
  EXPECT_EQ(LineOfOffset("", 0), 1);
  EXPECT_EQ(LineOfOffset("\r\n\r\n", 4), 3);
  EXPECT_EQ(LineOfOffset("\r\r", 2), 3);
}

// ------------------------------------------------- NUL and binary input ---

TEST(DecodeTest, NulByteIsAnErrorUnlessLenient) {
  const std::string prefix = "第一行\n第二";
  const std::string suffix = "行\n第三行\n";
  const std::string bytes = prefix + '\0' + suffix;
  try {
    Decode(bytes, "nul.txt", {});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "nul.txt");
    EXPECT_EQ(e.where().line, 2);
    // The byte offset may only be given when it is the offset on disk.
    EXPECT_EQ(e.where().byte, static_cast<int64_t>(prefix.size()));
  }
  DecodedText d = Decode(bytes, "nul.txt", DecodeOptions{"", true});
  EXPECT_EQ(d.text, prefix + std::string(kFffd) + suffix);
  EXPECT_EQ(d.replaced, 1);
  EXPECT_FALSE(d.notes.empty());
}

TEST(DecodeTest, NulByteLineWithCrlf) {
  const std::string prefix = "a\r\nb\r\nc";
  const std::string bytes = prefix + '\0' + "\r\n";
  try {
    Decode(bytes, "nul.txt", {});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 3);
    // The text was normalised, so the offset is either exact or unknown.
    EXPECT_TRUE(e.where().byte == -1 || e.where().byte == static_cast<int64_t>(prefix.size())) << e.where().byte;
  }
}

TEST(DecodeTest, NotTextIsAnError) {
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"empty", ""},
      {"PNG signature", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20)},
      {"control bytes", Repeat("\x01\x02\x03\x04\x05\x06\x07\x08", 200)},
  };
  for (const Case& c : cases) {
    EXPECT_THROW(Decode(c.bytes, "x.bin", {}), InputError) << c.name;
    // Lenient decoding is about damaged text, not about accepting non-text.
    EXPECT_THROW(Decode(c.bytes, "x.bin", DecodeOptions{"", true}), InputError) << c.name;
  }
}

TEST(DecodeTest, UnknownDeclaredEncoding) {
  try {
    Decode("text\n", "in.txt", DecodeOptions{"NO-SUCH-ENC"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "in.txt");
    EXPECT_NE(std::string(e.what()).find("NO-SUCH-ENC"), std::string::npos);
  }
}

// ------------------------------------------------------------------ files ---

TEST(ReadFileBytesTest, ReturnsExactBytes) {
  const std::string bytes = std::string("a\r\nb\0c\xFF", 7);
  TempFile file("exact.bin", bytes);
  EXPECT_EQ(ReadFileBytes(file.path()), bytes);
}

TEST(ReadFileBytesTest, MissingFileAndDirectory) {
  const std::string missing = ::testing::TempDir() + "bitext_no_such_dir/missing.txt";
  try {
    ReadFileBytes(missing);
    FAIL() << "expected InputError for a missing file";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, missing);
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos);
  }
  const std::string dir = ::testing::TempDir();
  try {
    ReadFileBytes(dir);
    FAIL() << "expected InputError for a directory";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, dir);
  }
  EXPECT_THROW(ReadText(missing, {}), InputError);
  EXPECT_THROW(ReadText(dir, {}), InputError);
}

TEST(ReadTextTest, DecodesAFile) {
  std::string bytes = EncodeAs(kSimplified, "GB18030");
  ASSERT_FALSE(bytes.empty());
  TempFile file("gb18030.txt", bytes);
  DecodedText d = ReadText(file.path(), {});
  EXPECT_EQ(d.text, kSimplified);
  EXPECT_EQ(d.encoding, "GB18030");
  EXPECT_TRUE(d.detected);
}

TEST(ReadTextTest, ErrorsNameTheFile) {
  const std::string prefix = std::string(kZh1) + kZh2a;
  TempFile damaged("damaged.txt", prefix + "\x80" + kZh2b);
  try {
    ReadText(damaged.path(), {});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, damaged.path());
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().byte, static_cast<int64_t>(prefix.size()));
    EXPECT_NE(std::string(e.what()).find(damaged.path()), std::string::npos);
  }
  TempFile empty("empty.txt", "");
  EXPECT_THROW(ReadText(empty.path(), {}), InputError);
}

}  // namespace
}  // namespace bitext
