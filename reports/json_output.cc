#include "json_output.h"

namespace bitext {
namespace {

// A value printed with dump(2), moved right by `spaces`: JSON text has no
// raw line breaks inside strings, so every line break starts a new line of
// the layout.
void WriteIndented(std::ostream& out, const nlohmann::json& value, int spaces, const JsonLayout& layout) {
  const std::string text = value.dump(2, ' ', false, layout.invalid_utf8);
  const std::string indent(static_cast<size_t>(spaces), ' ');
  for (const char c : text) {
    out << c;
    if (c == '\n') out << indent;
  }
}

}  // namespace

void WriteObjectWithArray(std::ostream& out, const nlohmann::json& object, const std::string& key, size_t count,
                          const std::function<nlohmann::json(size_t)>& item, const JsonLayout& layout) {
  const std::string key_indent(static_cast<size_t>(layout.depth) + 2, ' ');
  const std::string item_indent = key_indent + "  ";
  bool first = true;
  auto write_key = [&](const std::string& name) {
    out << (first ? "{\n" : ",\n") << key_indent << nlohmann::json(name).dump() << ": ";
    first = false;
  };
  auto write_array = [&] {
    write_key(key);
    if (count == 0) {
      out << "[]";
      return;
    }
    out << "[\n";
    for (size_t i = 0; i < count; ++i) {
      out << (i == 0 ? "" : ",\n") << item_indent;
      WriteIndented(out, item(i), layout.depth + 4, layout);
    }
    out << "\n" << key_indent << "]";
  };
  bool array_written = false;
  for (const auto& [name, value] : object.items()) {  // keys in sorted order
    if (!array_written && key < name) {
      write_array();
      array_written = true;
    }
    write_key(name);
    WriteIndented(out, value, layout.depth + 2, layout);
  }
  if (!array_written) write_array();
  out << "\n" << std::string(static_cast<size_t>(layout.depth), ' ') << "}";
}

}  // namespace bitext
