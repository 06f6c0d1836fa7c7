// Private to the library: our lexicons (data/lexicons/*.tsv), compiled in; read by
// analyze and extract.
// Format (data/lexicons/README.md): UTF-8, one entry per line, tab-separated columns,
// '#' starts a comment line, blank lines ignored.
#ifndef PARALLAX_SRC_CORE_LEXICON_H_
#define PARALLAX_SRC_CORE_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// The text of an embedded lexicon file by its name ("framing.tsv"); empty if none.
std::string_view embedded_lexicon(std::string_view name);

// Names of all embedded lexicon files.
std::vector<std::string> embedded_lexicon_names();

// Rows of a lexicon: non-comment, non-blank lines split on tabs.
std::vector<std::vector<std::string_view>> lexicon_rows(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_SRC_CORE_LEXICON_H_
