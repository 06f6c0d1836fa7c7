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

// The bytes of a file, gunzipped when they start with the gzip magic bytes.
// kNotFound / kIoError / kInvalidInput (corrupt gzip) naming the path.
Result<std::string> read_maybe_gzip(const std::string& path);
// The same for bytes already in memory; `name` names them in errors.
Result<std::string> gunzip_if_needed(std::string bytes, const std::string& name);

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
  // Speed of extract_html alone (decompression and file reading excluded).
  double seconds = 0;
  size_t html_bytes = 0;
  std::vector<Prediction> predictions;  // when ExtractionOptions::keep_predictions

  double title_accuracy() const { return title_pages ? double(title_hits) / title_pages : 0; }
  double author_accuracy() const { return author_pages ? double(author_hits) / author_pages : 0; }
  double date_accuracy() const { return date_pages ? double(date_hits) / date_pages : 0; }
  double pages_per_second() const { return seconds > 0 ? pages / seconds : 0; }
  double mb_per_second() const { return seconds > 0 ? html_bytes / 1e6 / seconds : 0; }
};

// Scores extract_html on the set in `dir` (layout detected from truth.jsonl: a
// "body" field means zyte, "must_include" means trafilatura).
Result<ExtractionReport> evaluate_extraction(const std::string& dir, const ExtractionOptions& options = {});

}  // namespace parallax::eval

#endif  // PARALLAX_EVAL_H_
