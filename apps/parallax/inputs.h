// Input paths of the commands that read many articles: files as given, and the
// article files under a folder.
#ifndef PARALLAX_APPS_INPUTS_H_
#define PARALLAX_APPS_INPUTS_H_

#include <string>
#include <vector>

#include "parallax/core.h"

namespace parallax::cli {

// Whether a file name is one a folder is searched for: .jsonl, .ndjson, .txt, .md,
// .markdown, .html, .htm, each also with .gz.
bool article_file(const std::string& name);

// Files named on the command line as they are ("-" included), and every article file
// under a folder, recursively, sorted (so the result does not depend on the order
// the file system lists them in). A folder that can't be listed or holds no article
// file adds an error naming it.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, std::vector<Status>& errors);

// Whether an input is a folder or a JSON Lines file (a collection of articles rather
// than one article).
bool collection_input(const std::string& input);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_INPUTS_H_
