#include "json_output.h"

#include <algorithm>

namespace bitext {
void WriteIndented(std::ostream& out, const nlohmann::json& value, int depth, const JsonLayout& layout) {
  // JSON text has no raw line breaks inside strings, so every line break
  // starts a new line of the layout.
  const std::string text = value.dump(2, ' ', false, layout.invalid_utf8);
  const std::string indent(static_cast<size_t>(depth), ' ');
  size_t begin = 0;
  for (size_t end = text.find('\n'); end != std::string::npos; begin = end + 1, end = text.find('\n', begin)) {
    out.write(text.data() + begin, static_cast<std::streamsize>(end + 1 - begin));
    out << indent;
  }
  out.write(text.data() + begin, static_cast<std::streamsize>(text.size() - begin));
}

void WriteObjectWithArrays(std::ostream& out, const nlohmann::json& object, std::vector<StreamedArray> arrays,
                           const JsonLayout& layout) {
  std::sort(arrays.begin(), arrays.end(), [](const StreamedArray& a, const StreamedArray& b) { return a.key < b.key; });
  const std::string key_indent(static_cast<size_t>(layout.depth) + 2, ' ');
  const std::string item_indent = key_indent + "  ";
  bool first = true;
  auto write_key = [&](const std::string& name) {
    out << (first ? "{\n" : ",\n") << key_indent << nlohmann::json(name).dump() << ": ";
    first = false;
  };
  auto write_array = [&](const StreamedArray& array) {
    write_key(array.key);
    if (array.count == 0) {
      out << "[]";
      return;
    }
    out << "[\n";
    for (size_t i = 0; i < array.count; ++i) {
      out << (i == 0 ? "" : ",\n") << item_indent;
      array.write(out, i, layout.depth + 4);
    }
    out << "\n" << key_indent << "]";
  };
  size_t next = 0;                                    // the first array not written yet
  for (const auto& [name, value] : object.items()) {  // keys in sorted order
    for (; next < arrays.size() && arrays[next].key < name; ++next) write_array(arrays[next]);
    write_key(name);
    WriteIndented(out, value, layout.depth + 2, layout);
  }
  for (; next < arrays.size(); ++next) write_array(arrays[next]);
  out << "\n" << std::string(static_cast<size_t>(layout.depth), ' ') << "}";
}

}  // namespace bitext
