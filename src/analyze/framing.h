// Private to analyze: loaded and evaluative wording as spans with categories, and
// which sentences opine rather than report.
#ifndef PARALLAX_SRC_ANALYZE_FRAMING_H_
#define PARALLAX_SRC_ANALYZE_FRAMING_H_

#include <memory>
#include <string_view>

#include "parallax/core.h"

namespace parallax::analyze {

// data/lexicons/framing.tsv parsed once.
class FramingLexicon {
 public:
  static Result<FramingLexicon> load();
  struct Data;
  std::shared_ptr<const Data> data;
};

// Fills out.framing and sets Sentence::is_opinion. Needs segment() first; uses
// out.quotes (wording inside a direct quote is the speaker's, not the outlet's) when
// present.
void find_framing(std::string_view text, const FramingLexicon& lexicon, Analysis& out);

}  // namespace parallax::analyze

#endif  // PARALLAX_SRC_ANALYZE_FRAMING_H_
