#include "error.h"

namespace bitext {

std::string FormatPosition(const FilePosition& where) {
  std::string out = where.file;
  if (where.line > 0) out.append(":").append(std::to_string(where.line));
  if (where.byte >= 0) out.append(" (byte offset ").append(std::to_string(where.byte)).append(")");
  return out;
}

InputError::InputError(FilePosition where, const std::string& what)
    : std::runtime_error(FormatPosition(where) + ": " + what), where_(std::move(where)), detail_(what) {}

}  // namespace bitext
