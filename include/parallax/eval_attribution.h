// parallax/eval_attribution.h: scoring the quote and attribution finder on a
// brat-annotated attribution set (PolNeAR layout).
//
// Contract: evaluate_attribution reads one split of the set, analyses every
// annotated article with analyze::Analyzer (language "en") and scores the cue,
// source (speaker) and content spans of Analysis::quotes against the gold spans.
// Fails with kNotFound naming the folder when DIR/text or DIR/attributions is
// missing, kInvalidInput when no article has annotations. An article whose .ann file
// is malformed or whose text is unreadable is counted in `failed` and left out of
// the scores; it never stops the run. Not thread-safe per call. Cost: linear in the
// set (one analysis per article).
//
// Set layout: DIR/text/NAME.txt and DIR/attributions/NAME_ANNOTATOR.ann (brat
// standoff). Several annotators may have annotated one article: the first file by
// name (byte order of ANNOTATOR) that holds at least one annotation line is used, so
// the choice is deterministic; articles with no such file are counted in
// `unannotated` and not scored. Gold spans: every T line of type Source, Cue or
// Content (whether or not an E line ties it; other types such as Attribution, which
// repeats the cue, Discuss and Discard are ignored). Offsets are code points into the
// text file, converted to bytes with OffsetMap. A discontinuous span ("10 20;25 40")
// counts as its extent, from the first fragment's start to the last one's end.
//
// Predicted spans: per Quote, its cue (when not empty), its speaker_span (when not
// empty) and its content; identical spans of one role in one article count once
// (the parts of a split quotation share a cue and a speaker). The parts of one
// attribution (Quote::continues) give one content, from the first part's start to the
// last part's end: the way a discontinuous gold span is read.
//
// Metrics, per role, pooled over all scored articles (micro-averaged):
// - exact: both our spans and the gold spans are first trimmed of white space,
//   punctuation and quotation marks at both ends (Unicode punctuation, ICU
//   u_ispunct); distinct trimmed spans only. A predicted span is a true positive when
//   a gold span of the role is byte-for-byte the same span. precision = true
//   positives / our spans, recall = gold spans equal to one of ours / gold spans.
// - overlap: the same trimmed spans, matched one-to-one greedily by the size of
//   their overlap in bytes, largest first (ties: earlier gold span, then earlier
//   predicted span); a pair must share at least one byte. precision = matched pairs /
//   our spans, recall = matched pairs / gold spans.
// F1 is the harmonic mean (0 when precision or recall is 0; 1 when there are neither
// predicted nor gold spans).
//
// The README beside the split (DIR/README.md, else DIR/../README.md) gives published
// figures; its "Published" paragraph is read into the report as it stands.
#ifndef PARALLAX_EVAL_ATTRIBUTION_H_
#define PARALLAX_EVAL_ATTRIBUTION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/core.h"
#include "parallax/eval.h"

namespace parallax::eval {

// ---- Parsing brat standoff (pure) -------------------------------------------

struct BratSpan {
  std::string id;    // "T12"
  std::string type;  // "Source", "Cue", "Content", ...
  Span span;         // code points; the extent of all fragments
};

// The T lines of a brat .ann file (E, A, R, N, M and # lines are accepted and
// skipped; a line that is no annotation right after a T line continues that line's
// text and is skipped). kInvalidInput naming `name` and the line number when a T
// line lacks its type or offsets, has offsets that are not numbers, or a start after
// its end, and when any other line is not an annotation.
Result<std::vector<BratSpan>> parse_brat(std::string_view ann, const std::string& name);

// ---- Span matching (pure) ---------------------------------------------------

// `s` (bytes of UTF-8 `text`) without white space, punctuation and quotation marks
// at either end; empty when nothing is left.
Span trim_attribution_span(std::string_view text, Span s);

struct MatchCounts {
  size_t predicted = 0;   // distinct non-empty trimmed spans of ours
  size_t gold = 0;        // distinct non-empty trimmed gold spans
  size_t exact_ours = 0;  // of ours, equal to a gold span
  size_t exact_gold = 0;  // of gold, equal to one of ours
  size_t overlap = 0;     // one-to-one pairs sharing at least one byte
};

// Adds one article's spans of one role (bytes into `text`; trimmed here, empty and
// duplicate spans dropped) to `counts`.
void add_matches(std::string_view text, const std::vector<Span>& predicted,
                 const std::vector<Span>& gold, MatchCounts& counts);

Prf exact_prf(const MatchCounts& counts);
Prf overlap_prf(const MatchCounts& counts);

// ---- Running a set -----------------------------------------------------------

struct RoleScore {
  Prf exact;
  Prf overlap;
  MatchCounts counts;
};

struct AttributionReport {
  std::string set;                  // the folder's name ("dev")
  size_t articles = 0;              // scored
  size_t unannotated = 0;           // texts without a non-empty .ann file
  size_t failed = 0;                // malformed .ann or unreadable text
  std::vector<std::string> errors;  // one message per failure
  RoleScore cue, source, content;
  std::string published;  // the README's "Published" paragraph, or ""
  double seconds = 0;     // analysis alone
  size_t bytes = 0;       // text analysed
};

// Scores the quote finder on the split in `dir` (see the contract above).
Result<AttributionReport> evaluate_attribution(const std::string& dir);

}  // namespace parallax::eval

#endif  // PARALLAX_EVAL_ATTRIBUTION_H_
