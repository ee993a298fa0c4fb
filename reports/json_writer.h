// JSON written value by value, laid out as nlohmann's dump(2) lays out the
// same tree, without building the tree: the findings and SARIF results of a
// large set are the bulk of its reports, and a tree for each one costs
// several times the writing.
#ifndef BITEXT_REPORTS_JSON_WRITER_H_
#define BITEXT_REPORTS_JSON_WRITER_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>
#include <vector>

namespace bitext {

// An object's members must come in the order of their names, as a tree
// (which keeps them in a std::map) holds them. `depth`: the spaces the
// first value stands in, inside an enclosing value (WriteIndented's depth).
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, int depth = 0,
                      nlohmann::json::error_handler_t invalid_utf8 = nlohmann::json::error_handler_t::strict);

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The name of the next value, inside an object.
  JsonWriter& Key(std::string_view name);
  JsonWriter& String(std::string_view text);
  JsonWriter& Number(long long value);
  // Any value, as its tree prints.
  JsonWriter& Value(const nlohmann::json& value);

 private:
  // Starts a line at the indentation of the innermost open value's members.
  void NewLine();
  // The separator and line break before the next member or item.
  void NextEntry();
  // The same, except for the value that follows a key.
  void BeforeValue();
  // `text` as a JSON string.
  void WriteString(std::string_view text);
  // Ends the innermost open value with `bracket`.
  void Close(char bracket);

  std::ostream& out_;
  int depth_;
  nlohmann::json::error_handler_t invalid_utf8_;
  std::vector<size_t> open_;  // per open object or array, its entries so far
  bool after_key_ = false;
};

}  // namespace bitext

#endif  // BITEXT_REPORTS_JSON_WRITER_H_
