// parallax/dedup.h: exact and near-duplicate articles.
//
// Contract: articles are added one at a time, in time order. Each is fingerprinted
// from its title and text (word 5-shingles of the normalised words) and compared with
// those added before it: an exact duplicate (same normalised text) or a near-duplicate
// (estimated Jaccard similarity of shingle sets at or above Options::threshold: a
// wire copy with local edits, the same article under two URLs, a later update) joins
// the group of the earlier article it matches best; otherwise it opens a group of its
// own. The first article of a group is its canonical member. Duplicates are reported,
// never dropped. Deterministic: the same sequence of adds gives the same groups.
//
// Method: one-permutation MinHash (kSignatureSize bins, with optimal densification)
// and LSH banding (kBands bands of kRows rows) to find candidates; a candidate is
// accepted when its estimated Jaccard is no more than 1.65 standard errors below the
// threshold, so that a pair exactly at the threshold is found 95% of the time (pairs a
// few points below it may be accepted too). With 20 bands of 6 rows, a pair at
// Jaccard 0.8 becomes a candidate with probability 0.998.
//
// Cost: linear in the text per add, plus the candidates in the article's buckets;
// memory about 400 bytes per article. Not thread-safe: one Index per thread, or lock.
#ifndef PARALLAX_DEDUP_H_
#define PARALLAX_DEDUP_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"

namespace parallax::dedup {

inline constexpr int kBands = 20;
inline constexpr int kRows = 6;
inline constexpr int kSignatureSize = kBands * kRows;

struct Options {
  double threshold = 0.8;     // least estimated Jaccard for a near-duplicate
  uint32_t shingle_words = 5;
};

// A text's fingerprint.
struct Signature {
  uint64_t exact = 0;                         // XXH3 of the normalised words' hashes
  uint32_t shingles = 0;                      // distinct shingles seen (0: empty text)
  std::array<uint32_t, kSignatureSize> mins{};
};

// Fingerprints `text`. Words are runs of letters and digits, lower-cased (ASCII and
// Latin-1/Greek/Cyrillic letters by simple folding; other scripts as they are).
// Thread-safe.
Signature fingerprint(std::string_view text, const Options& options = {});

// Estimated Jaccard similarity of two fingerprinted texts, in [0, 1].
double estimate_jaccard(const Signature& a, const Signature& b);

enum class Kind : uint8_t { kUnique, kExact, kNear };
const char* to_string(Kind k);

struct Match {
  Kind kind = Kind::kUnique;
  uint32_t group = 0;         // the group the article is in (index of its canonical article)
  uint32_t matched = 0;       // index of the earlier article it matched (itself when unique)
  double similarity = 1.0;    // estimated Jaccard with `matched`
};

class Index {
 public:
  explicit Index(const Options& options = {});
  ~Index();
  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;

  // Adds the next article (its index is the number of adds before it) and says what it
  // duplicates. `text` should hold the title and the body.
  Match add(std::string_view text);
  Match add(const Signature& signature);

  size_t size() const;
  // Group (canonical article index) of every article added, in order.
  const std::vector<uint32_t>& groups() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Groups a batch of articles (title and text) in the given order.
std::vector<Match> find_duplicates(const std::vector<Article>& articles, const Options& options = {});

}  // namespace parallax::dedup

#endif  // PARALLAX_DEDUP_H_
