// bitext inspect FILE [--format text|json] [--encoding NAME] [--lenient]
#include <boost/program_options.hpp>
#include <iostream>

#include "cli.h"
#include "cli_options.h"
#include "document.h"
#include "document_report.h"
#include "error.h"

namespace po = boost::program_options;

namespace bitext::cli {

int RunInspect(const std::vector<std::string>& args) {
  std::string file, format;
  DocumentOptions options;
  Verbosity verbosity;
  po::options_description visible(
      HelpCaption("bitext inspect FILE [options]", "Prints the document model: outline and logical paragraphs."));
  visible.add_options()("help,h", "show this help")("format", po::value(&format)->default_value("text"),
                                                    "text or json");
  AddDecodeOptions(visible, &options.decode);
  AddVerbosityOptions(visible, &verbosity);
  if (!ParseCommandLine(args, visible, "file", &file)) return kExitOk;
  if (file.empty()) throw UsageError("missing FILE");
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");

  Document doc = LoadDocument(file, options);
  if (doc.source.detected && !verbosity.quiet) {
    std::cerr << "bitext: " << file << ": read as " << doc.source.encoding << " (detected, confidence "
              << doc.source.confidence << "); use --encoding to override\n";
  }
  if (format == "json") {
    WriteDocumentJson(std::cout, doc);
    std::cout << "\n";
  } else {
    std::cout << RenderDocumentText(doc);
  }
  return kExitOk;
}

}  // namespace bitext::cli
