// Mapped files and file hashes: each file is written here, so its bytes and
// checksum are known.
#include "mapped_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "error.h"
#include "fnv.h"

namespace bitext {
namespace {

namespace fs = std::filesystem;

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const std::string path = ::testing::TempDir() + "bitext_mapped_file_test_" + name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path;
}

// Bytes that differ from chunk to chunk, so that a chunk read twice or
// skipped changes the hash.
std::string Varied(size_t size) {
  std::string bytes(size, '\0');
  for (size_t k = 0; k < size; ++k) bytes[k] = static_cast<char>((k * 2654435761u) >> 13);
  return bytes;
}

TEST(Fnv1aWordsTest, ContinuesOverChunksOfWholeWords) {
  const std::string bytes = Varied(1003);
  for (size_t cut : {0, 8, 512, 1000}) {
    const std::string_view all = bytes;
    EXPECT_EQ(Fnv1aWords(all.substr(cut), Fnv1aWords(all.substr(0, cut))), Fnv1aWords(bytes)) << cut;
  }
  // One changed byte anywhere changes the hash.
  for (size_t at = 0; at < bytes.size(); at += 37) {
    std::string changed = bytes;
    changed[at] = static_cast<char>(changed[at] ^ 1);
    EXPECT_NE(Fnv1aWords(changed), Fnv1aWords(bytes)) << at;
  }
}

TEST(MappedFileTest, HashFileReadsEveryChunk) {
  // Past one chunk of 256 KiB, and not a multiple of 8 bytes.
  for (size_t size : {size_t{0}, size_t{5}, size_t{256 << 10}, size_t{(256 << 10) * 2 + 13}}) {
    const std::string bytes = Varied(size);
    const FileHash hash = HashFile(WriteTemp("hash", bytes));
    EXPECT_EQ(hash.size, size);
    EXPECT_EQ(hash.hash, Fnv1aWords(bytes)) << size;
  }
}

TEST(MappedFileTest, MapsACheckedFileWithoutItsChecksum) {
  std::string blob = Varied((256 << 10) + 21);
  const std::string bytes = blob;
  AppendChecksum(blob);
  ASSERT_EQ(WithoutChecksum(blob), std::optional<std::string_view>(bytes));
  const std::shared_ptr<const MappedFile> mapped = MappedFile::OpenChecksummed(WriteTemp("good", blob));
  ASSERT_NE(mapped, nullptr);
  EXPECT_EQ(mapped->bytes(), bytes);

  // Nothing but a checksum: an empty payload.
  std::string empty;
  AppendChecksum(empty);
  const std::shared_ptr<const MappedFile> nothing = MappedFile::OpenChecksummed(WriteTemp("empty", empty));
  ASSERT_NE(nothing, nullptr);
  EXPECT_TRUE(nothing->bytes().empty());
}

TEST(MappedFileTest, RefusesADamagedOrShortFile) {
  std::string blob = Varied(4096);
  AppendChecksum(blob);
  for (size_t at : {size_t{0}, size_t{4095}, blob.size() - 1}) {
    std::string damaged = blob;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    EXPECT_EQ(MappedFile::OpenChecksummed(WriteTemp("damaged", damaged)), nullptr) << at;
    EXPECT_EQ(WithoutChecksum(damaged), std::nullopt) << at;
  }
  EXPECT_EQ(MappedFile::OpenChecksummed(WriteTemp("short", "1234567")), nullptr);
  EXPECT_EQ(MappedFile::OpenChecksummed(WriteTemp("truncated", blob.substr(0, blob.size() - 1))), nullptr);
}

TEST(MappedFileTest, NamesAFileThatCannotBeRead) {
  const std::string missing = ::testing::TempDir() + "bitext_mapped_file_test_missing";
  fs::remove(missing);
  const std::string folder = ::testing::TempDir() + "bitext_mapped_file_test_folder";
  fs::create_directories(folder);
  const std::string fifo = ::testing::TempDir() + "bitext_mapped_file_test_fifo";
  fs::remove(fifo);
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  for (const auto& [path, reason] :
       {std::pair{missing, "no such file"}, std::pair{folder, "is a folder, not a regular file"},
        std::pair{fifo, "is a FIFO, not a regular file"}}) {
    for (int way = 0; way < 2; ++way) {
      try {
        if (way == 0) {
          MappedFile::OpenChecksummed(path);
        } else {
          HashFile(path);
        }
        ADD_FAILURE() << path << " was read";
      } catch (const InputError& error) {
        EXPECT_EQ(error.where().file, path);
        EXPECT_NE(error.detail().find(reason), std::string::npos) << error.what();
      }
    }
  }
  fs::remove(fifo);
}

}  // namespace
}  // namespace bitext
