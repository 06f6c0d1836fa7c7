// Private to analyze: Unicode normalisation, language identification, sentence
// segmentation, word tokens, stems and stopwords.
#ifndef PARALLAX_SRC_ANALYZE_TEXT_H_
#define PARALLAX_SRC_ANALYZE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"

namespace parallax::analyze {

// ISO 639-1 code of the text's language by CLD2 ("en", "de", "zh"...), "un" when
// unreliable or unknown. Thread-safe.
std::string detect_language(std::string_view text);

// NFKC + case folding + straight quotes/apostrophes + dashes to "-". Thread-safe.
std::string normalize(std::string_view word);

// Snowball stem of a normalised word for an ISO 639-1 language; the word itself when
// there is no stemmer for the language. Thread-safe (one stemmer per thread).
std::string stem(std::string_view norm, std::string_view language);

// True when `norm` is a stopword of `language` (English, German, French, Spanish,
// Italian, Portuguese, Dutch, Russian; false for others).
bool is_stopword(std::string_view norm, std::string_view language);

// Fills out.sentences and out.tokens for `text` (out.language must be set). When
// `paragraphs` is given, sentences never cross a paragraph boundary and carry their
// paragraph index; otherwise blank lines separate paragraphs.
void segment(std::string_view text, const std::vector<Paragraph>* paragraphs, Analysis& out);

}  // namespace parallax::analyze

#endif  // PARALLAX_SRC_ANALYZE_TEXT_H_
