// parallax/extract.h: from what was ingested to a clean article.
//
// Contract: `clean` removes the residue of the web page a text was scraped from
// (section labels, teaser headlines of related articles interleaved in the body,
// share and comment prompts, credits, repeated captions and bylines) and records each
// removal in Article::residue with its reason. It never removes a sentence of
// reporting: a paragraph is removed only when it is residue by its form and place.
// When the title was taken from the first line and that line is a section label,
// the next line becomes the title. Pure function of the article; thread-safe.
// Cost: linear in the text.
#ifndef PARALLAX_EXTRACT_H_
#define PARALLAX_EXTRACT_H_

#include "parallax/core.h"

namespace parallax::extract {

struct CleanOptions {
  bool enabled = true;
};

// Cleans `article` in place; returns the number of removed pieces.
size_t clean(Article& article, const CleanOptions& options = {});

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_H_
