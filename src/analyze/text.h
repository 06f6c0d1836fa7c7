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

// The length in bytes of a US legislator's party code at text[pos], after "(", a space
// or the text's start: "D-Ore.", "R-Texas", "I-Vt.", "D-N.Y.", "R-W. Va." (one or two
// capitalised words after "D-", "R-" or "I-", ending at ")", ",", ";" or the text's end),
// or "R" alone in "(R)"; 0 when there is none.
size_t party_code_length(std::string_view text, size_t pos);

// English closed classes the entity and quote finders share: prepositions ("of",
// "amid", "following"; not "to", which also marks an infinitive), and the words that
// open a subordinate clause with a subject of its own ("when", "after", "because").
bool is_preposition(std::string_view norm);
bool is_subordinator(std::string_view norm);
// Finite forms of "be", "have", "do" and the modals: a clause's verb has begun.
bool is_auxiliary(std::string_view norm);
// A role noun written out from its usual abbreviation ("sen" -> "senator", "gov" ->
// "governor", "atty" -> "attorney"); `norm` itself for any other word.
std::string_view expand_role_abbreviation(std::string_view norm);

// A person's sex as a text states it. word_gender gives the sex a normalised word states
// by data/lexicons/gender.tsv (an honorific, a person noun, a given name borne mostly by
// one sex: "ms", "spokeswoman", "nancy"), kGenderUnknown for any other. Thread-safe.
constexpr uint8_t kGenderUnknown = 0, kFemale = 1, kMale = 2;
uint8_t word_gender(std::string_view norm);

// Fills out.sentences and out.tokens for `text` (out.language must be set). When
// `paragraphs` is given, sentences never cross a paragraph boundary and carry their
// paragraph index; otherwise blank lines separate paragraphs.
void segment(std::string_view text, const std::vector<Paragraph>* paragraphs, Analysis& out);

}  // namespace parallax::analyze

#endif  // PARALLAX_SRC_ANALYZE_TEXT_H_
