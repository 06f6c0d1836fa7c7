// parallax/eval.h: scoring Parallax on public evaluation sets.
//
// Contract: each function reads a set laid out as in the project's evaluation data
// (one folder per set, described in its README), runs the stage under test, and
// returns the set's own metric for Parallax and, where the set ships the outputs of
// published systems, for them too, computed by the same code. Fails with kNotFound /
// kInvalidInput naming the folder or file when the layout is wrong; a page or article
// that fails is counted as a miss, never stops the run. Not thread-safe per call
// (uses the cores it is given). Cost: linear in the set.
//
// Extraction sets (evaluate_extraction):
// - "zyte" layout: pages/ID.html.gz, truth.jsonl {id, url, body}, peers/TOOL.json
//   ({id: {"articleBody": text}}). Metric of the Zyte article-extraction benchmark:
//   tokens are runs of word characters (Python's \w: letters, numbers, underscore);
//   shingles of 4 tokens (one shorter shingle when the text has fewer tokens) counted
//   with repeats; per page tp/fp/fn normalised to sum 1; precision averaged over the
//   pages with tp+fp > 0, recall over those with tp+fn > 0 (so an empty prediction
//   costs recall only, as in the benchmark's evaluate.py); F1 is the harmonic mean of
//   the two averages.
// - "trafilatura" layout: pages/ID.gz, truth.jsonl {id, url, must_include,
//   must_exclude, title, author, date, ...}. Metric of trafilatura's evaluation:
//   whitespace-normalised substring search, pooled counts (a must_include found is a
//   true positive, missed a false negative; a must_exclude found a false positive);
//   title, author and date accuracy over the pages that have them, by exact match after
//   normalisation (case folding and white space; authors as a set of names; dates as
//   YYYY-MM-DD).
#ifndef PARALLAX_EVAL_H_
#define PARALLAX_EVAL_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"

namespace parallax::eval {

// ---------------------------------------------------------------------------
// Metrics (pure functions; thread-safe)
// ---------------------------------------------------------------------------

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

// Precision and recall with their harmonic mean (0 when both are 0).
Prf with_f1(double precision, double recall);

// Shares of true positives, false positives and false negatives on one page,
// normalised to sum 1 (all 0 when truth and prediction have no shingles).
struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;
};

// Runs of word characters as Python's re \w+ finds them in a str.
std::vector<std::string_view> word_tokens(std::string_view text);

// The benchmark's string_shingle_matching.
ShingleCounts shingle_match(std::string_view truth, std::string_view prediction, size_t n = 4);

// The benchmark's metrics_from_tp_fp_fns (see the contract above).
Prf average_prf(const std::vector<ShingleCounts>& pages);

struct SnippetCounts {
  size_t tp = 0, fn = 0, fp = 0, tn = 0;
};

// White space runs to one space, trimmed.
std::string normalize_whitespace(std::string_view s);

// Adds one page's snippet matches to `counts`.
void count_snippets(std::string_view output, const std::vector<std::string>& must_include,
                    const std::vector<std::string>& must_exclude, SnippetCounts& counts);

// Pooled precision, recall, F1 (0 when undefined).
Prf snippet_prf(const SnippetCounts& counts);

// Metadata comparison after normalisation.
bool same_title(std::string_view ours, std::string_view truth);
bool same_authors(const std::vector<std::string>& ours, const std::vector<std::string>& truth);
bool same_date(std::string_view ours, std::string_view truth);

// ---------------------------------------------------------------------------
// Running a set
// ---------------------------------------------------------------------------

struct ExtractionOptions {
  // Called after each page with (pages done, pages in all); may be empty.
  std::function<void(size_t, size_t)> progress;
  bool keep_predictions = false;  // fill ExtractionReport::predictions
};

struct Prediction {
  std::string id;
  std::string body;
  std::string title;
  std::vector<std::string> authors;
  std::string published;
  std::string error;  // why extraction failed; empty when it worked
};

struct PeerScore {
  std::string name;     // the peers/ file name without .json
  Prf score;
  std::string published;  // the F1 the set's README gives for it, or empty
};

struct ExtractionReport {
  std::string set;      // "zyte" or "trafilatura"
  size_t pages = 0;
  size_t failed = 0;    // pages extract_html returned an error for
  Prf ours;
  std::vector<PeerScore> peers;                // zyte: every peers/*.json, best F1 first
  std::map<std::string, std::string> published;  // README: system -> published F1
  // trafilatura set.
  SnippetCounts snippets;
  size_t title_pages = 0, title_hits = 0;
  size_t author_pages = 0, author_hits = 0;
  size_t date_pages = 0, date_hits = 0;
  // Speed of extract_html alone (decompression and file reading excluded): wall-clock
  // seconds, and CPU seconds of the calling thread (what one core spent, whatever
  // else the machine was doing).
  double seconds = 0;
  double cpu_seconds = 0;
  size_t html_bytes = 0;
  std::vector<Prediction> predictions;  // when ExtractionOptions::keep_predictions

  double title_accuracy() const { return title_pages ? double(title_hits) / title_pages : 0; }
  double author_accuracy() const { return author_pages ? double(author_hits) / author_pages : 0; }
  double date_accuracy() const { return date_pages ? double(date_hits) / date_pages : 0; }
  double pages_per_second() const { return seconds > 0 ? pages / seconds : 0; }
  double mb_per_second() const { return seconds > 0 ? html_bytes / 1e6 / seconds : 0; }
  double cpu_mb_per_second() const { return cpu_seconds > 0 ? html_bytes / 1e6 / cpu_seconds : 0; }
};

// Scores extract_html on the set in `dir` (layout detected from truth.jsonl: a
// "body" field means zyte, "must_include" means trafilatura).
Result<ExtractionReport> evaluate_extraction(const std::string& dir, const ExtractionOptions& options = {});

}  // namespace parallax::eval

#endif  // PARALLAX_EVAL_H_

// ===========================================================================
// Story grouping (evaluate_grouping). A block of its own, after the extraction
// part above, with its own guard.
//
// Set layout ("events" sets): articles.jsonl (id, outlet, title, date, url, text) and
// gold.tsv (article id TAB event id). The articles are grouped by cluster::group
// (dated ones in time order, undated ones in file order) and scored against gold.tsv
// over the articles gold.tsv names (one it names that articles.jsonl lacks counts as
// a story of its own). Metrics:
// - pairwise (Miranda et al. 2018): over all pairs of articles, a pair is positive
//   when both are in one cluster; precision = pairs together in both / pairs together
//   in ours, recall = ... / pairs together in gold (1 when the denominator is 0).
// - BCubed (Bagga and Baldwin 1998; Amigó et al. 2009): per article, precision = share
//   of its predicted cluster in its gold cluster, recall = share of its gold cluster in
//   its predicted cluster (both count the article itself); averaged over articles.
// F1 is the harmonic mean of the precision and recall. The README beside the set
// (DIR/../README.md) gives the "plain TF-IDF single pass" baseline, read into the
// report when present.
// ===========================================================================
#ifndef PARALLAX_EVAL_GROUPING_BLOCK_
#define PARALLAX_EVAL_GROUPING_BLOCK_

#include "parallax/cluster.h"

namespace parallax::eval {

// Pairwise and BCubed scores of a clustering; `gold[i]` and `predicted[i]` are the
// cluster labels of item i (any numbering). Pure; thread-safe; O(n log n).
struct ClusterScores {
  Prf pairwise;
  Prf bcubed;
};
ClusterScores cluster_scores(const std::vector<uint32_t>& gold, const std::vector<uint32_t>& predicted);

struct GroupingOptions {
  cluster::Options cluster;
};

struct GroupingReport {
  std::string set;              // the folder's name
  size_t articles = 0;          // read from articles.jsonl
  size_t scored = 0;            // named in gold.tsv
  size_t events = 0;            // gold events
  size_t stories = 0;           // our stories
  size_t failed = 0;            // articles.jsonl lines that could not be read
  ClusterScores ours;
  std::string baseline_pairwise;  // the README's plain TF-IDF single pass pairwise F1, or ""
  double seconds = 0;           // cluster::group alone
};

// Scores cluster::group on the set in `dir`. kNotFound / kInvalidInput naming the
// file when articles.jsonl or gold.tsv is missing or unreadable.
Result<GroupingReport> evaluate_grouping(const std::string& dir, const GroupingOptions& options = {});

}  // namespace parallax::eval

#endif  // PARALLAX_EVAL_GROUPING_BLOCK_

// ===========================================================================
// Framing: media bias (evaluate_bias) and propaganda spans (evaluate_propaganda).
// A block of its own, with its own guard.
//
// Bias sets ("babe" layout): sentences.jsonl, one object a line with id, text, label
// ("biased" | "neutral") and biased_words (the words the annotators marked). Each
// sentence is analysed on its own (analyze_text, language detected) and classified by
// framing_says_biased. Metrics: precision, recall and F1 per class, macro-F1 (mean of
// the two F1s), accuracy; word recall = share of the marked words (over all
// sentences) of which some occurrence in the text, matched case-insensitively as a
// whole word, overlaps one of our framing spans.
//
// Propaganda sets ("ptc" layout, SemEval-2020 Task 11): articles/articleID.txt and
// spans.tsv (article id TAB technique TAB start TAB end, offsets in Unicode code
// points). Metric of the task's span-identification scorer (task-SI_scorer.py):
// in each article the gold spans of the techniques considered are merged where they
// overlap, and so are ours; every pair (ours p, gold g) in one article adds
// |p ∩ g| / |p| to the precision sum and |p ∩ g| / |g| to the recall sum (in code
// points); precision = sum / number of our spans, recall = sum / number of gold
// spans (over every article of the set); F1 their harmonic mean (1 when both
// counts are 0). Scored for Loaded_Language and Name_Calling,Labeling together and
// each alone; our categories map as documented at framing_technique, our spans are
// widened to their phrase by phrase_span.
//
// The README beside each set gives published figures; its "Published" paragraph is
// read into the report as it stands.
// ===========================================================================
#ifndef PARALLAX_EVAL_FRAMING_BLOCK_
#define PARALLAX_EVAL_FRAMING_BLOCK_

namespace parallax::eval {

// ---- Offsets (pure) -------------------------------------------------------

// The code point index of byte offset `byte` in UTF-8 `text` (a byte inside a
// sequence counts as its code point; past the end: the number of code points).
// Invalid bytes count one code point each, as a decoder replacing them would.
uint32_t byte_to_code_point(std::string_view text, uint32_t byte);
// The byte offset of code point `cp` (past the end: text.size()).
uint32_t code_point_to_byte(std::string_view text, uint32_t cp);

// Maps many offsets of one text in one pass each way: code_points()[b] is the code
// point index of byte b (for b in 0..size), bytes()[c] the byte offset of code point
// c (for c in 0..count).
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);
  uint32_t to_code_point(uint32_t byte) const;
  uint32_t to_byte(uint32_t cp) const;
  uint32_t code_points() const { return static_cast<uint32_t>(bytes_.size()) - 1; }

 private:
  std::vector<uint32_t> cps_;    // per byte
  std::vector<uint32_t> bytes_;  // per code point, plus the end
};

// ---- Sentence classification (pure) --------------------------------------

struct BinaryScores {
  Prf positive;  // the "biased" class
  Prf negative;  // the "neutral" class
  double macro_f1 = 0;
  double accuracy = 0;
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
};

// Scores of predicted against gold labels (true = biased). A class with no
// prediction and no gold item has P = R = F1 = 0.
BinaryScores binary_scores(const std::vector<bool>& gold, const std::vector<bool>& predicted);

// The decision rule: the text is biased when the framing analysis finds evaluative
// wording that is the writer's own: any sentence marked is_opinion, or, outside
// quoted content, any label, loaded or intensifier span of strength >=
// kBiasedSpanStrength (above the 0.2-0.3 of common journalese).
inline constexpr float kBiasedSpanStrength = 0.4f;
bool framing_says_biased(const Analysis& analysis);

struct WordCoverage {
  size_t words = 0;    // marked words
  size_t found = 0;    // of them, found in the text
  size_t covered = 0;  // of them, overlapping one of our spans
  double recall() const { return words ? static_cast<double>(covered) / words : 0; }
};

// Adds one sentence's marked words to `acc` (see the block comment).
void cover_words(std::string_view text, const std::vector<std::string>& marked,
                 const std::vector<FramingSpan>& framing, WordCoverage& acc);

// ---- Span identification (pure) -------------------------------------------

// Spans merged where they overlap (sharing at least one offset; touching spans stay
// apart), sorted; empty spans dropped.
std::vector<Span> merge_overlapping(std::vector<Span> spans);

struct SpanSums {
  double precision_sum = 0, recall_sum = 0;
  size_t predicted = 0, gold = 0;
};

// Adds one article: `predicted` and `gold` are merged first (see above).
void add_span_scores(const std::vector<Span>& predicted, const std::vector<Span>& gold, SpanSums& sums);

// Precision, recall and F1 of the task's scorer from the sums.
Prf span_prf(const SpanSums& sums);

// The PTC technique one of our framing categories stands for: label ->
// "Name_Calling,Labeling"; loaded and intensifier -> "Loaded_Language" (the task's
// guidelines count emotive intensifying wording as loaded language; its
// Exaggeration,Minimisation technique is about claims, not single words); hedge and
// opinion -> "" (no counterpart among the two techniques).
std::string_view framing_technique(FrameCategory category);

// The phrase a framing span is scored as: the task's annotators mark the loaded
// phrase ("vile attack", "radical leftists"), our lexicon its trigger word. The span
// takes in the content word (not a stopword or number) directly after it, joined by
// one space in the same sentence, and a label also the one directly before it (its
// modifier); then the adverbs that grade the phrase from the left ("criminally
// reckless", "so absurd": lower-case words in -ly other than a few common nouns and
// adjectives, and "so", "too", "quite", "rather"). Other spans are returned unchanged.
Span phrase_span(std::string_view text, const Analysis& analysis, const FramingSpan& span);

// ---- Running a set --------------------------------------------------------

struct BiasReport {
  std::string set;
  size_t sentences = 0;
  size_t failed = 0;  // lines that could not be read
  size_t biased_gold = 0, biased_predicted = 0;
  BinaryScores scores;
  WordCoverage words;
  std::string published;  // the README's "Published" paragraph, or ""
  double seconds = 0;     // analysis alone
};

// Scores the framing analysis on the bias set in `dir` (sentences.jsonl).
Result<BiasReport> evaluate_bias(const std::string& dir);

struct TechniqueScore {
  std::string technique;  // "Loaded_Language", "Name_Calling,Labeling", or both joined by " + "
  Prf score;
  size_t predicted = 0, gold = 0;  // spans after merging
};

struct PropagandaReport {
  std::string set;
  size_t articles = 0;
  size_t failed = 0;      // articles that could not be read
  TechniqueScore both;    // the two techniques together
  TechniqueScore loaded;  // Loaded_Language
  TechniqueScore labels;  // Name_Calling,Labeling
  std::string published;  // the README's "Published" paragraph, or ""
  double seconds = 0;     // analysis alone
  size_t bytes = 0;       // article text analysed
};

// Scores the framing spans on the propaganda set in `dir` (articles/, spans.tsv).
Result<PropagandaReport> evaluate_propaganda(const std::string& dir);

}  // namespace parallax::eval

#endif  // PARALLAX_EVAL_FRAMING_BLOCK_
