// Replays the inputs that once broke a fuzz target (tests/data/fuzz-regressions/
// TARGET/) and the committed seeds (fuzz/seeds/TARGET/) through the same entry
// the target uses, so the normal build keeps checking them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_entries.h"

namespace bitext::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> InputsOf(const std::string& target) {
  std::vector<fs::path> inputs;
  for (const fs::path& dir : {fs::path(BITEXT_TEST_DATA_DIR) / "fuzz-regressions" / target,
                              fs::path(BITEXT_SOURCE_DIR) / "fuzz" / "seeds" / target}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) inputs.push_back(entry.path());
  }
  return inputs;
}

void Replay(const std::string& target, const std::function<void(std::string_view)>& entry) {
  const std::vector<fs::path> inputs = InputsOf(target);
  EXPECT_FALSE(inputs.empty()) << "no seeds for " << target;
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NO_THROW(entry(bytes)) << input;
  }
}

TEST(FuzzRegressionsTest, Decode) { Replay("fuzz_decode", DecodeEntry); }
TEST(FuzzRegressionsTest, Document) { Replay("fuzz_document", DocumentEntry); }
TEST(FuzzRegressionsTest, Align) { Replay("fuzz_align", AlignEntry); }
TEST(FuzzRegressionsTest, Settings) { Replay("fuzz_settings", SettingsEntry); }
TEST(FuzzRegressionsTest, Lexicon) { Replay("fuzz_lexicon", LexiconEntry); }

}  // namespace
}  // namespace bitext::fuzz
