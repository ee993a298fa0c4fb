// JSON reports written to a stream as they are rendered. A report of many
// findings would otherwise be held whole twice over: as a JSON tree (many
// times the size of its text) and as the text itself.
#ifndef BITEXT_REPORTS_JSON_OUTPUT_H_
#define BITEXT_REPORTS_JSON_OUTPUT_H_

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace bitext {

struct JsonLayout {
  int depth = 0;  // spaces the object itself stands in, inside an enclosing value
  nlohmann::json::error_handler_t invalid_utf8 = nlohmann::json::error_handler_t::strict;
};

// An array written item by item: write(out, i, depth) writes item i as
// dump(2) lays it out inside an enclosing value indented `depth` spaces
// (its first line at the current position).
struct StreamedArray {
  std::string key;
  size_t count = 0;
  std::function<void(std::ostream&, size_t, int)> write;
};

// Writes what `object.dump(2)` would write with each array's key set to
// its items, each written only when its turn comes. `object` must be a
// JSON object holding none of the keys.
void WriteObjectWithArrays(std::ostream& out, const nlohmann::json& object, std::vector<StreamedArray> arrays,
                           const JsonLayout& layout = {});

// Writes `value` as dump(2) lays it out inside an enclosing value indented
// `depth` spaces.
void WriteIndented(std::ostream& out, const nlohmann::json& value, int depth, const JsonLayout& layout = {});

}  // namespace bitext

#endif  // BITEXT_REPORTS_JSON_OUTPUT_H_
