// Private to analyze: direct and indirect quotes with speaker, cue, content and
// source kind.
#ifndef PARALLAX_SRC_ANALYZE_QUOTES_H_
#define PARALLAX_SRC_ANALYZE_QUOTES_H_

#include <memory>
#include <string_view>

#include "parallax/core.h"

namespace parallax::analyze {

// Speech verbs, attribution phrases, anonymous-source and document patterns
// (data/lexicons/attribution.tsv ...) parsed once.
class QuoteLexicon {
 public:
  static Result<QuoteLexicon> load();
  struct Data;
  std::shared_ptr<const Data> data;
};

// Fills out.quotes. Needs segment() and find_entities() first (speakers resolve to
// out.entities where possible, also through pronouns and role nouns).
void find_quotes(std::string_view text, const QuoteLexicon& lexicon, Analysis& out);

}  // namespace parallax::analyze

#endif  // PARALLAX_SRC_ANALYZE_QUOTES_H_
