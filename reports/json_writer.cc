#include "json_writer.h"

#include <string>

#include "json_output.h"

namespace bitext {

JsonWriter::JsonWriter(std::ostream& out, int depth, nlohmann::json::error_handler_t invalid_utf8)
    : out_(out), depth_(depth), invalid_utf8_(invalid_utf8) {}

void JsonWriter::NewLine() {
  out_ << '\n';
  for (size_t k = 0; k < static_cast<size_t>(depth_) + 2 * open_.size(); ++k) out_ << ' ';
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (open_.empty()) return;
  if (open_.back().count++ > 0) out_ << ',';
  NewLine();
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ << '{';
  open_.push_back({true, 0});
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ << '[';
  open_.push_back({false, 0});
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
  const size_t count = open_.back().count;
  open_.pop_back();
  if (count > 0) NewLine();  // an empty one stays on its line: {} or []
  out_ << bracket;
}

JsonWriter& JsonWriter::Key(std::string_view name) {
  if (open_.back().count++ > 0) out_ << ',';
  NewLine();
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

void JsonWriter::WriteString(std::string_view text) {
  // Printable ASCII without a quote or backslash is written as it is;
  // anything else goes through dump(), which escapes it and handles
  // ill-formed UTF-8 as asked.
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') {
      out_ << nlohmann::json(std::string(text)).dump(-1, ' ', false, invalid_utf8_);
      return;
    }
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
