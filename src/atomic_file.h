// Outputs are written atomically: the content goes to a temporary file in the
// destination folder, which is then renamed over the target, so a failed or
// interrupted run never leaves a half-written report behind.
#ifndef BITEXT_SRC_ATOMIC_FILE_H_
#define BITEXT_SRC_ATOMIC_FILE_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace bitext {

// Creates missing parent folders. Throws InputError naming the path and the
// system's reason when the folder cannot be created or written.
void WriteFileAtomically(const std::string& path, std::string_view content);

// The same for content that `write` puts on a stream, so that a large
// report goes to its file without first being built as one string.
void WriteFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace bitext

#endif  // BITEXT_SRC_ATOMIC_FILE_H_
