#include "json_writer.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "json_output.h"

namespace bitext {

JsonWriter::JsonWriter(std::ostream& out, int depth, nlohmann::json::error_handler_t invalid_utf8)
    : out_(out), depth_(depth), invalid_utf8_(invalid_utf8) {}

void JsonWriter::NewLine() {
  static constexpr std::string_view kSpaces = "                                ";
  out_ << '\n';
  for (size_t left = static_cast<size_t>(depth_) + 2 * open_.size(); left > 0;) {
    const size_t now = std::min(left, kSpaces.size());
    out_.write(kSpaces.data(), static_cast<std::streamsize>(now));
    left -= now;
  }
}

void JsonWriter::NextEntry() {
  if (open_.back()++ > 0) out_ << ',';
  NewLine();
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
  } else if (!open_.empty()) {
    NextEntry();
  }
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ << '{';
  open_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ << '[';
  open_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}

void JsonWriter::Close(char bracket) {
  const size_t count = open_.back();
  open_.pop_back();
  if (count > 0) NewLine();  // an empty one stays on its line: {} or []
  out_ << bracket;
}

JsonWriter& JsonWriter::Key(std::string_view name) {
  NextEntry();
  WriteString(name);
  out_ << ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view text) {
  BeforeValue();
  WriteString(text);
  return *this;
}

namespace {

// Well-formed UTF-8 without a control character, quote or backslash: what
// dump() writes unchanged (it escapes nothing else when not asked for
// ASCII). U8_NEXT refuses what dump() refuses: overlong forms, surrogates
// and code points above U+10FFFF.
bool WrittenUnchanged(std::string_view text) {
  if (text.size() > static_cast<size_t>(INT32_MAX)) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      if (p[i] < 0x20 || p[i] == '"' || p[i] == '\\') return false;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

void JsonWriter::WriteString(std::string_view text) {
  // Anything that needs escaping or is ill-formed goes through dump(), which
  // escapes it and handles ill-formed UTF-8 as asked.
  if (!WrittenUnchanged(text)) {
    out_ << nlohmann::json(std::string(text)).dump(-1, ' ', false, invalid_utf8_);
    return;
  }
  out_ << '"' << text << '"';
}

JsonWriter& JsonWriter::Number(long long value) {
  BeforeValue();
  out_ << value;
  return *this;
}

JsonWriter& JsonWriter::Value(const nlohmann::json& value) {
  BeforeValue();
  WriteIndented(out_, value, depth_ + 2 * static_cast<int>(open_.size()), {0, invalid_utf8_});
  return *this;
}

}  // namespace bitext
