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

struct ArticleFeatures {
  std::string language;                                    // ISO 639-1, or "und"
  std::vector<Feature> terms;                              // distinct keys
  std::vector<std::pair<uint64_t, std::string>> entity_names;  // key -> surface form (first seen)
};

// The article's language: Article::language when set, else CLD2 on the title and the
// first bytes of the text, else "und". Thread-safe.
std::string article_language(const Article& article);

// Stems, entities and their weights (see cluster.h). Thread-safe (per-thread stemmers).
void featurize(const Article& article, const std::string& language, const Options& options,
               ArticleFeatures& out);

}  // namespace parallax::cluster::internal

#endif  // PARALLAX_SRC_CLUSTER_FEATURES_H_
