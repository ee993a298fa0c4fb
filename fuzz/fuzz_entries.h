// What each fuzz target does with one input, kept apart from libFuzzer's
// entry point so that the regression tests run saved inputs through exactly
// the same code. Each function returns normally on any input the library
// must accept or reject cleanly (an InputError is a clean rejection); it
// throws std::logic_error when a documented guarantee is broken, and
// anything else it lets through (a crash, a sanitizer report, another
// exception) is a bug.
#ifndef BITEXT_FUZZ_FUZZ_ENTRIES_H_
#define BITEXT_FUZZ_FUZZ_ENTRIES_H_

#include <string_view>

namespace bitext::fuzz {

// Decodes the bytes strictly and leniently, detected and with a declared
// encoding chosen by the first byte; checks that the output is UTF-8 with
// '\n' line ends only.
void DecodeEntry(std::string_view bytes);

// The document model of the bytes (decoded leniently), and the heading-number
// parser on the first line.
void DocumentEntry(std::string_view bytes);

// The input split at form feeds into a Chinese document, an English one and
// a machine translation (each capped); aligns paragraphs and sentences and
// compares the translation with the official text.
void AlignEntry(std::string_view bytes);

// The input split at form feeds into a document set's manifest, its
// bitext.ini and a shard's summary.json, written into a scratch set folder
// and read as audit and merge read them; checks that every path they let
// through stays inside the set and that a summary's folder names are plain.
void SettingsEntry(std::string_view bytes);

// The input laid over a small compiled lexicon's table (each byte XORed onto
// the table's, the rest appended) and read without its checksum, as a
// damaged or forged file beside a lexicon would be once its checksum
// matched: every word's lookup, and the lexicon written out again, stay
// within the table's bytes.
void LexiconEntry(std::string_view bytes);

}  // namespace bitext::fuzz

#endif  // BITEXT_FUZZ_FUZZ_ENTRIES_H_
