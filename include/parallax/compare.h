// parallax/compare.h: how articles about one event differ.
//
// Contract: given 2 to 50 articles with their analyses (same order), aligns
// sentences that report the same fact across articles (stems, WordNet synonyms,
// agreement of entities, numbers and dates), groups them into facts, and derives
// per-article additions and omissions, entity and speaker coverage, sourcing and
// framing profiles, a headline comparison and a timeline. Deterministic for the
// same input. Thread-safe (no shared state beyond the const Lexical).
// Cost: O(S^2) similarity over candidate sentence pairs sharing a content stem,
// S the total number of sentences; well under a second for 50 articles of 800 words.
#ifndef PARALLAX_COMPARE_H_
#define PARALLAX_COMPARE_H_

#include <vector>

#include "parallax/analyze.h"
#include "parallax/core.h"

namespace parallax::compare {

struct Options {
  float fact_threshold = 0.30f;  // least similarity for two sentences to state one fact
};

Comparison compare(const std::vector<Article>& articles, const std::vector<Analysis>& analyses,
                   const analyze::Lexical& lexical, const Options& options = {});

// Similarity in [0, 1] of two sentences of analysed articles (exposed for tests).
float sentence_similarity(const Analysis& a, uint32_t sa, const Analysis& b, uint32_t sb,
                          const analyze::Lexical& lexical);

}  // namespace parallax::compare

#endif  // PARALLAX_COMPARE_H_
