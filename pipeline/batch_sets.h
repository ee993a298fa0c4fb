// Which document sets a batch audits, in which order, into which output
// folders, and which of them one shard takes.
//
// Arguments: a folder with a `manifest` is one set; any other folder holds
// one set per subfolder (hidden ones skipped; a subfolder without a manifest
// is kept and fails as a bad set rather than vanishing); a file named
// `manifest` is the set of its folder; any other file lists set folders, one
// a line, relative to the list's folder, `#` starting a comment.
#ifndef BITEXT_PIPELINE_BATCH_SETS_H_
#define BITEXT_PIPELINE_BATCH_SETS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bitext::pipeline {

struct BatchSet {
  std::string path;  // the set's folder, as given or listed
  std::string key;   // the folder's name: the sort key and what shards hash
  std::string dir;   // output subfolder: `key` made safe and unique
  size_t index = 0;  // position among all sets of the batch
};

// Every set the arguments name, sorted by key then path, duplicates (the
// same folder twice) dropped. Throws InputError for an argument that does
// not exist or a list that cannot be read.
std::vector<BatchSet> FindDocumentSets(const std::vector<std::string>& arguments);

// --shard K/N with 1 <= K <= N.
struct Shard {
  int k = 1;
  int n = 1;
};

// A set belongs to shard K of N when the FNV-1a hash of its key is K-1
// modulo N: every set lands in exactly one shard, and adding or removing
// sets never moves the others to another shard.
bool InShard(const BatchSet& set, const Shard& shard);

}  // namespace bitext::pipeline

#endif  // BITEXT_PIPELINE_BATCH_SETS_H_
