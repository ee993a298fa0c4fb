// SettingsEntry (fuzz_entries.h): the readers of the files a document set or
// a shard brings along, kept apart from fuzz_entries.cc because they need the
// command line's option parser.
#include <unistd.h>

#include <array>
#include <boost/program_options/errors.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "cli.h"
#include "cli_options.h"
#include "confine.h"
#include "error.h"
#include "fuzz_entries.h"
#include "manifest.h"
#include "summary_check.h"

namespace bitext::fuzz {
namespace {

namespace fs = std::filesystem;

void Require(bool condition, const char* what) {
  if (!condition) throw std::logic_error(what);
}

void WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

fs::path ScratchRoot() { return fs::temp_directory_path() / ("bitext-fuzz-settings-" + std::to_string(getpid())); }

// A set folder with a few texts the manifest may name, a subfolder, and
// links that stay inside or lead out of it; made once per process and
// removed at its exit.
const fs::path& ScratchSet() {
  static const fs::path folder = [] {
    const fs::path dir = ScratchRoot() / "set";
    fs::create_directories(dir / "sub");
    WriteFile(dir / "official.txt", "中国\nChina\n");
    WriteFile(dir / "mt.txt", "China\n");
    WriteFile(dir / "sub" / "mt.txt", "China\n");
    WriteFile(dir / "glossary.tsv", "中国\tChina\t\n");
    WriteFile(dir.parent_path() / "outside.txt", "secret\n");
    std::error_code ignored;
    fs::create_symlink("mt.txt", dir / "inside-link.txt", ignored);
    fs::create_symlink("../outside.txt", dir / "outside-link.txt", ignored);
    fs::create_symlink("/proc/self/environ", dir / "env.txt", ignored);
    std::atexit([] {
      std::error_code error;
      fs::remove_all(ScratchRoot(), error);
    });
    return dir;
  }();
  return folder;
}

bool InsideScratch(const std::string& path) { return path.empty() || ResolvesInside(path, ScratchSet()); }

}  // namespace

void SettingsEntry(std::string_view bytes) {
  std::array<std::string_view, 3> parts;  // manifest, bitext.ini, summary.json
  for (std::string_view& part : parts) {
    const size_t end = bytes.find('\f');
    part = bytes.substr(0, end);
    bytes = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1);
  }
  const fs::path& set = ScratchSet();
  WriteFile(set / "manifest", parts[0]);
  WriteFile(set / "bitext.ini", parts[1]);

  try {
    const Manifest manifest = ReadManifest(set.string());
    for (const std::string* path : {&manifest.bilingual, &manifest.zh, &manifest.en, &manifest.glossary}) {
      Require(InsideScratch(*path), "a manifest path leads out of the set");
    }
    for (const auto* list : {&manifest.mt, &manifest.titles}) {
      for (const std::string& path : *list) Require(InsideScratch(path), "a manifest path leads out of the set");
    }
  } catch (const InputError&) {
    // a clean rejection, naming the manifest
  }

  try {
    const pipeline::AuditConfig config = cli::ParseAuditOptions({}, set.string());
    Require(config.write_baseline.empty(), "bitext.ini chose a file to write");
    Require(InsideScratch(config.glossary) && InsideScratch(config.baseline), "a bitext.ini path leads out of the set");
  } catch (const InputError&) {
  } catch (const cli::UsageError&) {
  } catch (const boost::program_options::error&) {
    // the three ways a bad bitext.ini is refused, as the command line reports them
  }

  try {
    const nlohmann::json summary = pipeline::ParseBatchSummary(parts[2], "summary.json");
    for (const nlohmann::json& entry : summary["sets"]) {
      const std::string dir = entry.at("dir").get<std::string>();
      Require(dir.find('/') == std::string::npos && dir.front() != '.', "a summary's folder is not a plain name");
    }
  } catch (const InputError&) {
  }
}

}  // namespace bitext::fuzz
