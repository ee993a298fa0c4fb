#include "json_writer.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "json_output.h"
#include "unicode.h"

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

// Whether dump() escapes `byte` of well-formed text when not asked for
// ASCII, and what it writes for it.
bool NeedsEscape(unsigned char byte) { return byte < 0x20 || byte == '"' || byte == '\\'; }
std::string_view Escape(unsigned char byte, char (&buffer)[8]) {
  switch (byte) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:  // the other control characters
      std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
      return buffer;
  }
}

}  // namespace

void JsonWriter::WriteString(std::string_view text) {
  // Ill-formed UTF-8 (FirstInvalidUtf8 finds what dump() refuses) goes
  // through dump(), which refuses or replaces it as asked; the rest is
  // escaped here as dump() escapes it, runs of bytes that need nothing
  // written in one go.
  if (FirstInvalidUtf8(text) != std::string_view::npos) {
    out_ << nlohmann::json(std::string(text)).dump(-1, ' ', false, invalid_utf8_);
    return;
  }
  out_ << '"';
  size_t run = 0;
  char buffer[8];
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (!NeedsEscape(byte)) continue;
    const std::string_view escaped = Escape(byte, buffer);
    out_.write(text.data() + run, static_cast<std::streamsize>(i - run));
    out_ << escaped;
    run = i + 1;
  }
  out_.write(text.data() + run, static_cast<std::streamsize>(text.size() - run));
  out_ << '"';
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
