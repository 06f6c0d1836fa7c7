// Private to extract: the pieces of the cleaner that tests look at directly.
#ifndef PARALLAX_SRC_EXTRACT_CLEAN_INTERNAL_H_
#define PARALLAX_SRC_EXTRACT_CLEAN_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parallax::extract::internal {

inline constexpr std::string_view kSectionLabel = "section label";
// A prompt is a short paragraph: longer ones are text that happens to start alike.
inline constexpr size_t kMaxPromptWords = 25;

// Words of a paragraph looked at one by one; the rest are only counted.
inline constexpr size_t kDetailWords = 32;

// The form of one paragraph (capitals and marks from its first kDetailWords words).
struct Shape {
  size_t words = 0;              // words with a letter or digit
  bool ends_sentence = false;    // last mark (before closing quotes) is . ! ? …
  bool ends_terminal = false;    // ... or : ; ,
  bool starts_upper = false;     // first word starts with a capital (or a digit)
  bool all_capitalised = false;  // no lower-case word but small function words
  bool plain_words = true;       // only letters, digits and - ' . & inside words
  float title_case = 0;          // capitalised share of the words that aren't small
};

Shape shape_of(std::string_view paragraph);

// Case-folded words of a paragraph (see data/lexicons/residue.tsv).
std::string key_of(std::string_view paragraph, bool trim_end);

struct ResidueLexicon {
  std::unordered_map<std::string, std::string> whole;         // key -> reason
  std::vector<std::pair<std::string, std::string>> prefixes;  // (key, reason), longest first
};
const ResidueLexicon& residue_lexicon();

// The residue.tsv reason of a short paragraph, or empty.
std::string_view lexicon_reason(std::string_view paragraph, const Shape& shape);

// A section's name, or a breadcrumb of them ("World", "News / Asia").
bool is_section_label(std::string_view paragraph);

}  // namespace parallax::extract::internal

#endif  // PARALLAX_SRC_EXTRACT_CLEAN_INTERNAL_H_
