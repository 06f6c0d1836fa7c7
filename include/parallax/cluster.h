// parallax/cluster.h: grouping articles into stories, online and in time order.
//
// Contract: a Clusterer is fed articles one at a time, in the order they were
// published; each joins the story it is most similar to, or opens a new one. Nothing
// already decided is recomputed: adding a day of news costs that day's articles, and
// a story not updated for Options::horizon_days stops taking dated members (it falls
// out of the candidate index into a bounded archive that only undated articles search:
// without a date nothing says a story is too old for them). `group` sorts a batch first (by
// event_days: the published time, else a date at the top of the text; then by id, so the order of
// the input among articles of one time does not matter; articles without either keep their input
// order, after the dated ones) and feeds it. Deterministic: the same sequence of adds gives the
// same stories and ids.
//
// Method: each article becomes a sparse vector of weighted term counts: Snowball stems
// of its content words (stopwords dropped), title words and lead words counted more,
// and capitalised word sequences ("Jens Stoltenberg", "NATO") as entity features of
// their own. Similarity is the cosine of TF-IDF vectors with IDF from the document
// frequencies of the stream so far (smoothed; applied at comparison time, so early
// stories are not stuck with the IDF of a stream of ten articles), multiplied by a
// decay on the time between the article and the story's last update (none when either
// has no date), and by a penalty when the article and the story disagree on the
// specific facts of their leads (figures with what they count, dates, years) and share
// none: look-alike events (two earthquakes in one region) differ there; and by another when the
// article leaves out many of the words most of the story's reports open with (a follow-up
// with the same people is another event); and by another when the article's outlet last
// reported in the story days before (an outlet seldom reports one event twice days
// apart). Candidates come from an
// inverted index over each story's top terms, never from all stories; when the index offers
// fewer than Options::max_candidates, the most recently opened live stories fill the places
// (in a small batch of one event the event's own words weigh least and are nobody's top
// terms). After a story takes a member
// it is compared with its best other candidates and merged into one that has converged with it.
// Articles are compared within one language (Article::language, else detected by CLD2 from the
// title and first kilobytes; "und" when unknown). Exact and near-duplicates (see
// dedup.h: wire copies with local edits) join their original's story directly.
//
// Failure: none; an article with no words opens a story of its own.
// Thread-safety: a Clusterer is not thread-safe (one per thread, or lock); `group`
// and `featurize`-free functions are thread-safe.
// Cost: about 0.2 ms per 450-word article on one core (bench/cluster_bench.cc: about
// 7,000 articles a second in a stream of 20,000, about 5,000 in a stream of a million);
// memory is the dedup index (about 600 bytes per article), the ids, the vectors of
// stories still inside the horizon, and the archive (at most archive_stories stories of
// archive_terms terms: about 40 MB at the defaults).
#ifndef PARALLAX_CLUSTER_H_
#define PARALLAX_CLUSTER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"
#include "parallax/dedup.h"

namespace parallax::cluster {

struct Options {
  double threshold = 0.2;        // least (decayed) cosine for an article to join a story
  double merge_threshold = 0.6;  // least (decayed) cosine of two stories to merge them
  double decay_days = 7;  // similarity is multiplied by floor + (1 - floor) exp(-days / decay_days)
  double decay_floor = 0.3;  // ... so a close enough match weeks later still joins
  double horizon_days = 30;  // a story idle this long takes no more members
  double title_weight = 3;   // a title word counts this many body words
  double lead_weight = 2;    // a word of the first lead_words of the body
  uint32_t lead_words = 60;
  double entity_weight = 1.5;     // entity features' weight relative to word stems
  uint32_t max_candidates = 6;    // stories scored exactly per article (see bench/RESULTS.md)
  uint32_t indexed_terms = 24;    // a story's top terms kept in the inverted index
  uint32_t centroid_terms = 300;  // terms kept in a story's vector
  bool near_duplicates = true;    // wire copies join their original's story
  // Specific facts of the lead (numbers with what they count, dates, years). When an
  // article and a story share none and disagree on two or more units (magnitude 6.4
  // against 5.1, 23 dead against 4, 2008 against 2013), each unit after the first
  // multiplies the similarity by fact_penalty (at most max_facts times). Each shared
  // fact multiplies it by 1 + fact_boost: off by default, since look-alike events share
  // figures too (a year, a round magnitude), and it cost precision on ECB+.
  double fact_boost = 0;
  double fact_penalty = 0.7;
  uint32_t max_facts = 3;
  // What a story's event is: the words most of its members use in their headline and
  // first 30 words of text (in at least half of them, and at least two). A report of
  // that event names them somewhere in its text; a follow-up a few days later with the
  // same people (a primary defeat, then the race for the loser's post) leaves many of
  // them out. When an article lacks head_missing or more of a story's head words, its
  // similarity to that story is multiplied by head_penalty. 0 turns this off.
  uint32_t head_missing = 8;
  double head_penalty = 0.5;
  // An outlet seldom reports one event twice days apart; when an article's outlet last
  // reported in a story outlet_gap_days or more before it, the later report is most
  // often a development with the same people (the race for a defeated leader's post),
  // and its similarity to that story is multiplied by outlet_penalty. Same-day updates
  // and daily coverage of a running story are not touched. 0 turns this off.
  double outlet_gap_days = 2;
  double outlet_penalty = 0.7;
  // Stories past the horizon stay reachable for articles without a date (they cannot
  // say which stories are too old): the most recent archive_stories of them, each
  // cut to archive_terms terms. 0 turns this off.
  uint32_t archive_stories = 50000;
  double archive_threshold = 0.4;  // least cosine for an undated article to join an archived story
  uint32_t archive_terms = 64;
  // Word 5-shingle Jaccard of 0.6 is far beyond what two independent texts share, and
  // it still catches a short wire story with a new headline and a local paragraph.
  dedup::Options dedup{0.6, 5};
};

// Where one article went.
struct Placement {
  uint32_t story = 0;         // index of the story it joined (see Clusterer::story_of)
  bool opened = false;        // it opened the story
  int64_t duplicate_of = -1;  // add index of the article it duplicates, or -1
  double similarity = 0;      // decayed cosine with the story it joined (0 when opened)
};

class Clusterer {
 public:
  explicit Clusterer(const Options& options = {});
  ~Clusterer();
  Clusterer(Clusterer&&) noexcept;
  Clusterer& operator=(Clusterer&&) noexcept;

  // Adds the next article (its add index is the number of adds before it).
  Placement add(const Article& article);

  size_t size() const;
  // The story article `index` is in now (after merges): the index of the story's
  // first article's story, stable across later adds except by merging.
  uint32_t story_of(size_t index) const;
  // Add index of the article `index` duplicates, or -1.
  int64_t duplicate_of(size_t index) const;

  // Every story with its members (article ids in add order), time span, label (the
  // title of the member closest to the story's vector) and key entities (the
  // heaviest entity features, at most 8). Ordered by first member's add index.
  // Cost: linear in the articles added.
  std::vector<Story> stories() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The stories of a batch, with each input article's place.
struct Grouping {
  std::vector<Story> stories;
  std::vector<uint32_t> story_of;     // per input article (input order): index into stories
  std::vector<int64_t> duplicate_of;  // per input article: input index of its original, or -1
  std::vector<size_t> order;          // input indices in the order they were fed
};

// Sorts the batch into time order (see the contract above) and groups it. `progress`,
// when set, is called with (articles done, articles in all) every 1,000 articles and
// at the end. Thread-safe; cost as above plus the sort.
Grouping group(const std::vector<Article>& articles, const Options& options = {},
               const std::function<void(size_t, size_t)>& progress = {});

// Days since 1970-01-01 (with the time of day as a fraction) of an ISO 8601 date or
// date-time ("2023-06-07", "2023-06-07T14:05:00Z", "2023-06-07 14:05:00+02:00");
// nullopt when empty or unreadable.
std::optional<double> parse_days(std::string_view iso);

// Undated texts often carry their date at the top (a dateline, a timestamp): the days
// of the first full date ("December 15th, 2008", "26 September 2013", English month
// names) among the first kOpeningBytes of `text`, or nullopt. A year alone ("in 2007")
// does not count.
inline constexpr size_t kOpeningBytes = 300;
std::optional<double> opening_date_days(std::string_view text);

// When an article happened, for grouping: its publication time, else the date at the
// top of its title and text. Articles without either are fed after the dated ones.
std::optional<double> event_days(const Article& article);

}  // namespace parallax::cluster

#endif  // PARALLAX_CLUSTER_H_
