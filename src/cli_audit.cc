// bitext audit DIR --out OUTDIR
// Runs the pipeline on a document set. Stages available so far: ingest and
// the document model of every file in the manifest, written as JSON.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "atomic_file.h"
#include "cli.h"
#include "document.h"
#include "document_report.h"
#include "error.h"
#include "manifest.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace bitext::cli {
namespace {

std::string Summarize(const std::string& role, const Document& doc) {
  int zh = 0, en = 0, rejoined = 0, headings = 0, toc = 0, truncated = 0;
  for (const Paragraph& p : doc.paragraphs) {
    zh += p.lang == Lang::kZh;
    en += p.lang == Lang::kEn;
    rejoined += p.rejoined();
    headings += p.kind == Kind::kHeading;
    toc += p.kind == Kind::kToc;
    truncated += p.truncated;
  }
  std::ostringstream out;
  out << role << " " << doc.path << ": " << doc.paragraphs.size() << " paragraphs (zh " << zh
      << ", en " << en << "), " << headings << " headings, " << toc << " table-of-contents lines, "
      << rejoined << " rejoined across blocks, " << truncated << " truncated";
  if (doc.source.detected) out << ", read as " << doc.source.encoding << " (detected)";
  return out.str();
}

}  // namespace

int RunAudit(const std::vector<std::string>& args) {
  std::string folder, out_dir;
  DocumentOptions options;
  po::options_description visible("bitext audit DIR --out OUTDIR [options]\n\nAudits a document set (a folder with a manifest).\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("out", po::value(&out_dir), "output folder (created if missing)")
      ("lenient", po::bool_switch(&options.decode.lenient),
       "replace invalid bytes with U+FFFD instead of failing");
  po::options_description all;
  all.add(visible).add_options()("dir", po::value(&folder));
  po::positional_options_description positional;
  positional.add("dir", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible;
    return kExitOk;
  }
  if (folder.empty()) throw UsageError("missing DIR");
  if (out_dir.empty()) throw UsageError("missing --out OUTDIR");

  Manifest manifest = ReadManifest(folder);
  std::vector<std::pair<std::string, std::string>> inputs;  // role, path
  if (!manifest.bilingual.empty()) inputs.emplace_back("official bilingual", manifest.bilingual);
  if (!manifest.zh.empty()) inputs.emplace_back("official zh", manifest.zh);
  if (!manifest.en.empty()) inputs.emplace_back("official en", manifest.en);
  for (const std::string& mt : manifest.mt) inputs.emplace_back("mt", mt);
  for (const std::string& t : manifest.titles) inputs.emplace_back("titles", t);

  std::ostringstream summary;
  summary << "document set " << manifest.name << "\n";
  for (const auto& [role, path] : inputs) {
    Document doc = LoadDocument(path, options);
    const std::string json_path =
        (fs::path(out_dir) / "documents" / (fs::path(path).stem().string() + ".json")).string();
    WriteFileAtomically(json_path, DocumentToJson(doc).dump(2) + "\n");
    summary << "  " << Summarize(role, doc) << "\n    -> " << json_path << "\n";
    for (const std::string& note : doc.source.notes) summary << "    note: " << note << "\n";
  }
  summary << "Stages run: ingest and document model. Alignment, comparison and checks are "
             "not part of this build yet.\n";
  WriteFileAtomically((fs::path(out_dir) / "summary.txt").string(), summary.str());
  std::cout << summary.str();
  return kExitOk;
}

}  // namespace bitext::cli
