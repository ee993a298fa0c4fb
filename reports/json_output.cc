#include "json_output.h"

namespace bitext {
namespace {

// A value printed with dump(2), moved right by `spaces`: JSON text has no
// raw line breaks inside strings, so every line break starts a new line of
// the layout.
void WriteIndented(std::ostream& out, const nlohmann::json& value, int spaces) {
  const std::string text = value.dump(2);
  const std::string indent(static_cast<size_t>(spaces), ' ');
  for (const char c : text) {
    out << c;
    if (c == '\n') out << indent;
  }
}

}  // namespace

void WriteObjectWithArray(std::ostream& out, const nlohmann::json& object, const std::string& key, size_t count,
                          const std::function<nlohmann::json(size_t)>& item) {
  bool first = true;
  auto write_key = [&](const std::string& name) {
    out << (first ? "{\n  " : ",\n  ") << nlohmann::json(name).dump() << ": ";
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
      out << (i == 0 ? "    " : ",\n    ");
      WriteIndented(out, item(i), 4);
    }
    out << "\n  ]";
  };
  bool array_written = false;
  for (const auto& [name, value] : object.items()) {  // keys in sorted order
    if (!array_written && key < name) {
      write_array();
      array_written = true;
    }
    write_key(name);
    WriteIndented(out, value, 2);
  }
  if (!array_written) write_array();
  out << "\n}";
}

}  // namespace bitext
