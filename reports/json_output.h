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

namespace bitext {

struct JsonLayout {
  int depth = 0;  // spaces the object itself stands in, inside an enclosing value
  nlohmann::json::error_handler_t invalid_utf8 = nlohmann::json::error_handler_t::strict;
};

// Writes what `object.dump(2)` would write with `key` set to the array of
// `count` items, item(i) rendered only when it is written. `object` must
// be a JSON object without `key`.
void WriteObjectWithArray(std::ostream& out, const nlohmann::json& object, const std::string& key, size_t count,
                          const std::function<nlohmann::json(size_t)>& item, const JsonLayout& layout = {});

}  // namespace bitext

#endif  // BITEXT_REPORTS_JSON_OUTPUT_H_
