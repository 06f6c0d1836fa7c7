// Lean article features for story grouping: a few hundred nanoseconds per word, so
// that grouping keeps up with a stream (the full analysis is a thousand times slower).
#ifndef PARALLAX_SRC_CLUSTER_FEATURES_H_
#define PARALLAX_SRC_CLUSTER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/cluster.h"
#include "parallax/core.h"

namespace parallax::cluster::internal {

struct Feature {
  uint64_t key = 0;      // hash of the stem (or of the entity's lower-cased words)
  float weight = 0;      // sublinear weighted count, times the entity weight for entities
  bool entity = false;
};

// A specific fact near the top of an article: a number with the word that says what
// it counts ("7.1 magnitude", "killed 12", "May 3"), or a year. Two reports of one
// event share them; two look-alike events (two earthquakes, two takeovers by one
// company) disagree on them. Packed as unit hash (high 32 bits) and value hash.
using Fact = uint64_t;
inline uint32_t fact_unit(Fact f) { return static_cast<uint32_t>(f >> 32); }

struct ArticleFeatures {
  std::string language;                                    // ISO 639-1, or "und"
  std::vector<Feature> terms;                              // distinct keys
  std::vector<std::pair<uint64_t, std::string>> entity_names;  // key -> surface form (first seen)
  std::vector<Fact> facts;                                 // sorted, distinct
  // Stem keys of the title and the first kHeadWords of the text, sorted, distinct.
  std::vector<uint64_t> head;
};

// Words of the text (after the title) that state the event: a report's headline and
// opening sentence say what happened; what follows is often background.
inline constexpr uint32_t kHeadWords = 30;

// Bytes of the text (after the title) searched for facts: the lead carries the facts
// that define the event; figures further down are often background.
inline constexpr size_t kFactBytes = 1500;

// The facts of `title` and the first kFactBytes of `text`, sorted and distinct.
// Thread-safe.
void extract_facts(std::string_view title, std::string_view text, std::vector<Fact>& out);

struct FactMatch {
  uint32_t shared = 0;     // facts in both
  uint32_t conflicts = 0;  // units both give a value for, with no value in common
};
// Compares two sorted fact lists.
FactMatch match_facts(const std::vector<Fact>& a, const std::vector<Fact>& b);

// The article's language: Article::language when set, else CLD2 on the title and the
// first bytes of the text, else "und". Thread-safe.
std::string article_language(const Article& article);

// Stems, entities and their weights (see cluster.h). Thread-safe (per-thread stemmers).
void featurize(const Article& article, const std::string& language, const Options& options,
               ArticleFeatures& out);

}  // namespace parallax::cluster::internal

#endif  // PARALLAX_SRC_CLUSTER_FEATURES_H_
